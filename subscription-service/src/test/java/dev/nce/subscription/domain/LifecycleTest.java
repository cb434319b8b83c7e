package dev.nce.subscription.domain;

import dev.nce.contracts.ExtendedServiceTermScope;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LifecycleTest {

    @ParameterizedTest(name = "R-H2/D17/D20 {0} {1} renewable={2} term {3}..{4} -> {5}")
    @CsvSource({
            // auto-renew on: a new term (R-F2)
            "ACTIVE, RENEW, true, 2022-01-14, 2023-01-13, RENEW",
            "ACTIVE, RENEW, true, 2025-06-01, 2026-05-31, RENEW",
            // D17 EST in scope: endDate >= 2026-05-04 and startDate >= 2025-04-01
            "ACTIVE, EXTENDED_SERVICE_TERM, true, 2025-05-04, 2026-05-03, EXPIRE",
            "ACTIVE, EXTENDED_SERVICE_TERM, true, 2025-05-05, 2026-05-04, EXTENDED_SERVICE_TERM",
            "ACTIVE, EXTENDED_SERVICE_TERM, true, 2025-04-01, 2026-05-31, EXTENDED_SERVICE_TERM",
            "ACTIVE, EXTENDED_SERVICE_TERM, true, 2025-03-31, 2028-03-30, EXPIRE",
            // outside scope EXTENDED_SERVICE_TERM is the old behaviour: EXPIRED with grace
            "ACTIVE, EXTENDED_SERVICE_TERM, true, 2022-01-14, 2023-01-13, EXPIRE",
            // EXPIRE: EXPIRED in and out of scope
            "ACTIVE, EXPIRE, true, 2025-06-01, 2026-05-31, EXPIRE",
            "ACTIVE, EXPIRE, true, 2022-01-14, 2023-01-13, EXPIRE",
            // CANCEL: DISABLED at the renewal instant
            "ACTIVE, CANCEL, true, 2022-01-14, 2023-01-13, DISABLE",
            "ACTIVE, CANCEL, true, 2025-06-01, 2026-05-31, DISABLE",
            // D20: still SUSPENDED at the renewal instant: EXPIRED, in and out of scope
            "SUSPENDED, EXPIRE, true, 2025-06-01, 2026-05-31, EXPIRE",
            "SUSPENDED, EXPIRE, true, 2022-01-14, 2023-01-13, EXPIRE",
            // renewable=false never renews nor enters EST: CANCEL in scope, EXPIRE outside
            "ACTIVE, RENEW, false, 2025-06-01, 2026-05-31, DISABLE",
            "ACTIVE, RENEW, false, 2022-01-14, 2023-01-13, EXPIRE",
            "ACTIVE, EXTENDED_SERVICE_TERM, false, 2025-06-01, 2026-05-31, DISABLE",
    })
    void r_h2_d17_d20_what_happens_at_the_renewal_instant(SubscriptionStatus status, EndOfTermAction action,
                                                           boolean renewable, LocalDate start, LocalDate end,
                                                           TermEndOutcome outcome) {
        assertThat(Lifecycle.atTermEnd(status, action, renewable, start, end)).isEqualTo(outcome);
    }

    @ParameterizedTest(name = "D10 {0} trial={1}: expired {2} -> disabled {3} -> deleted {4}")
    @CsvSource({
            "P1Y, false, 2023-01-14T00:00:00Z, 2023-02-13T00:00:00Z, 2023-05-14T00:00:00Z",
            "P3Y, false, 2025-01-14T00:00:00Z, 2025-02-13T00:00:00Z, 2025-05-14T00:00:00Z",
            "P1M, false, 2022-02-14T00:00:00Z, 2022-02-21T00:00:00Z, 2022-05-22T00:00:00Z",
            // D15: a trial that ends without converting: 7 d, then 90 d
            "P1M, true, 2022-02-13T09:30:00Z, 2022-02-20T09:30:00Z, 2022-05-21T09:30:00Z",
    })
    void d10_grace_and_retention(Term term, boolean trial, Instant expiredAt, Instant disabledAt, Instant deletedAt) {
        assertThat(Lifecycle.disableAt(expiredAt, term, trial)).isEqualTo(disabledAt);
        assertThat(Lifecycle.deleteAt(disabledAt)).isEqualTo(deletedAt);
    }

    @ParameterizedTest(name = "D17 EST scope {0}..{1} = {2}")
    @CsvSource({
            "2025-04-01, 2026-05-04, true",
            "2025-03-31, 2026-05-04, false",
            "2025-04-01, 2026-05-03, false",
            "2026-06-01, 2026-06-30, true",
    })
    void d17_est_scope(LocalDate start, LocalDate end, boolean covered) {
        assertThat(ExtendedServiceTermScope.covers(start, end)).isEqualTo(covered);
    }
}
