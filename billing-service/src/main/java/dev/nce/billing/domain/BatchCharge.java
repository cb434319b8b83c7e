package dev.nce.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line that paid for seats of a seat batch of an upfront plan (NEW, RENEW, ADD_QUANTITY or UPGRADE_CHARGE), kept
 * so that a later cancellation or reduction can credit exactly what is unused (BL-7) at the price and rate of that
 * line (D13). A batch bought with a promotion is paid by several such pieces (R-K3 seats above the maximum, R-K7 the
 * days after discountUntil): {@code tier} says which seats of the batch a piece paid for
 * ({@link PromotionPricing#WITHIN_MAX} or {@link PromotionPricing#ABOVE_MAX}) and {@code seats} how many of them are
 * still not credited (null on rows recorded before pieces existed: the piece then covers the whole batch);
 * {@code creditedSeatDays} the seat-days credited so far (the next credit's {@link Charge#priorSeatDays()}).
 */
public record BatchCharge(String offerId, String description, LocalDate chargeStart, LocalDate chargeEnd,
                          int daysInPeriod, BigDecimal unitPrice, String currency, int billingMonths,
                          BillingPeriod chargedPeriod, String promotionId, int tier, Integer seats,
                          long creditedSeatDays) {

    /** A whole-batch piece without a promotion (the pre-promotion shape). */
    public BatchCharge(String offerId, String description, LocalDate chargeStart, LocalDate chargeEnd,
                       int daysInPeriod, BigDecimal unitPrice, String currency, int billingMonths,
                       BillingPeriod chargedPeriod) {
        this(offerId, description, chargeStart, chargeEnd, daysInPeriod, unitPrice, currency, billingMonths,
                chargedPeriod, null, PromotionPricing.WITHIN_MAX, null, 0L);
    }

    public static BatchCharge of(Charge charge) {
        return of(charge, PromotionPricing.WITHIN_MAX);
    }

    /** The piece a charge line pays for: its seats of {@code tier}. */
    public static BatchCharge of(Charge charge, int tier) {
        return new BatchCharge(charge.offerId(), charge.description(), charge.startDate(), charge.endDate(),
                charge.daysInPeriod(), charge.unitPrice(), charge.pricingCurrency(), charge.billingMonths(),
                charge.bookPeriod(), charge.promotionId(), tier, charge.quantity(), 0L);
    }

    /** The piece after {@code seats} of its seats were credited for {@code unusedDays} days each. */
    public BatchCharge afterCredit(int seats, int unusedDays) {
        return new BatchCharge(offerId, description, chargeStart, chargeEnd, daysInPeriod, unitPrice, currency,
                billingMonths, chargedPeriod, promotionId, tier, this.seats - seats,
                creditedSeatDays + (long) seats * unusedDays);
    }
}
