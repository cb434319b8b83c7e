package dev.nce.subscription.domain;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * D7 / R-N1 / R-N2, the partner notice policy of S001: {@code noticeDeadline = renewalDate - 30 days} (P1Y, P3Y) or
 * {@code - 7 days} (P1M). A change that takes effect at renewal, submitted on a UTC date after the deadline, is refused
 * (409 notice-period-passed) under {@link Mode#ENFORCE}, or accepted with a warning under {@link Mode#WARN}.
 */
public final class NoticePolicy {

    public enum Mode { ENFORCE, WARN }

    public static final int LONG_TERM_NOTICE_DAYS = 30;
    public static final int MONTHLY_NOTICE_DAYS = 7;

    /** The warning a non-blocking answer carries under {@link Mode#WARN}. */
    public record Warning(String code, String rule, LocalDate noticeDeadline) {}

    private final Mode mode;

    public NoticePolicy(Mode mode) {
        this.mode = mode;
    }

    public Mode mode() { return mode; }

    /** R-N2: the last date on which notice is accepted for the term that renews on {@code renewalDate}. */
    public static LocalDate deadline(LocalDate renewalDate, Term term) {
        return renewalDate.minusDays(term == Term.P1M ? MONTHLY_NOTICE_DAYS : LONG_TERM_NOTICE_DAYS);
    }

    /**
     * D7 for a change taking effect at renewal, submitted on {@code today}: nothing when in time (or when there is no
     * deadline: trials, EST), a warning under WARN, else refused.
     */
    public Optional<Warning> check(LocalDate noticeDeadline, LocalDate today) {
        if (noticeDeadline == null || !today.isAfter(noticeDeadline)) {
            return Optional.empty();
        }
        if (mode == Mode.WARN) {
            return Optional.of(new Warning(ErrorCode.NOTICE_PERIOD_PASSED, "D7", noticeDeadline));
        }
        throw new RuleViolation(ErrorCode.NOTICE_PERIOD_PASSED, "D7",
                "the notice deadline " + noticeDeadline + " has passed; changes for the next term are closed",
                Map.of("noticeDeadline", noticeDeadline.toString()));
    }
}
