package dev.nce.subscription.domain;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

/**
 * R-B5 coterminosity at purchase: the first term can only be shortened, to the end of a calendar month or to an
 * existing subscription's end date. Every refusal is 422 coterm-not-allowed (field coterm...).
 */
public final class Coterminosity {

    private Coterminosity() {}

    /** What R-B5 needs to know about the subscription a purchase aligns to. */
    public record Target(String customerId, Term term, LocalDate endDate, boolean active, boolean inExtendedServiceTerm,
                         boolean trial) {}

    /** CALENDAR_MONTH: the last day of the latest calendar month whose last day is on or before the default end. */
    public static LocalDate calendarMonthEnd(LocalDate startDate, Term term) {
        LocalDate defaultEnd = TermDates.endDate(startDate, term);
        LocalDate monthEnd = YearMonth.from(defaultEnd).atEndOfMonth();
        LocalDate custom = monthEnd.equals(defaultEnd) ? defaultEnd : YearMonth.from(defaultEnd).minusMonths(1).atEndOfMonth();
        return requireWithinFirstTerm(startDate, defaultEnd, custom, "coterm.type");
    }

    /**
     * SUBSCRIPTION: a P1Y/P3Y ends with the target's current end date; a P1M on the latest date on or before its
     * default end whose day of month is the target's (the month's last day when the target ends on a last day).
     */
    public static LocalDate subscriptionAligned(LocalDate startDate, Term term, String customerId, Target target) {
        if (!target.customerId().equals(customerId)) {
            throw refuse("the coterm target belongs to another customer", "coterm.subscriptionId");
        }
        if (!target.active() || target.inExtendedServiceTerm()) {
            throw refuse("the coterm target must be ACTIVE and not in an Extended Service Term", "coterm.subscriptionId");
        }
        if (target.trial()) {
            throw refuse("a trial cannot be a coterm target", "coterm.subscriptionId");
        }
        if (term != Term.P1M && target.term() == Term.P1M) {
            throw refuse("a " + term + " subscription cannot align to a P1M one", "coterm.subscriptionId");
        }
        LocalDate defaultEnd = TermDates.endDate(startDate, term);
        LocalDate custom = term == Term.P1M ? sameDayOfMonth(defaultEnd, target.endDate()) : target.endDate();
        return requireWithinFirstTerm(startDate, defaultEnd, custom, "coterm.subscriptionId");
    }

    /** The latest date on or before {@code limit} with the anchor's day of month (month end when the anchor is one). */
    static LocalDate sameDayOfMonth(LocalDate limit, LocalDate anchor) {
        boolean monthEnd = anchor.equals(YearMonth.from(anchor).atEndOfMonth());
        YearMonth month = YearMonth.from(limit);
        for (int back = 0; back < 4; back++, month = month.minusMonths(1)) {
            LocalDate candidate;
            if (monthEnd) {
                candidate = month.atEndOfMonth();
            } else if (anchor.getDayOfMonth() <= month.lengthOfMonth()) {
                candidate = month.atDay(anchor.getDayOfMonth());
            } else {
                continue;
            }
            if (!candidate.isAfter(limit)) {
                return candidate;
            }
        }
        throw refuse("no date with day " + anchor.getDayOfMonth() + " before " + limit, "coterm.subscriptionId");
    }

    private static LocalDate requireWithinFirstTerm(LocalDate start, LocalDate defaultEnd, LocalDate custom, String field) {
        if (custom.isBefore(start) || custom.isAfter(defaultEnd)) {
            throw refuse("the aligned end date " + custom + " is not within the first term " + start + ".." + defaultEnd
                    + " (it can only be shortened)", field);
        }
        return custom;
    }

    private static RuleViolation refuse(String message, String field) {
        return new RuleViolation(ErrorCode.COTERM_NOT_ALLOWED, "R-B5", message, Map.of("field", field));
    }
}
