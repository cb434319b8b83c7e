package dev.nce.billing.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One entry of the charge ledger, effective-dated.
 * <ul>
 * <li>{@link Kind#SEGMENT}: a monthly-billed stretch of constant quantity and price (BL-2, D18 CYCLE/EXTENDED_TERM).
 *     It has no book period: the invoice of each calendar month it overlaps gets one line for the overlap (BL-3).</li>
 * <li>{@link Kind#FIXED}: one line as it is, booked on {@code bookPeriod}: upfront charges and credits (BL-6, BL-7,
 *     R-I6) with their day counts, and late-event adjustments of an invoiced month (D18).</li>
 * </ul>
 * {@code fxPeriod} is the month whose D13 rate converts it (a credit uses the rate of the line that charged it); null
 * means the month of the invoice that carries it. {@code sign} is -1 for credits; quantity is always positive.
 * {@code scheduled} marks future P3Y/ANNUAL term-year charges, which later changes may regenerate.
 * {@code promotionId} is set when the charge is priced at a promotion's discounted price (R-K6), else null.
 * {@code priorSeatDays} (credits only) counts the seat-days of the same paying line credited before this one: the
 * credit is then the rounded total minus the rounded earlier credits, so several credits of one line never refund
 * more than the line charged (BL-7, D1 rounds each line up).
 * {@code periodPrice} (upfront charges of an imported plan, D22) is the exact price of one seat for the whole
 * {@code billingMonths}: a line for the whole period bills it exactly; null otherwise.
 */
public record Charge(
        Kind kind,
        String subscriptionId,
        String offerId,
        String description,
        ChargeType type,
        LocalDate startDate,
        LocalDate endDate,
        int quantity,
        BigDecimal unitPrice,
        String pricingCurrency,
        Integer billingMonths,
        Integer daysActive,
        Integer daysInPeriod,
        BillingPeriod bookPeriod,
        BillingPeriod fxPeriod,
        int sign,
        boolean scheduled,
        String promotionId,
        long priorSeatDays,
        BigDecimal periodPrice) {

    public enum Kind { SEGMENT, FIXED }

    public Charge {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (sign != 1 && sign != -1) {
            throw new IllegalArgumentException("sign must be 1 or -1");
        }
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative");
        }
        if (kind == Kind.FIXED && (bookPeriod == null || daysActive == null || daysInPeriod == null)) {
            throw new IllegalArgumentException("a fixed charge needs bookPeriod, daysActive and daysInPeriod");
        }
    }

    /** A charge without a D22 period price (every charge before term prices existed). */
    public Charge(Kind kind, String subscriptionId, String offerId, String description, ChargeType type,
                  LocalDate startDate, LocalDate endDate, int quantity, BigDecimal unitPrice, String pricingCurrency,
                  Integer billingMonths, Integer daysActive, Integer daysInPeriod, BillingPeriod bookPeriod,
                  BillingPeriod fxPeriod, int sign, boolean scheduled, String promotionId, long priorSeatDays) {
        this(kind, subscriptionId, offerId, description, type, startDate, endDate, quantity, unitPrice,
                pricingCurrency, billingMonths, daysActive, daysInPeriod, bookPeriod, fxPeriod, sign, scheduled,
                promotionId, priorSeatDays, null);
    }

    /** A fixed charge without a promotion (the constructor of every non-promoted line). */
    public Charge(Kind kind, String subscriptionId, String offerId, String description, ChargeType type,
                  LocalDate startDate, LocalDate endDate, int quantity, BigDecimal unitPrice, String pricingCurrency,
                  Integer billingMonths, Integer daysActive, Integer daysInPeriod, BillingPeriod bookPeriod,
                  BillingPeriod fxPeriod, int sign, boolean scheduled) {
        this(kind, subscriptionId, offerId, description, type, startDate, endDate, quantity, unitPrice,
                pricingCurrency, billingMonths, daysActive, daysInPeriod, bookPeriod, fxPeriod, sign, scheduled, null);
    }

    /** A charge, at a promotion's discounted price when {@code promotionId} is set (R-K6). */
    public Charge(Kind kind, String subscriptionId, String offerId, String description, ChargeType type,
                  LocalDate startDate, LocalDate endDate, int quantity, BigDecimal unitPrice, String pricingCurrency,
                  Integer billingMonths, Integer daysActive, Integer daysInPeriod, BillingPeriod bookPeriod,
                  BillingPeriod fxPeriod, int sign, boolean scheduled, String promotionId) {
        this(kind, subscriptionId, offerId, description, type, startDate, endDate, quantity, unitPrice,
                pricingCurrency, billingMonths, daysActive, daysInPeriod, bookPeriod, fxPeriod, sign, scheduled,
                promotionId, 0L);
    }

    /** A monthly-billed segment [from, to] (BL-3). */
    public static Charge segment(String subscriptionId, String offerId, String description, ChargeType type,
                                 LocalDate from, LocalDate to, int quantity, BigDecimal unitPrice, String currency) {
        return segment(subscriptionId, offerId, description, type, from, to, quantity, unitPrice, currency, null);
    }

    /** A monthly-billed segment [from, to] (BL-3), at a promotion's price when {@code promotionId} is set (R-K6). */
    public static Charge segment(String subscriptionId, String offerId, String description, ChargeType type,
                                 LocalDate from, LocalDate to, int quantity, BigDecimal unitPrice, String currency,
                                 String promotionId) {
        return new Charge(Kind.SEGMENT, subscriptionId, offerId, description, type, from, to, quantity, unitPrice,
                currency, null, null, null, null, null, 1, false, promotionId);
    }

    public DateRange range() { return new DateRange(startDate, endDate); }

    public boolean isSegment() { return kind == Kind.SEGMENT; }

    public Charge withEndDate(LocalDate end) {
        return new Charge(kind, subscriptionId, offerId, description, type, startDate, end, quantity, unitPrice,
                pricingCurrency, billingMonths, daysActive, daysInPeriod, bookPeriod, fxPeriod, sign, scheduled,
                promotionId, priorSeatDays, periodPrice);
    }

    /** D22: this charge with the exact price of its whole billing period. */
    public Charge withPeriodPrice(BigDecimal price) {
        return new Charge(kind, subscriptionId, offerId, description, type, startDate, endDate, quantity, unitPrice,
                pricingCurrency, billingMonths, daysActive, daysInPeriod, bookPeriod, fxPeriod, sign, scheduled,
                promotionId, priorSeatDays, price);
    }

    public Charge rebookedOn(BillingPeriod period, BillingPeriod fx) {
        return new Charge(kind, subscriptionId, offerId, description, type, startDate, endDate, quantity, unitPrice,
                pricingCurrency, billingMonths, daysActive, daysInPeriod, period, fx, sign, scheduled, promotionId,
                priorSeatDays, periodPrice);
    }
}
