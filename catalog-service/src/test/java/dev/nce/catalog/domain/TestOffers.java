package dev.nce.catalog.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Builders for offers in domain tests. */
final class TestOffers {

    static final Plan P1M_MONTHLY = Plan.of(Term.P1M, BillingFrequency.MONTHLY);
    static final Plan P1Y_MONTHLY = Plan.of(Term.P1Y, BillingFrequency.MONTHLY);
    static final Plan P1Y_ANNUAL = Plan.of(Term.P1Y, BillingFrequency.ANNUAL);
    static final Plan P3Y_MONTHLY = Plan.of(Term.P3Y, BillingFrequency.MONTHLY);
    static final Plan P3Y_ANNUAL = Plan.of(Term.P3Y, BillingFrequency.ANNUAL);
    static final Plan P3Y_TRIENNIAL = Plan.of(Term.P3Y, BillingFrequency.TRIENNIAL);
    static final List<Plan> ALL_PLANS = List.of(P1M_MONTHLY, P1Y_MONTHLY, P1Y_ANNUAL, P3Y_MONTHLY, P3Y_ANNUAL, P3Y_TRIENNIAL);

    private TestOffers() {}

    static OfferData offer(List<Plan> plans, OfferPrice... prices) {
        return new OfferData("CFQ7TTC0LFLZ:0001", "Microsoft 365 E3", "Microsoft 365", plans, Arrays.asList(prices),
                null, true, true, false, List.of(), 1);
    }

    static OfferData withPaths(String id, List<String> paths) {
        OfferData base = offer(List.of(P1Y_ANNUAL), price("2022-01-01", "USD", "10", null));
        return new OfferData(id, base.name(), base.productFamily(), base.plans(), base.prices(), null, true, true,
                false, new ArrayList<>(paths), 1);
    }

    static OfferPrice price(String from, String currency, String base, String p3yBase, PlanPrice... planPrices) {
        return new OfferPrice(LocalDate.parse(from), currency, new BigDecimal(base),
                p3yBase == null ? null : new BigDecimal(p3yBase), List.of(planPrices));
    }

    static PlanPrice planPrice(Plan plan, String unitPrice) {
        return new PlanPrice(plan.term(), plan.billing(), new BigDecimal(unitPrice));
    }

    static Plan plan(String term, String billing) {
        return Plan.of(Term.valueOf(term), BillingFrequency.valueOf(billing));
    }
}
