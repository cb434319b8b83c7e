package dev.nce.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The line that paid for a seat batch of an upfront plan (NEW, RENEW, ADD_QUANTITY or UPGRADE_CHARGE), kept so that a
 * later cancellation or reduction can credit exactly what is unused (BL-7) at the rate of that line (D13).
 */
public record BatchCharge(String offerId, String description, LocalDate chargeStart, LocalDate chargeEnd,
                          int daysInPeriod, BigDecimal unitPrice, String currency, int billingMonths,
                          BillingPeriod chargedPeriod) {

    public static BatchCharge of(Charge charge) {
        return new BatchCharge(charge.offerId(), charge.description(), charge.startDate(), charge.endDate(),
                charge.daysInPeriod(), charge.unitPrice(), charge.pricingCurrency(), charge.billingMonths(),
                charge.bookPeriod());
    }
}
