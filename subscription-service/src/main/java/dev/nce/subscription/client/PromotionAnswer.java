package dev.nce.subscription.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.PromotionData;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** catalog-service's promotion JSON (API.md GET /v1/promotions/{id}); unknown fields are ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PromotionAnswer(String promotionId, String name, List<String> offerIds, List<PriceAnswer.PlanRef> plans,
                              Discount discount, Integer minSeats, Integer maxSeats, LocalDate acquireFrom,
                              LocalDate acquireUntil, LocalDate discountUntil, Boolean autoApply, Long version) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Discount(PromotionData.DiscountType type, String value) {}

    public PromotionData toData() {
        List<Plan> planList = plans == null ? List.of()
                : plans.stream().map(p -> Plan.of(Term.valueOf(p.term()), BillingFrequency.valueOf(p.billing()))).toList();
        return new PromotionData(promotionId, name, offerIds == null ? List.of() : List.copyOf(offerIds), planList,
                discount.type(), new BigDecimal(discount.value()), minSeats, maxSeats, acquireFrom, acquireUntil,
                discountUntil, Boolean.TRUE.equals(autoApply), version == null ? 0 : version);
    }
}
