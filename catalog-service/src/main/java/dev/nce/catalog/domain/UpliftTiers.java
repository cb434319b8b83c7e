package dev.nce.catalog.domain;

import dev.nce.contracts.Plan;
import dev.nce.contracts.catalog.UpliftTier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Uplift tiers are effective-dated data (R-A4, R-F4): the tier in force on a date is the latest one of its kind, plan
 * (STANDARD) or basis (EXTENDED_SERVICE_TERM) whose effectiveFrom is on or before that date. A tier never applies before
 * its date, and a plan with no STANDARD tier in force has uplift 0 (API.md).
 */
public final class UpliftTiers {

    private UpliftTiers() {}

    /** R-A4: the STANDARD percent over the base (B, or B3 for P3Y) for this plan on this date; 0 when none is in force. */
    public static BigDecimal standardPercent(List<UpliftTier> tiers, Plan plan, LocalDate date) {
        return tiers.stream()
                .filter(t -> t.kind() == UpliftTier.Kind.STANDARD && t.term() == plan.term()
                        && t.billing() == plan.billing() && !t.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(UpliftTier::effectiveFrom))
                .map(UpliftTier::percent)
                .orElse(BigDecimal.ZERO);
    }

    /** R-F4 / D17: the EST tier with this basis in force on the date, if any. */
    public static Optional<UpliftTier> extendedServiceTerm(List<UpliftTier> tiers, UpliftTier.Basis basis, LocalDate date) {
        return tiers.stream()
                .filter(t -> t.kind() == UpliftTier.Kind.EXTENDED_SERVICE_TERM && t.basis() == basis
                        && !t.effectiveFrom().isAfter(date))
                .max(Comparator.comparing(UpliftTier::effectiveFrom));
    }

    /** The first date an EST tier of this basis takes effect, for the refusal message. */
    public static Optional<LocalDate> firstExtendedServiceTermDate(List<UpliftTier> tiers, UpliftTier.Basis basis) {
        return tiers.stream()
                .filter(t -> t.kind() == UpliftTier.Kind.EXTENDED_SERVICE_TERM && t.basis() == basis)
                .map(UpliftTier::effectiveFrom)
                .min(Comparator.naturalOrder());
    }
}
