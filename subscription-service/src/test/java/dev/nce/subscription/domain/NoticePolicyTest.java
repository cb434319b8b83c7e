package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NoticePolicyTest {

    static final LocalDate DEADLINE = LocalDate.of(2022, 12, 15);

    @ParameterizedTest(name = "D7 enforce: submitted {0} -> refused={1}")
    @CsvSource({
            "2022-12-14, false",
            // R-N2: a notice dated on the deadline is accepted
            "2022-12-15, false",
            "2022-12-16, true",
            "2023-01-13, true",
    })
    void d7_enforce_refuses_after_the_deadline_date(LocalDate today, boolean refused) {
        NoticePolicy policy = new NoticePolicy(NoticePolicy.Mode.ENFORCE);
        if (refused) {
            assertThatThrownBy(() -> policy.check(DEADLINE, today)).isInstanceOfSatisfying(RuleViolation.class, rv -> {
                assertThat(rv.code()).isEqualTo("notice-period-passed");
                assertThat(rv.rule()).isEqualTo("D7");
                assertThat(rv.details()).containsEntry("noticeDeadline", "2022-12-15");
            });
        } else {
            assertThat(policy.check(DEADLINE, today)).isEmpty();
        }
    }

    @Test
    void d7_warn_accepts_with_a_warning() {
        NoticePolicy policy = new NoticePolicy(NoticePolicy.Mode.WARN);
        assertThat(policy.check(DEADLINE, LocalDate.of(2022, 12, 16)))
                .contains(new NoticePolicy.Warning("notice-period-passed", "D7", DEADLINE));
        assertThat(policy.check(DEADLINE, DEADLINE)).isEmpty();
    }

    @Test
    void d7_no_deadline_no_check() {
        assertThat(new NoticePolicy(NoticePolicy.Mode.ENFORCE).check(null, LocalDate.of(2030, 1, 1))).isEmpty();
    }
}
