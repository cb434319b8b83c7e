package dev.nce.catalog.domain.pricelist;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/**
 * One data row of Microsoft's NCE license-based price list, read by header name (D22). {@code row} is the 1-based data
 * row number (the header is row 0). {@code offerId} is ProductId:SkuId with a numeric SkuId left-padded to 4 digits.
 * {@code unitPrice} (partner cost) and {@code erpPrice} are per seat for the whole {@code termDuration}.
 * {@code effectiveStart} / {@code effectiveEnd} are null for the open bounds (years 1753 and 9999); the end is the last
 * day the price applies. {@code previousValues} holds a {@code Change} row's old values (empty otherwise).
 */
public record PriceListRow(
        int row,
        String changeIndicator,
        String productTitle,
        String productId,
        String skuId,
        String skuTitle,
        String termDuration,
        String billingPlan,
        String market,
        String currency,
        BigDecimal unitPrice,
        BigDecimal erpPrice,
        LocalDate effectiveStart,
        LocalDate effectiveEnd,
        String segment,
        String tags,
        Map<String, String> previousValues) {

    public String offerId() {
        return OfferIdsFromList.offerId(productId, skuId);
    }

    /** D22: {@code BillingPlan None} rows are trials. */
    public boolean trial() {
        return "None".equalsIgnoreCase(billingPlan);
    }
}
