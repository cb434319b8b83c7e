package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UpgradePolicyTest {

    static final Instant NOW = Instant.parse("2028-09-20T09:00:00Z");

    @ParameterizedTest(name = "R-I3/R-I4 {0} of {1} seats, destination {2} -> {3}")
    @CsvSource({
            "10, 10, false, FULL_IN_PLACE",
            "7,  10, false, PARTIAL_NEW",
            "10, 10, true,  INTO_EXISTING",
            "3,  10, true,  INTO_EXISTING",
    })
    void r_i3_r_i4_kind(int quantity, int sourceQuantity, boolean destination, UpgradePolicy.Kind expected) {
        assertThat(UpgradePolicy.kind(quantity, sourceQuantity, destination)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "R-I1 {0} -> {1}: eligible {2}")
    @CsvSource({
            "STD, PREM, true",
            "PREM, STD, false",   // a downgrade is never on the path
            "STD, E5,  false",
    })
    void r_i1_only_upgrade_paths(String source, String target, boolean eligible) {
        List<String> paths = source.equals("STD") ? List.of("PREM") : List.of();
        if (eligible) {
            assertThatCode(() -> UpgradePolicy.requireOnPath(source, paths, target)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> UpgradePolicy.requireOnPath(source, paths, target))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> {
                        assertThat(v.code()).isEqualTo("upgrade-not-eligible");
                        assertThat(v.rule()).isEqualTo("R-I1");
                    });
        }
    }

    @ParameterizedTest(name = "R-I5 {0}")
    @CsvSource({
            "ok,                      c1, PREM, P1Y, 2029-09-03, true,  false, false, 2028-09-11T09:00:00Z, ",
            "ends later is ok,        c1, PREM, P1Y, 2029-12-31, true,  false, false, , ",
            "window still open,       c1, PREM, P1Y, 2029-09-03, true,  false, false, 2028-09-27T09:00:00Z, R-I5",
            "term differs,            c1, PREM, P1M, 2029-09-03, true,  false, false, , R-I5",
            "ends before the source,  c1, PREM, P1Y, 2029-09-02, true,  false, false, , R-I5",
            "another offer,           c1, STD,  P1Y, 2029-09-03, true,  false, false, , R-I5",
            "another customer,        c2, PREM, P1Y, 2029-09-03, true,  false, false, , R-I5",
            "not active,              c1, PREM, P1Y, 2029-09-03, false, false, false, , R-I5",
            "in EST,                  c1, PREM, P1Y, 2029-09-03, true,  true,  false, , R-I5",
    })
    void r_i5_destination_checks(String why, String customer, String offer, Term term, LocalDate end, boolean active,
                                 boolean est, boolean trial, Instant windowUntil, String rule) {
        UpgradePolicy.Destination d = new UpgradePolicy.Destination(customer, offer, term, end, active, est, trial, windowUntil);
        if (rule == null) {
            assertThatCode(() -> UpgradePolicy.requireDestination("c1", "PREM", Term.P1Y, LocalDate.parse("2029-09-03"), d, NOW))
                    .doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> UpgradePolicy.requireDestination("c1", "PREM", Term.P1Y, LocalDate.parse("2029-09-03"), d, NOW))
                    .isInstanceOfSatisfying(RuleViolation.class, v -> {
                        assertThat(v.code()).isEqualTo("upgrade-not-eligible");
                        assertThat(v.rule()).isEqualTo(rule);
                    });
        }
    }

    @ParameterizedTest(name = "R-C3 moving {0} seats takes newest batches first, keeping their windows")
    @CsvSource({
            "3,  b2:3",
            "5,  b2:5",
            "7,  b2:5 b1:2",
            "15, b2:5 b1:10",
    })
    void r_c3_moved_seats_keep_their_window_ends(int quantity, String expected) {
        SeatBatch b1 = new SeatBatch("b1", 1, 10, Instant.parse("2028-09-04T09:00:00Z"), Instant.parse("2028-09-11T09:00:00Z"),
                Instant.parse("2028-09-04T09:00:00Z"));
        SeatBatch b2 = new SeatBatch("b2", 2, 5, Instant.parse("2028-09-06T09:00:00Z"), Instant.parse("2028-09-13T09:00:00Z"),
                Instant.parse("2028-09-04T09:00:00Z"));
        List<UpgradePolicy.Move> moves = UpgradePolicy.take(List.of(b1, b2), quantity);
        assertThat(String.join(" ", moves.stream().map(m -> m.sourceBatchId() + ":" + m.quantity()).toList())).isEqualTo(expected);
        assertThat(moves.get(0).windowEnd()).isEqualTo(Instant.parse("2028-09-13T09:00:00Z"));
    }
}
