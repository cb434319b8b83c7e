package dev.nce.subscription.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.contracts.Plan;
import java.math.BigDecimal;
import java.util.List;

/**
 * catalog-service's price answer (API.md) plus the additive offer attributes. Amount fields are read leniently (string
 * or number) because only unitPrice matters here; unknown fields are ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PriceAnswer(String offerId, String term, String billing, String at, String currency,
                          JsonNode basePrice, JsonNode upliftPercent, JsonNode unitPrice, String source,
                          String offerName, String productFamily, String capGroup, Boolean renewable,
                          Boolean midTermIncrease, Boolean trialAvailable, List<String> upgradePaths,
                          List<PlanRef> plans, Long offerVersion) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PlanRef(String term, String billing) {}

    public BigDecimal unitPriceValue() {
        if (unitPrice == null || unitPrice.isNull()) {
            throw new IllegalStateException("price answer without unitPrice");
        }
        return new BigDecimal(unitPrice.asText());
    }

    /** True when the answer lists the plan among the offer's plans (or lists no plans at all). */
    public boolean sells(Plan plan) {
        if (plans == null) {
            return true;
        }
        return plans.stream().anyMatch(p -> plan.term().name().equals(p.term()) && plan.billing().name().equals(p.billing()));
    }

    public boolean isRenewable() { return renewable == null || renewable; }

    public boolean allowsMidTermIncrease() { return midTermIncrease == null || midTermIncrease; }
}
