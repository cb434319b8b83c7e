package dev.nce.catalog.domain;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Prices already in effect are history: subscriptions locked them (R-A6) and invoices were built on them. A PUT may add
 * or change entries effective after the catalog's now; changing, removing or back-dating an entry that is in effect at
 * now (effectiveFrom 00:00Z on or before now) is 409 invalid-state (API.md catalog-service).
 */
public final class PriceHistory {

    private PriceHistory() {}

    public static boolean inEffect(OfferPrice entry, Instant now) {
        return !entry.effectiveFrom().atStartOfDay(ZoneOffset.UTC).toInstant().isAfter(now);
    }

    public static void checkChange(List<OfferPrice> before, List<OfferPrice> after, Instant now) {
        Map<String, OfferPrice> next = new HashMap<>();
        for (OfferPrice entry : after) {
            next.put(key(entry), entry);
        }
        for (OfferPrice old : before) {
            if (!inEffect(old, now)) {
                continue;
            }
            OfferPrice replacement = next.get(key(old));
            if (replacement == null) {
                throw refused("the " + describe(old) + " is in effect (catalog now " + now + ") and cannot be removed");
            }
            if (!sameContent(old, replacement)) {
                throw refused("the " + describe(old) + " is in effect (catalog now " + now + ") and cannot be changed");
            }
        }
        Map<String, OfferPrice> previous = new HashMap<>();
        for (OfferPrice entry : before) {
            previous.put(key(entry), entry);
        }
        for (OfferPrice entry : after) {
            if (inEffect(entry, now) && !previous.containsKey(key(entry))) {
                throw refused("a " + describe(entry) + " would change prices already in effect (catalog now " + now
                        + "); new entries must start after now");
            }
        }
    }

    /** Same prices, compared by value (36 equals 36.00) and plan prices in any order. */
    public static boolean sameContent(OfferPrice a, OfferPrice b) {
        return a.currency().equals(b.currency()) && a.effectiveFrom().equals(b.effectiveFrom())
                && sameAmount(a.basePrice(), b.basePrice()) && sameAmount(a.p3yBasePrice(), b.p3yBasePrice())
                && samePlanPrices(a.planPrices(), b.planPrices());
    }

    private static boolean samePlanPrices(List<PlanPrice> a, List<PlanPrice> b) {
        List<PlanPrice> left = sorted(a);
        List<PlanPrice> right = sorted(b);
        if (left.size() != right.size()) {
            return false;
        }
        for (int i = 0; i < left.size(); i++) {
            PlanPrice x = left.get(i);
            PlanPrice y = right.get(i);
            if (x.term() != y.term() || x.billing() != y.billing() || !sameAmount(x.unitPrice(), y.unitPrice())
                    || !sameAmount(x.termUnitPrice(), y.termUnitPrice())
                    || !sameAmount(x.termCostPrice(), y.termCostPrice())) {
                return false;
            }
        }
        return true;
    }

    private static List<PlanPrice> sorted(List<PlanPrice> prices) {
        return (prices == null ? List.<PlanPrice>of() : prices).stream()
                .sorted(Comparator.comparing(PlanPrice::term).thenComparing(PlanPrice::billing)).toList();
    }

    static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }

    private static String key(OfferPrice entry) {
        return entry.currency() + "@" + entry.effectiveFrom();
    }

    private static String describe(OfferPrice entry) {
        return entry.currency() + " price list entry from " + entry.effectiveFrom();
    }

    private static RuleViolation refused(String message) {
        return new RuleViolation(dev.nce.contracts.ErrorCode.INVALID_STATE, null, message, Map.of("field", "prices"));
    }
}
