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
        LocalDate start = from.isBefore(period.start()) ? period.start() : from;
        int days = period.daysFrom(start);
        if (days <= 0 || quantity <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Charge(Charge.Kind.FIXED, item.subscriptionId(), item.offerId(), item.description(),
                type, start, period.actualEnd(), quantity, item.unitPrice(), item.currency(), period.billingMonths(),
                days, period.daysInPeriod(), BillingPeriod.containing(start), null, 1, scheduled));
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
                false));
    }

    /**
     * R-I6: the UPGRADE_CREDIT of {@code moved} seats of {@code source} for the unused part of {@code sourcePeriod}
     * from {@code upgradeDate}, and the UPGRADE_CHARGE of {@code target} for the same days of {@code targetPeriod}.
     */
    public static List<Charge> upgrade(PricedItem source, ChargePeriod sourcePeriod, PricedItem target,
                                       ChargePeriod targetPeriod, int moved, LocalDate upgradeDate) {
        List<Charge> charges = new ArrayList<>();
        BatchCharge sourceLine = new BatchCharge(source.offerId(), source.description(), sourcePeriod.start(),
                sourcePeriod.actualEnd(), sourcePeriod.daysInPeriod(), source.unitPrice(), source.currency(),
                sourcePeriod.billingMonths(), BillingPeriod.containing(sourcePeriod.start()));
        credit(source.subscriptionId(), sourceLine, ChargeType.UPGRADE_CREDIT, moved, upgradeDate)
                // an upgrade credit uses the upgrade month's rate, like the charge it is netted against
                .map(c -> c.rebookedOn(c.bookPeriod(), null))
                .ifPresent(charges::add);
        charge(target, ChargeType.UPGRADE_CHARGE, targetPeriod, upgradeDate, moved, false).ifPresent(charges::add);
        return charges;
    }
}
