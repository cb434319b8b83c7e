package dev.nce.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Upgrade paths stay acyclic (R-I1: no downgrades, so no path may lead back). */
class UpgradeGraphTest {

    static final String BASIC = "CFQ7TTC0LH18:0001";
    static final String STANDARD = "CFQ7TTC0LDPB:0001";
    static final String PREMIUM = "CFQ7TTC0LCHC:0002";

    static final Map<String, List<String>> BUSINESS = Map.of(
            BASIC, List.of(STANDARD, PREMIUM),
            STANDARD, List.of(PREMIUM),
            PREMIUM, List.of());

    @Test
    void a_chain_is_fine() {
        assertThatCode(() -> new UpgradeGraph(BUSINESS).check(STANDARD, List.of(PREMIUM))).doesNotThrowAnyException();
    }

    @Test
    void a_path_back_to_the_source_is_a_cycle() {
        assertThatThrownBy(() -> new UpgradeGraph(BUSINESS).check(PREMIUM, List.of(BASIC)))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("validation-failed");
                    assertThat(e.details()).containsEntry("field", "upgradePaths[0]");
                    assertThat(e.getMessage()).contains(PREMIUM + " -> " + BASIC);
                });
    }

    @Test
    void a_longer_cycle_names_the_offending_path() {
        assertThatThrownBy(() -> new UpgradeGraph(Map.of(BASIC, List.of(STANDARD), STANDARD, List.of())).check(STANDARD,
                List.of("CFQ7TTC0LFLZ:0001", BASIC)))
                .isInstanceOfSatisfying(RuleViolation.class,
                        e -> assertThat(e.details()).containsEntry("field", "upgradePaths[1]"));
    }

    @Test
    void replacing_an_offers_paths_drops_its_old_edges() {
        // Premium used to lead to Basic? No: here Standard drops Premium and points nowhere; Premium -> Standard is then fine
        Map<String, List<String>> graph = Map.of(STANDARD, List.of(PREMIUM), PREMIUM, List.of());
        UpgradeGraph g = new UpgradeGraph(graph);
        g.check(STANDARD, List.of());
        assertThatCode(() -> g.check(PREMIUM, List.of(STANDARD))).doesNotThrowAnyException();
    }
}
