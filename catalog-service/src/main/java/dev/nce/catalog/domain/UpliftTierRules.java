package dev.nce.catalog.domain;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.UpliftTier;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

/**
 * What an uplift tier may say (API.md catalog-service, R-A4, R-F4). A STANDARD tier names a valid plan and applies over
 * BASE; an EXTENDED_SERVICE_TERM tier has no plan and applies over P1M_RATE or BASE. Tiers are keyed by
 * (kind, term, billing, basis, effectiveFrom): the basis is part of the key because the two shipped EST tiers share
 * everything else. A tier in effect at the catalog's now is history and cannot be added or changed (409).
 */
public final class UpliftTierRules {

    static final BigDecimal MAX_PERCENT = new BigDecimal("1000");

    private UpliftTierRules() {}

    public record Key(UpliftTier.Kind kind, dev.nce.contracts.Term term, dev.nce.contracts.BillingFrequency billing,
                      UpliftTier.Basis basis, LocalDate effectiveFrom) {}

    public static Key key(UpliftTier tier) {
        return new Key(tier.kind(), tier.term(), tier.billing(), tier.basis(), tier.effectiveFrom());
    }

    /** 400s for the content, then the 422 of a never-valid plan (R-A2). */
    public static void validate(UpliftTier tier) {
        Amounts.requireAmount(tier.percent(), "percent", Amounts.MAX_PRICE_DECIMALS);
        if (tier.percent().compareTo(MAX_PERCENT) > 0) {
            throw RuleViolation.invalidField("percent", "percent must be at most " + MAX_PERCENT);
        }
        if (tier.kind() == UpliftTier.Kind.STANDARD) {
            if (tier.term() == null) {
                throw RuleViolation.invalidField("term", "a STANDARD tier names its term");
            }
            if (tier.billing() == null) {
                throw RuleViolation.invalidField("billing", "a STANDARD tier names its billing");
            }
            if (tier.basis() != UpliftTier.Basis.BASE) {
                throw RuleViolation.invalidField("basis", "a STANDARD tier applies over BASE (R-A4)");
            }
            Plan plan = Plan.of(tier.term(), tier.billing());
            if (!plan.isEverValid()) {
                throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", plan + " is never a valid plan",
                        Map.of("field", "term"));
            }
        } else {
            if (tier.term() != null) {
                throw RuleViolation.invalidField("term", "an EXTENDED_SERVICE_TERM tier has no term (null)");
            }
            if (tier.billing() != null) {
                throw RuleViolation.invalidField("billing", "an EXTENDED_SERVICE_TERM tier has no billing (null)");
            }
        }
    }

    /** 409 when the tier would add to or change what is already in effect at now; an identical tier passes. */
    public static void checkChange(UpliftTier existing, UpliftTier proposed, Instant now) {
        boolean inEffect = !proposed.effectiveFrom().atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(now);
        if (!inEffect || (existing != null && samePercent(existing, proposed))) {
            return;
        }
        throw new RuleViolation(ErrorCode.INVALID_STATE, null, "a tier effective " + proposed.effectiveFrom()
                + " would change prices already in effect (catalog now " + now + "); tiers start after now",
                Map.of("field", "effectiveFrom"));
    }

    public static boolean samePercent(UpliftTier a, UpliftTier b) {
        return Objects.equals(key(a), key(b)) && a.percent().compareTo(b.percent()) == 0;
    }
}
