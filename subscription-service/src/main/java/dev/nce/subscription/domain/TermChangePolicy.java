package dev.nce.subscription.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import java.util.Map;
import java.util.Set;

/**
 * R-G1 / R-A9 mid-term term changes: only the lengthenings listed at API.md term-changes; a shorter term is
 * term-shortening-not-allowed (it is a scheduled change at renewal instead); any other pair (billing-only, MONTHLY to
 * an upfront plan, the same plan) is term-change-not-allowed, at any date.
 */
public final class TermChangePolicy {

    private TermChangePolicy() {}

    static final Set<String> ALLOWED = Set.of(
            "P1M/MONTHLY->P1Y/MONTHLY",
            "P1M/MONTHLY->P3Y/MONTHLY",
            "P1Y/MONTHLY->P3Y/MONTHLY",
            "P1Y/ANNUAL->P3Y/ANNUAL");

    public static void require(Plan from, Plan to) {
        if (months(to.term()) < months(from.term())) {
            throw new RuleViolation(ErrorCode.TERM_SHORTENING_NOT_ALLOWED, "R-G1", "the term cannot be shortened mid-term ("
                    + from + " -> " + to + "); schedule it for the renewal instead", Map.of("field", "term"));
        }
        if (!ALLOWED.contains(key(from.term(), from.billing()) + "->" + key(to.term(), to.billing()))) {
            throw new RuleViolation(ErrorCode.TERM_CHANGE_NOT_ALLOWED, "R-G1", from + " -> " + to + " is not a mid-term "
                    + "lengthening; allowed: " + String.join(", ", ALLOWED.stream().sorted().toList())
                    + " (a billing change is a scheduled change at renewal)");
        }
    }

    private static String key(Term term, BillingFrequency billing) {
        return term + "/" + billing;
    }

    private static int months(Term term) {
        switch (term) {
            case P1M:
                return 1;
            case P1Y:
                return 12;
            default:
                return 36;
        }
    }
}
