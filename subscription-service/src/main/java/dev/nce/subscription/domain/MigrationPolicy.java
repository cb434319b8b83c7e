package dev.nce.subscription.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Legacy -> NCE migration rules (NCE-RULES.md section M). A migration is a purchase of an NCE subscription; this class
 * holds what differs: when it may happen (R-M1), which plan a legacy subscription converts to when the request names
 * none (R-M4, the S003 policy), where the first term ends when the legacy end date is kept (R-M2) and the refusal of a
 * repeated migration (R-M3).
 */
public final class MigrationPolicy {

    /** R-M1: NCE seat-based general availability; nothing can be migrated to NCE before it. */
    public static final Instant NCE_GA = Instant.parse("2022-01-10T00:00:00Z");

    /** R-M4 fallback for a legacy monthly subscription whose offer sells no P1M term: annual, billed in full. */
    public static final Plan ANNUAL_UPFRONT = Plan.of(Term.P1Y, BillingFrequency.ANNUAL);
    /** R-M4: a legacy monthly subscription becomes an NCE monthly-term one where that term exists. */
    public static final Plan MONTHLY_TERM = Plan.of(Term.P1M, BillingFrequency.MONTHLY);

    /** How the legacy subscription was billed (the request's legacyBilling). */
    public enum LegacyBilling { MONTHLY, ANNUAL }

    private MigrationPolicy() {}

    /** R-M1: 409 invalid-state when the migration instant is before NCE GA 2022-01-10. */
    public static void requireNceAvailable(Instant migrationAt) {
        if (migrationAt.isBefore(NCE_GA)) {
            throw RuleViolation.invalidState("R-M1", "NCE seat-based offers are available from " + NCE_GA
                    + "; nothing can be migrated at " + migrationAt);
        }
    }

    /**
     * R-M4 (S003 conversion policy), used when the request gives neither term nor billing: legacy MONTHLY becomes
     * P1M/MONTHLY where the offer sells it, else P1Y/ANNUAL (billed in full for one year from the conversion date);
     * legacy ANNUAL becomes P1Y/ANNUAL.
     */
    public static Plan conversionPlan(LegacyBilling legacyBilling, boolean offerSellsMonthlyTerm) {
        return switch (legacyBilling) {
            case MONTHLY -> offerSellsMonthlyTerm ? MONTHLY_TERM : ANNUAL_UPFRONT;
            case ANNUAL -> ANNUAL_UPFRONT;
        };
    }

    /**
     * R-M2 purchaseFullTerm false [UNVERIFIED in the rules]: the NCE first term keeps the legacy end date, a shortened
     * (co-termed) first term. The legacy end must lie after the migration date and not after the full term's default
     * end (a first term can only be shortened, as R-B5), else 422 coterm-not-allowed (field legacyEndDate).
     */
    public static LocalDate keptLegacyEnd(LocalDate migrationDate, Term term, LocalDate legacyEndDate) {
        LocalDate defaultEnd = TermDates.endDate(migrationDate, term);
        if (!legacyEndDate.isAfter(migrationDate) || legacyEndDate.isAfter(defaultEnd)) {
            throw new RuleViolation(ErrorCode.COTERM_NOT_ALLOWED, "R-M2", "with purchaseFullTerm false the NCE term ends "
                    + "on the legacy end date, which must lie after the migration date " + migrationDate
                    + " and not after the " + term + " term's default end " + defaultEnd + "; got " + legacyEndDate,
                    Map.of("field", "legacyEndDate"));
        }
        return legacyEndDate;
    }

    /** R-M3: a legacy subscription is migrated once; migration cannot be reversed or repeated. */
    public static RuleViolation alreadyMigrated(String legacySubscriptionId) {
        return new RuleViolation(ErrorCode.INVALID_STATE, "R-M3", "legacy subscription " + legacySubscriptionId
                + " has already been migrated (a migration cannot be reversed or repeated)",
                Map.of("legacySubscriptionId", legacySubscriptionId));
    }
}
