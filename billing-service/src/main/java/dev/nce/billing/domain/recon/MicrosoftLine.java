package dev.nce.billing.domain.recon;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One of Microsoft's new-commerce billed invoice reconciliation lines (D25), the fields reconciliation reads.
 * {@code row} is the 1-based data row. {@code microsoftCustomerId} is the customer's tenant id,
 * {@code subscriptionId} the Partner Center subscription; amounts are in {@code currency} (the billing currency),
 * {@code unitPrice} / {@code effectiveUnitPrice} in {@code pricingCurrency}.
 */
public record MicrosoftLine(
        int row,
        String microsoftCustomerId,
        String customerName,
        String invoiceNumber,
        String orderId,
        String productId,
        String skuId,
        String chargeType,
        BigDecimal unitPrice,
        BigDecimal effectiveUnitPrice,
        int quantity,
        int billableQuantity,
        BigDecimal subtotal,
        String currency,
        String pricingCurrency,
        BigDecimal exchangeRate,
        String subscriptionId,
        LocalDate chargeStartDate,
        LocalDate chargeEndDate,
        String termAndBillingCycle,
        String billingFrequency,
        String promotionId,
        String priceAdjustmentDescription,
        String creditReasonCode) {

    public boolean isCancellation() {
        return chargeType != null && chargeType.toLowerCase(java.util.Locale.ROOT).startsWith("cancel");
    }

    public boolean isPromoted() {
        return (promotionId != null && !promotionId.isBlank())
                || (effectiveUnitPrice != null && unitPrice != null && effectiveUnitPrice.compareTo(unitPrice) < 0);
    }

    public boolean isCreditAdjustment() {
        return (creditReasonCode != null && !creditReasonCode.isBlank())
                || "refund".equalsIgnoreCase(chargeType) || "creditAdjustment".equalsIgnoreCase(chargeType);
    }
}
