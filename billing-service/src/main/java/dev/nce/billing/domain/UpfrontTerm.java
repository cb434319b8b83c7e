package dev.nce.billing.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.Term;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * BL-6 / R-A5: the charge periods of an upfront plan's term. P1Y/ANNUAL: one period of 12 monthly prices;
 * P3Y/TRIENNIAL: one period of 36; P3Y/ANNUAL: three term years of 12, starting at addMonths(startDate, 12k)
 * (the snapshot's termYearStarts when given). A monthly-billed plan has none.
 */
public final class UpfrontTerm {

    private UpfrontTerm() {}

    public static List<ChargePeriod> periods(Term term, BillingFrequency billing, LocalDate startDate, LocalDate endDate,
                                             LocalDate chargePeriodEndDate, List<LocalDate> termYearStarts) {
        if (!billing.isUpfront()) {
            return List.of();
        }
        LocalDate fullEnd = chargePeriodEndDate != null ? chargePeriodEndDate : endDate;
        if (!(term == Term.P3Y && billing == BillingFrequency.ANNUAL)) {
            return List.of(new ChargePeriod(startDate, fullEnd, endDate, billing.monthsPerCharge()));
        }
        List<LocalDate> starts = termYearStarts != null && termYearStarts.size() == 3 ? termYearStarts
                : List.of(startDate, TermDates.addMonths(startDate, 12), TermDates.addMonths(startDate, 24));
        List<ChargePeriod> years = new ArrayList<>();
        for (int k = 0; k < starts.size(); k++) {
            LocalDate yearStart = starts.get(k);
            LocalDate yearEnd = k + 1 < starts.size() ? starts.get(k + 1).minusDays(1) : fullEnd;
            if (yearStart.isAfter(endDate)) {
                break;
            }
            years.add(new ChargePeriod(yearStart, yearEnd, yearEnd.isAfter(endDate) ? endDate : yearEnd, 12));
        }
        return years;
    }

    /** The period that contains {@code date} (the first one before the term, the last one after it). */
    public static ChargePeriod containing(List<ChargePeriod> periods, LocalDate date) {
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("not an upfront plan");
        }
        for (ChargePeriod p : periods) {
            if (p.contains(date)) {
                return p;
            }
        }
        return date.isBefore(periods.get(0).start()) ? periods.get(0) : periods.get(periods.size() - 1);
    }
}
