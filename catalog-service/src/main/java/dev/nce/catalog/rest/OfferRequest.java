package dev.nce.catalog.rest;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * PUT /v1/offers/{offerId} body (API.md "Offer"). {@code offerId} may repeat the path id; {@code version} (as a GET
 * answers it) makes the PUT conditional, so a GET-modify-PUT round trip cannot overwrite a concurrent change.
 * Presence and length are checked here, the rules in domain OfferValidation.
 */
public record OfferRequest(
        String offerId,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(max = 100) String productFamily,
        @NotNull List<@NotNull @Valid PlanBody> plans,
        @NotNull List<@NotNull @Valid PriceBody> prices,
        @Size(min = 1, max = 64) String capGroup,
        Boolean renewable,
        Boolean midTermIncrease,
        Boolean trialAvailable,
        List<@NotNull String> upgradePaths,
        Long version,
        // accepted so that a GET answer can be PUT back; the catalog sets them
        String createdAt,
        String updatedAt,
        // D22: set by price-list imports; a PUT may keep or change them
        @Size(max = 40) String segment,
        String sellableUntil) {

    public record PlanBody(@NotNull Term term, @NotNull BillingFrequency billing) {}

    public record PlanPriceBody(@NotNull Term term, @NotNull BillingFrequency billing, @NotNull BigDecimal unitPrice,
                                BigDecimal termUnitPrice, BigDecimal termCostPrice) {}

    public record PriceBody(@NotNull String effectiveFrom, @NotNull String currency, @NotNull BigDecimal basePrice,
                            BigDecimal p3yBasePrice, List<@NotNull @Valid PlanPriceBody> planPrices) {}

    /** The offer this body describes: defaults renewable and midTermIncrease true, trialAvailable false (API.md). */
    OfferData toData(String pathId) {
        if (offerId != null && !offerId.equals(pathId)) {
            throw RuleViolation.invalidField("offerId", "offerId " + offerId + " differs from the path's " + pathId);
        }
        List<OfferPrice> offerPrices = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            PriceBody p = prices.get(i);
            List<PlanPrice> planPriceList = p.planPrices() == null ? List.of()
                    : p.planPrices().stream().map(pp -> new PlanPrice(pp.term(), pp.billing(), pp.unitPrice(),
                            pp.termUnitPrice(), pp.termCostPrice())).toList();
            offerPrices.add(new OfferPrice(Params.date(p.effectiveFrom(), "prices[" + i + "].effectiveFrom"),
                    p.currency(), p.basePrice(), p.p3yBasePrice(), planPriceList));
        }
        return new OfferData(pathId, name.trim(), productFamily.trim(),
                plans.stream().map(p -> Plan.of(p.term(), p.billing())).toList(), offerPrices,
                capGroup, renewable == null || renewable, midTermIncrease == null || midTermIncrease,
                trialAvailable != null && trialAvailable, upgradePaths == null ? List.of() : upgradePaths, 0,
                segment == null || segment.isBlank() ? null : segment.trim(),
                sellableUntil == null ? null : Params.date(sellableUntil, "sellableUntil"));
    }
}
