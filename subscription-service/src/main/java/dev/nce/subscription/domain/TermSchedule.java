package dev.nce.subscription.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The dates of one term (R-B2 / D3): inclusive {@code endDate = addMonths(start, n) - 1 day} with the day of month
 * clamped (month-end anchors drift), renewalDate = endDate + 1, the renewal instant at 00:00Z, the D7 notice deadline
 * and the BL-6 term-year starts of P3Y/ANNUAL.
 */
public record TermSchedule(Term term, LocalDate startDate, LocalDate endDate) {

    public static TermSchedule starting(LocalDate startDate, Term term) {
        return new TermSchedule(term, startDate, TermDates.endDate(startDate, term));
    }

    /** A term that ends on a custom (co-termed) end date instead of its full length (R-B5). */
    public static TermSchedule startingUntil(LocalDate startDate, Term term, LocalDate endDate) {
        return new TermSchedule(term, startDate, endDate);
    }

    /** An Extended Service Term month: a P1M-length period by D3 (D17). */
    public static TermSchedule extendedServiceMonth(LocalDate monthStart) {
        return starting(monthStart, Term.P1M);
    }

    /** The full-length end of this term (differs from endDate only for a co-termed term). */
    public LocalDate fullLengthEndDate() {
        return TermDates.endDate(startDate, term);
    }

    public LocalDate renewalDate() {
        return TermDates.renewalDate(endDate);
    }

    public Instant renewalInstant() {
        return TermDates.renewalInstant(endDate);
    }

    public LocalDate noticeDeadline() {
        return NoticePolicy.deadline(renewalDate(), term);
    }

    public long days() {
        return TermDates.daysInclusive(startDate, endDate);
    }

    /** BL-6: the starts of the term years of a P3Y/ANNUAL term (addMonths(start, 12k), k = 0..2); empty otherwise. */
    public List<LocalDate> termYearStarts(BillingFrequency billing) {
        List<LocalDate> starts = new ArrayList<>();
        if (term == Term.P3Y && billing == BillingFrequency.ANNUAL) {
            for (int k = 0; k < 3; k++) {
                starts.add(TermDates.addMonths(startDate, 12L * k));
            }
        }
        return starts;
    }
}
