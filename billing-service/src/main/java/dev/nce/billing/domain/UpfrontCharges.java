package dev.nce.billing.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Upfront-plan charges and credits as ledger entries (amounts are computed by {@link LineFormula} when invoiced).
 * <ul>
 * <li>BL-6: NEW / RENEW / ADD_QUANTITY = unitPrice x billingMonths x qty x days(from..end) / days(period), booked on the
 *     month that contains its start date (D11). 432 x 5 x 197/365 = 1165.81; NEW 10 x 36 x 12 = 4320.00.</li>
 * <li>BL-7: a credit for r seats removed on day c from the line that charged them: the unused days c..chargeEnd at that
 *     line's price, months, period length and FX month (R-C6: the change day belongs to the new state).</li>
 * <li>R-I6: an upgrade credits the source for the remaining period from the upgrade date (inclusive) and charges the
 *     target for the same period at the target's price.</li>
 * </ul>
 */
public final class UpfrontCharges {

    private UpfrontCharges() {}

    /** A BL-6 charge of {@code quantity} seats from {@code from} to the period's actual end; empty if nothing is left. */
    public static Optional<Charge> charge(PricedItem item, ChargeType type, ChargePeriod period, LocalDate from,
                                          int quantity, boolean scheduled) {
        return charge(item, type, period, from, period.actualEnd(), quantity, scheduled, null);
    }

    /**
     * A BL-6 charge of {@code quantity} seats for the days {@code from..to} of the period (clamped to it), prorated
     * over the period's full length like every partial upfront charge; {@code promotionId} when {@code item} is at
     * a promotion's discounted price (R-K6). Empty if no day is left.
     */
    public static Optional<Charge> charge(PricedItem item, ChargeType type, ChargePeriod period, LocalDate from,
                                          LocalDate to, int quantity, boolean scheduled, String promotionId) {
        LocalDate start = from.isBefore(period.start()) ? period.start() : from;
        LocalDate end = to.isAfter(period.actualEnd()) ? period.actualEnd() : to;
        if (end.isBefore(start) || quantity <= 0) {
            return Optional.empty();
        }
        int days = (int) DateRange.days(start, end);
        Charge charge = new Charge(Charge.Kind.FIXED, item.subscriptionId(), item.offerId(), item.description(),
                type, start, end, quantity, unitPrice(item), item.currency(), period.billingMonths(),
                days, period.daysInPeriod(), BillingPeriod.containing(start), null, 1, scheduled, promotionId);
        if (item.termPrice() != null) {
            // D22: a whole period bills the term price exactly; a part of it prorates the scale-6 monthly price
            charge = item.termPrice().periodPrice(period.billingMonths()).map(charge::withPeriodPrice).orElse(charge);
        }
        return Optional.of(charge);
    }

    /** The monthly price a line prorates: derived from the term price at scale 6 when there is one (D22). */
    static java.math.BigDecimal unitPrice(PricedItem item) {
        return item.termPrice() == null ? item.unitPrice() : item.termPrice().monthlyUnitPrice();
    }

    /** What one priced charge paid for: the charge and the batch piece that remembers it (BL-7). */
    public record Paid(Charge charge, BatchCharge piece) {}

    /**
     * R-K3/R-K7 upfront charges: {@code quantity} seats on top of {@code seatsBelow} from {@code from} to the period's
     * end, one line per price part (discounted seats until discountUntil, list after; seats above the maximum at list).
     */
    public static List<Paid> charges(PricedItem item, PromotionPricing pricing, ChargeType type, ChargePeriod period,
                                     LocalDate from, int seatsBelow, int quantity, boolean scheduled) {
        LocalDate start = from.isBefore(period.start()) ? period.start() : from;
        List<Paid> paid = new ArrayList<>();
        if (quantity <= 0 || period.actualEnd().isBefore(start)) {
            return paid;
        }
        for (PromotionPricing.PricedPart part : pricing.seats(start, period.actualEnd(), seatsBelow, quantity)) {
            // a part at the locked list price keeps the plan's term price (D22); a discounted part has none
            TermPrice term = part.promotionId() == null && item.termPrice() != null
                    && item.termPrice().isLockedAs(part.unitPrice(), item.currency()) ? item.termPrice() : null;
            PricedItem priced = new PricedItem(item.subscriptionId(), item.offerId(), item.description(),
                    part.unitPrice(), item.currency(), term);
            // D11: every part of one upfront charge goes on the invoice of the month the charge starts in
            charge(priced, type, period, part.from(), part.to(), part.quantity(), scheduled, part.promotionId())
                    .map(c -> c.rebookedOn(BillingPeriod.containing(start), c.fxPeriod()))
                    .ifPresent(c -> paid.add(new Paid(c, BatchCharge.of(c, part.tier()))));
        }
        return paid;
    }

    /** BL-7 credits of a batch's pieces and the pieces as they remain afterwards (seats not yet credited). */
    public record Credited(List<Charge> credits, List<BatchCharge> remaining) {}

    /**
     * BL-7 credit of {@code removed} seats of a batch paid by {@code pieces}, for a change on {@code changeDate}: the
     * seats above a promotion's maximum go first (they were added last, R-K3), then those within it; each piece
     * credits its own unused days at the price it charged (R-K7 pieces after discountUntil at list), so no piece is
     * ever refunded more seats or days than it charged. Pieces without a seat count (recorded before pieces
     * existed) credit all {@code removed} seats, as before.
     */
    public static Credited credit(String subscriptionId, List<BatchCharge> pieces, ChargeType type, int removed,
                                  LocalDate changeDate) {
        List<Charge> credits = new ArrayList<>();
        if (pieces.stream().anyMatch(p -> p.seats() == null)) {
            for (BatchCharge piece : pieces) {
                credit(subscriptionId, piece, type, removed, changeDate).ifPresent(credits::add);
            }
            return new Credited(credits, pieces);
        }
        List<BatchCharge> remaining = new ArrayList<>(pieces);
        int left = removed;
        for (int tier = PromotionPricing.ABOVE_MAX; tier >= PromotionPricing.WITHIN_MAX && left > 0; tier--) {
            int inTier = 0;
            for (BatchCharge piece : remaining) {
                if (piece.tier() == tier) {
                    inTier = Math.max(inTier, piece.seats());
                }
            }
            int take = Math.min(left, inTier);
            if (take <= 0) {
                continue;
            }
            for (int i = 0; i < remaining.size(); i++) {
                BatchCharge piece = remaining.get(i);
                if (piece.tier() == tier) {
                    int seats = Math.min(take, piece.seats());
                    Optional<Charge> credit = credit(subscriptionId, piece, type, seats, changeDate);
                    credit.ifPresent(credits::add);
                    remaining.set(i, piece.afterCredit(seats, credit.map(Charge::daysActive).orElse(0)));
                }
            }
            left -= take;
        }
        return new Credited(credits, remaining);
    }

    /** A BL-7 credit of {@code removed} seats charged by {@code paidBy}, for a change on {@code changeDate}. */
    public static Optional<Charge> credit(String subscriptionId, BatchCharge paidBy, ChargeType type, int removed,
                                          LocalDate changeDate) {
        LocalDate from = changeDate.isBefore(paidBy.chargeStart()) ? paidBy.chargeStart() : changeDate;
        if (from.isAfter(paidBy.chargeEnd()) || removed <= 0) {
            return Optional.empty();
        }
        int unusedDays = (int) DateRange.days(from, paidBy.chargeEnd());
        return Optional.of(new Charge(Charge.Kind.FIXED, subscriptionId, paidBy.offerId(), paidBy.description(), type,
                from, paidBy.chargeEnd(), removed, paidBy.unitPrice(), paidBy.currency(), paidBy.billingMonths(),
                unusedDays, paidBy.daysInPeriod(), BillingPeriod.containing(changeDate), paidBy.chargedPeriod(), -1,
                false, paidBy.promotionId(), paidBy.creditedSeatDays()));
    }

    /**
     * R-I6: the UPGRADE_CREDIT of {@code moved} seats of {@code source} for the unused part of {@code sourcePeriod}
     * from {@code upgradeDate}, and the UPGRADE_CHARGE of {@code target} for the same days of {@code targetPeriod}.
     */
    public static List<Charge> upgrade(PricedItem source, ChargePeriod sourcePeriod, PricedItem target,
                                       ChargePeriod targetPeriod, int moved, LocalDate upgradeDate) {
        List<Charge> charges = new ArrayList<>();
        BatchCharge sourceLine = new BatchCharge(source.offerId(), source.description(), sourcePeriod.start(),
                sourcePeriod.actualEnd(), sourcePeriod.daysInPeriod(), unitPrice(source), source.currency(),
                sourcePeriod.billingMonths(), BillingPeriod.containing(sourcePeriod.start()));
        credit(source.subscriptionId(), sourceLine, ChargeType.UPGRADE_CREDIT, moved, upgradeDate)
                // an upgrade credit uses the upgrade month's rate, like the charge it is netted against
                .map(c -> c.rebookedOn(c.bookPeriod(), null))
                .ifPresent(charges::add);
        charge(target, ChargeType.UPGRADE_CHARGE, targetPeriod, upgradeDate, moved, false).ifPresent(charges::add);
        return charges;
    }
}
