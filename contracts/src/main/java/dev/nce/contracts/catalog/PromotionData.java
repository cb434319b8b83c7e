package dev.nce.contracts.catalog;

import dev.nce.contracts.Plan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** A promotion (R-K1, R-K7): acquirable in [acquireFrom, acquireUntil]; discountUntil ends the discount (BEMO variant). */
public record PromotionData(String promotionId, String name, List<String> offerIds, List<Plan> plans,
                            DiscountType discountType, BigDecimal discountValue, Integer minSeats, Integer maxSeats,
                            LocalDate acquireFrom, LocalDate acquireUntil, LocalDate discountUntil, boolean autoApply,
                            long version) {

    public enum DiscountType { PERCENT, FIXED }
}
