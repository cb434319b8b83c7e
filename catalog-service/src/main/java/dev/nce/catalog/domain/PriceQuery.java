package dev.nce.catalog.domain;

import dev.nce.contracts.Plan;
import java.time.Instant;
import java.util.Objects;

/**
 * What is priced: a plan of an offer at an instant in a requested currency, or (extendedServiceTerm) the EST monthly
 * price, for which the plan is optional (it is the plan of the term that ended and does not change the price, D17).
 */
public record PriceQuery(Plan plan, Instant at, String currency, boolean extendedServiceTerm) {

    public PriceQuery {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(currency, "currency");
        if (plan == null && !extendedServiceTerm) {
            throw new IllegalArgumentException("a plan is required unless the EST price is asked");
        }
    }

    public static PriceQuery of(Plan plan, Instant at, String currency) {
        return new PriceQuery(plan, at, currency, false);
    }

    public static PriceQuery est(Instant at, String currency) {
        return new PriceQuery(null, at, currency, true);
    }
}
