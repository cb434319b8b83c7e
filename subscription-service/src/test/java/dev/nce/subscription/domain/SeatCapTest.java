package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeatCapTest {

    static final SeatCap SEPARATE = new SeatCap(300, false, SeatCap.DEFAULT_COMBINED_GROUPS);
    static final SeatCap COMBINED = new SeatCap(300, true, SeatCap.DEFAULT_COMBINED_GROUPS);

    @ParameterizedTest(name = "D9 {0}: held {2} + external {3} + requested {4} -> allowed {5}")
    @CsvSource({
            "separate, M365_BUSINESS_PREMIUM, 0,   0,  300, true",
            "separate, M365_BUSINESS_PREMIUM, 0,   0,  301, false",
            "separate, M365_BUSINESS_PREMIUM, 250, 0,  50,  true",
            "separate, M365_BUSINESS_PREMIUM, 250, 0,  51,  false",
            "separate, M365_BUSINESS_PREMIUM, 200, 50, 50,  true",
            "separate, M365_BUSINESS_PREMIUM, 200, 50, 51,  false",
            "combined, M365_BUSINESS_PREMIUM, 200, 90, 11,  false",  // external Basic counts with Premium
            "separate, M365_BUSINESS_PREMIUM, 200, 90, 11,  true",   // external Basic does not count
            "combined, M365_E3,               290, 0,  10,  true",   // not in the combined set: its own cap
            "combined, M365_E3,               290, 0,  11,  false",
    })
    void d9_cap_counts_held_and_external_seats(String mode, String group, long held, int external, int requested,
                                               boolean allowed) {
        SeatCap cap = mode.equals("combined") ? COMBINED : SEPARATE;
        // the external seats: on the same group in separate mode examples, on BASIC for the combined examples
        String externalGroup = external == 90 ? "M365_BUSINESS_BASIC" : group;
        Map<String, Integer> externalSeats = Map.of(externalGroup, external);
        if (allowed) {
            assertThatCode(() -> cap.check(group, held, externalSeats, requested)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> cap.check(group, held, externalSeats, requested))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> {
                        assertThat(v.code()).isEqualTo("seat-cap-exceeded");
                        assertThat(v.rule()).isEqualTo("D9");
                        assertThat(v.details()).containsEntry("cap", 300).containsEntry("requestedQuantity", requested)
                                .containsEntry("currentCount", held + (cap.countedGroups(group).contains(externalGroup) ? external : 0));
                    });
        }
    }

    @ParameterizedTest(name = "D9 a null capGroup has no cap ({0} seats)")
    @CsvSource({"301", "10000"})
    void d9_no_cap_group_no_cap(int requested) {
        assertThatCode(() -> SEPARATE.check(null, 5000, Map.of(), requested)).doesNotThrowAnyException();
        assertThat(COMBINED.countedGroups(null)).isEmpty();
    }

    @Test
    void d9_upgrade_counting_an_uncapped_source_or_destination_never_counts_it() {
        // an upgrade from an offer without capGroup into a capped one: the source's seats are not under that cap
        assertThat(SEPARATE.countsTogether("M365_BUSINESS_PREMIUM", null)).isFalse();
        assertThat(COMBINED.countsTogether("M365_BUSINESS_PREMIUM", null)).isFalse();
        assertThat(SEPARATE.countsTogether(null, "M365_BUSINESS_PREMIUM")).isFalse();
        assertThat(SEPARATE.countsTogether("M365_BUSINESS_PREMIUM", "M365_BUSINESS_STANDARD")).isFalse();
        assertThat(COMBINED.countsTogether("M365_BUSINESS_PREMIUM", "M365_BUSINESS_STANDARD")).isTrue();
        assertThat(COMBINED.countsTogether("M365_E3", "M365_E3")).isTrue();
    }
}
