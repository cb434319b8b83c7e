package dev.nce.kit.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nce.kit.problem.Problem;
import dev.nce.kit.problem.Problems;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 items 1 and 6: what the kit's JSON rules refuse, and the 400 field each refusal names. */
class MalformedJsonDefectsTest {

    record Body(String name, Integer quantity, List<String> tags) {}

    private static final ObjectMapper MAPPER = mapper();

    private static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.findAndRegisterModules();
        new JsonSetup().customize(mapper);
        return mapper;
    }

    private static Problem refusal(String json) {
        Throwable[] thrown = new Throwable[1];
        assertThatThrownBy(() -> MAPPER.readValue(json, Body.class)).satisfies(t -> thrown[0] = t);
        return Problems.from(thrown[0]);
    }

    @Test
    void fractional_quantity_10_4_is_refused_not_truncated_to_10() {
        Problem p = refusal("{\"name\":\"a\",\"quantity\":10.4}");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.extensions()).containsEntry("field", "quantity");
    }

    @Test
    void duplicate_json_keys_are_refused() {
        Problem p = refusal("{\"name\":\"a\",\"name\":\"b\"}");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.code()).isEqualTo("validation-failed");
    }

    @Test
    void trailing_garbage_after_the_body_is_refused() {
        Problem p = refusal("{\"name\":\"a\"} {\"name\":\"b\"}");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.extensions()).containsEntry("field", "body");
    }

    @Test
    void nul_character_in_a_string_is_refused_naming_the_field() {
        Problem p = refusal("{\"name\":\"a\\u0000b\"}");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.extensions()).containsEntry("field", "name");
    }

    @Test
    void a_1_2_mb_name_is_refused_naming_the_field_without_echoing_it() {
        String huge = "x".repeat(1_200_000);
        Problem p = refusal("{\"name\":\"" + huge + "\"}");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.extensions()).containsEntry("field", "name");
        assertThat(p.detail()).hasSizeLessThan(200).contains("4096");
    }

    @Test
    void a_list_of_1001_entries_is_refused_and_1000_is_taken() throws Exception {
        String thousand = String.join(",", java.util.Collections.nCopies(1000, "\"t\""));
        assertThat(MAPPER.readValue("{\"tags\":[" + thousand + "]}", Body.class).tags()).hasSize(1000);
        Problem p = refusal("{\"tags\":[" + thousand + ",\"t\"]}");
        assertThat(p.status()).isEqualTo(400);
        assertThat(p.extensions()).containsEntry("field", "tags");
    }
}
