package dev.nce.billing.domain.recon;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * D25: one Microsoft charge period against the platform. Expected Microsoft cost, Microsoft's own rule:
 * {@code ROUNDDOWN(effective unit price x exchange rate, 2) x billable quantity}, with the effective unit price taken
 * from the plan's termCostPrice (D22) for one charge; a partial period is prorated by days of the charge period as
 * Microsoft does. A difference of at most 0.01 per seat is MATCHED; otherwise the first class that explains it.
 * Margin = sell amount - Microsoft amount.
 */
public final class Reconciliation {

    /** D25: the tolerance per seat per line. */
    public static final BigDecimal TOLERANCE_PER_SEAT = new BigDecimal("0.01");

    /** One report item. */
    public record Item(String subscriptionId, String microsoftSubscriptionId, String customerId,
                       String microsoftCustomerId, LocalDate chargeStart, LocalDate chargeEnd, int microsoftQuantity,
                       Integer quantity, BigDecimal microsoftAmount, BigDecimal expectedMicrosoftAmount,
                       BigDecimal sellAmount, BigDecimal variance, ReconClass reconClass, String explanation,
                       BigDecimal margin, BigDecimal marginPercent) {}

    private Reconciliation() {}

    public static Item unlinked(ChargeCycle cycle) {
        BigDecimal ms = cycle.microsoftAmount();
        return new Item(null, cycle.microsoftSubscriptionId(), null, cycle.microsoftCustomerId(), cycle.chargeStart(),
                cycle.chargeEnd(), cycle.netQuantity(), null, ms, null, BigDecimal.ZERO.setScale(2), null,
                ReconClass.UNLINKED, "Microsoft subscription " + cycle.microsoftSubscriptionId() + " of "
                        + (cycle.customerName() == null ? "tenant " + cycle.microsoftCustomerId() : cycle.customerName())
                        + " is linked to no subscription here: Microsoft bills " + ms.toPlainString()
                        + ", the platform bills nothing (drift)", ms.negate(), null);
    }

    public static Item compare(ChargeCycle cycle, OurSide ours) {
        BigDecimal ms = cycle.microsoftAmount();
        int qty = cycle.netQuantity();
        MicrosoftLine first = cycle.first();
        BigDecimal fx = first.exchangeRate() == null ? BigDecimal.ONE : first.exchangeRate();
        BigDecimal expected = null;
        if (ours.costPerCharge() != null) {
            BigDecimal perSeat = ours.costPerCharge().multiply(fx).setScale(2, RoundingMode.DOWN);
            expected = prorate(perSeat.multiply(BigDecimal.valueOf(qty)), cycle, first.billingFrequency());
        }
        BigDecimal sell = ours.sellAmount() == null ? BigDecimal.ZERO.setScale(2) : ours.sellAmount();
        BigDecimal variance = expected == null ? null : ms.subtract(expected);
        BigDecimal margin = sell.subtract(ms);
        BigDecimal marginPercent = sell.signum() == 0 ? null
                : margin.multiply(BigDecimal.valueOf(100)).divide(sell, 2, RoundingMode.HALF_UP);
        Verdict verdict = classify(cycle, ours, expected, variance, fx);
        return new Item(ours.subscriptionId(), cycle.microsoftSubscriptionId(), ours.customerId(),
                cycle.microsoftCustomerId(), cycle.chargeStart(), cycle.chargeEnd(), qty, ours.quantity(), ms,
                expected, sell, variance, verdict.reconClass(), verdict.explanation(), margin, marginPercent);
    }

    private record Verdict(ReconClass reconClass, String explanation) {}

    private static Verdict classify(ChargeCycle cycle, OurSide ours, BigDecimal expected, BigDecimal variance,
                                    BigDecimal fx) {
        MicrosoftLine first = cycle.first();
        int qty = cycle.netQuantity();
        String netting = cycle.nettedPair() ? "; the -old/+new seat-change pair was netted" : "";
        if (expected == null) {
            return new Verdict(ReconClass.PRICE_TIER, "the catalog has no cost price (termCostPrice) for this plan:"
                    + " import Microsoft's price list (D22)");
        }
        BigDecimal tolerance = TOLERANCE_PER_SEAT.multiply(BigDecimal.valueOf(Math.max(1, Math.abs(qty))));
        boolean amountAgrees = variance.abs().compareTo(tolerance) <= 0;
        // the platform must have billed the same seats for these days (nothing when Microsoft nets to zero)
        boolean quantityAgrees = qty == 0 ? ours.quantity() == null || ours.quantity() == 0
                : ours.quantity() != null && ours.quantity() == qty;
        if (amountAgrees && quantityAgrees) {
            String what = cycle.cancelled() && qty == 0
                    ? "cancelled inside the window: Microsoft refunded the purchase in full, as the platform did"
                    : qty + " seat(s) at " + expected.divide(BigDecimal.valueOf(Math.max(1, Math.abs(qty))), 2,
                    RoundingMode.HALF_UP).toPlainString() + " as the cost price list says";
            return new Verdict(ReconClass.MATCHED, what + netting);
        }
        String diff = "Microsoft " + cycle.microsoftAmount().toPlainString() + " vs expected "
                + expected.toPlainString() + " (" + signed(variance) + ")";
        if (cycle.creditAdjusted()) {
            return new Verdict(ReconClass.CREDIT_ADJUSTMENT, diff + ": Microsoft credited or adjusted the charge"
                    + (first.creditReasonCode() == null ? "" : " (" + first.creditReasonCode() + ")"));
        }
        if (cycle.promoted() && !amountAgrees) {
            MicrosoftLine promoted = cycle.lines().stream().filter(MicrosoftLine::isPromoted).findFirst().orElse(first);
            return new Verdict(ReconClass.PROMOTION, diff + ": Microsoft applied "
                    + (promoted.promotionId() == null ? "a promotion" : "promotion " + promoted.promotionId())
                    + (promoted.priceAdjustmentDescription() == null ? "" : " " + promoted.priceAdjustmentDescription())
                    + ", effective unit price " + plain(promoted.effectiveUnitPrice()) + " instead of "
                    + plain(promoted.unitPrice()) + "; the expected cost uses the list cost price");
        }
        if (cycle.cancelled()) {
            return new Verdict(ReconClass.CANCELLATION, diff + ": a cancellation Microsoft refunded differently "
                    + "from the platform's cancellation (window or proration of the refund)");
        }
        if (ours.quantity() == null) {
            return new Verdict(ReconClass.TIMING, diff + ": Microsoft bills " + qty + " seat(s) for these days, the "
                    + "platform billed nothing for them (its charge falls in another period, or the change reached "
                    + "it on another day)");
        }
        if (!quantityAgrees) {
            return new Verdict(ReconClass.QUANTITY, diff + ": Microsoft bills " + qty + " seat(s), the platform "
                    + ours.quantity() + netting);
        }
        if (fx.compareTo(BigDecimal.ONE) != 0) {
            return new Verdict(ReconClass.FX, diff + ": Microsoft converted at " + fx.toPlainString()
                    + " (" + first.pricingCurrency() + " to " + first.currency() + "), another rate or date than D13");
        }
        // Microsoft's rule rounds the converted unit price down; half up would give Microsoft's amount
        BigDecimal halfUp = prorate(ours.costPerCharge().multiply(fx).setScale(2, RoundingMode.HALF_UP)
                .multiply(BigDecimal.valueOf(qty)), cycle, first.billingFrequency());
        if (halfUp.subtract(cycle.microsoftAmount()).abs().compareTo(tolerance) <= 0) {
            return new Verdict(ReconClass.ROUNDING, diff + ": Microsoft rounded the converted unit price half up "
                    + "instead of down");
        }
        if (isPartial(cycle, first.billingFrequency())) {
            return new Verdict(ReconClass.PRORATION_BASIS, diff + ": a part of Microsoft's charge cycle, prorated by "
                    + "Microsoft's days of the cycle; the platform prorates by calendar month (D14)");
        }
        return new Verdict(ReconClass.PRICE_TIER, diff + ": Microsoft's unit price " + plain(first.unitPrice())
                + " is not the cost price in force for this plan (another price tier or price list)");
    }

    /** A charge that covers only part of its cycle is prorated by days, as Microsoft does. */
    static BigDecimal prorate(BigDecimal full, ChargeCycle cycle, String billingFrequency) {
        if (!isPartial(cycle, billingFrequency)) {
            return full;
        }
        LocalDate cycleStart = cycle.chargeEnd().plusDays(1).minusMonths(months(billingFrequency));
        long cycleDays = ChronoUnit.DAYS.between(cycleStart, cycle.chargeEnd()) + 1;
        long days = ChronoUnit.DAYS.between(cycle.chargeStart(), cycle.chargeEnd()) + 1;
        return full.multiply(BigDecimal.valueOf(days)).divide(BigDecimal.valueOf(cycleDays), 2, RoundingMode.HALF_UP);
    }

    static boolean isPartial(ChargeCycle cycle, String billingFrequency) {
        if (cycle.chargeStart() == null || cycle.chargeEnd() == null) {
            return false;
        }
        LocalDate cycleStart = cycle.chargeEnd().plusDays(1).minusMonths(months(billingFrequency));
        return cycle.chargeStart().isAfter(cycleStart);
    }

    /** Microsoft's BillingFrequency as months per charge. */
    public static int months(String billingFrequency) {
        if (billingFrequency == null) {
            return 1;
        }
        return switch (billingFrequency.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "annual" -> 12;
            case "triennial" -> 36;
            default -> 1;
        };
    }

    private static String signed(BigDecimal value) {
        return (value.signum() > 0 ? "+" : "") + value.toPlainString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "?" : value.toPlainString();
    }
}
