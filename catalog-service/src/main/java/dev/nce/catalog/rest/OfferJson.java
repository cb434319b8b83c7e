package dev.nce.catalog.rest;

import dev.nce.catalog.domain.Amounts;
import dev.nce.catalog.service.OfferService.OfferView;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An offer as the API answers it (API.md "Offer"), plus version, createdAt, updatedAt. */
public record OfferJson(String offerId, String name, String productFamily, List<PlanJson> plans, List<PriceJson> prices,
                        String capGroup, boolean renewable, boolean midTermIncrease, boolean trialAvailable,
                        List<String> upgradePaths, long version, Instant createdAt, Instant updatedAt,
                        String segment, LocalDate sellableUntil) {

    public record PlanJson(Term term, BillingFrequency billing) {
        static PlanJson of(Plan plan) { return new PlanJson(plan.term(), plan.billing()); }
    }

    /** D22: termUnitPrice / termCostPrice are the whole-term prices of an imported plan, null when typed in. */
    public record PlanPriceJson(Term term, BillingFrequency billing, String unitPrice, String termUnitPrice,
                                String termCostPrice) {}

    public record PriceJson(LocalDate effectiveFrom, String currency, String basePrice, String p3yBasePrice,
                            List<PlanPriceJson> planPrices) {
        static PriceJson of(OfferPrice p) {
            return new PriceJson(p.effectiveFrom(), p.currency(), amount(p.basePrice(), p.currency()),
                    amount(p.p3yBasePrice(), p.currency()),
                    p.planPrices().stream().map(pp -> planPrice(pp, p.currency())).toList());
        }
    }

    static OfferJson of(OfferView view) {
        OfferData o = view.offer();
        return new OfferJson(o.offerId(), o.name(), o.productFamily(), plans(o.plans()),
                o.prices().stream().map(PriceJson::of).toList(), o.capGroup(), o.renewable(), o.midTermIncrease(),
                o.trialAvailable(), o.upgradePaths(), o.version(), view.createdAt(), view.updatedAt(), o.segment(),
                o.sellableUntil());
    }

    static List<PlanJson> plans(List<Plan> plans) {
        return plans.stream().map(PlanJson::of).toList();
    }

    static String amount(java.math.BigDecimal value, String currency) {
        return value == null ? null : Amounts.display(value, currency).toPlainString();
    }

    private static PlanPriceJson planPrice(PlanPrice p, String currency) {
        return new PlanPriceJson(p.term(), p.billing(), amount(p.unitPrice(), currency),
                amount(p.termUnitPrice(), currency), amount(p.termCostPrice(), currency));
    }
}
