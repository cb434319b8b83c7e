package dev.nce.billing.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionEvent.ExtendedTermMonthStarted;
import dev.nce.contracts.events.SubscriptionEvent.ExtendedTermStarted;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCancelled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionDeleted;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionDisabled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionExpired;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionReactivated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionRenewed;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionUpgraded;
import dev.nce.contracts.events.SubscriptionEvent.TermLengthened;
import dev.nce.contracts.events.SubscriptionEvent.TrialConverted;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.billing.domain.LedgerChange.AddCharge;
import dev.nce.billing.domain.LedgerChange.DropScheduled;
import dev.nce.billing.domain.LedgerChange.EndSegments;
import dev.nce.billing.domain.LedgerChange.RecordBatch;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns subscription events (docs/CONVENTIONS.md "Event semantics") into ledger changes. Monthly-billed plans get
 * segments of constant quantity and price (BL-2/BL-3; D6: the change day belongs to the new state, so the old segment
 * ends the day before); upfront plans get BL-6 charges, BL-7 credits and R-I6 upgrade lines (D18). Events that do not
 * change billing (suspend, resume, auto-renew, scheduled changes: BL-8) change nothing; trials are free (D15); no
 * charges accrue after a term ends (D10).
 */
public final class LedgerPlanner {

    private final LedgerView view;

    public LedgerPlanner(LedgerView view) {
        this.view = view;
    }

    public List<LedgerChange> plan(SubscriptionEvent event, Instant effectiveAt) {
        LocalDate day = TermDates.utcDate(effectiveAt);
        List<LedgerChange> changes = new ArrayList<>();
        if (event instanceof SubscriptionCreated e) {
            // a partial-upgrade child is charged by its SubscriptionUpgraded event (R-I6), a trial is free (D15)
            if (!"PARTIAL_UPGRADE".equals(e.origin())) {
                startTerm(e.subscription(), ChargeType.NEW, batches(e.batch()), changes);
            }
        } else if (event instanceof QuantityChanged e) {
            quantityChanged(e, day, changes);
        } else if (event instanceof SubscriptionCancelled e) {
            cancelled(e, changes);
        } else if (event instanceof SubscriptionRenewed e) {
            changes.add(new EndSegments(e.subscription().subscriptionId(), e.subscription().startDate()));
            changes.add(new DropScheduled(e.subscription().subscriptionId(), e.subscription().startDate()));
            startTerm(e.subscription(), ChargeType.RENEW, batches(e.batch()), changes);
        } else if (event instanceof SubscriptionReactivated e) {
            // /renew from EST or EXPIRED: the EST month ends the day before the new term (D6, D17)
            changes.add(new EndSegments(e.subscription().subscriptionId(), e.subscription().startDate()));
            changes.add(new DropScheduled(e.subscription().subscriptionId(), e.subscription().startDate()));
            startTerm(e.subscription(), ChargeType.RENEW, batches(e.batch()), changes);
        } else if (event instanceof TermLengthened e) {
            termLengthened(e, changes);
        } else if (event instanceof SubscriptionUpgraded e) {
            upgraded(e, changes);
        } else if (event instanceof TrialConverted e) {
            trialConverted(e, day, changes);
        } else if (event instanceof ExtendedTermStarted e) {
            extendedMonth(e.subscription(), e.monthStart(), e.monthEnd(), e.unitPrice(), changes);
        } else if (event instanceof ExtendedTermMonthStarted e) {
            extendedMonth(e.subscription(), e.monthStart(), e.monthEnd(), e.unitPrice(), changes);
        } else if (event instanceof SubscriptionExpired || event instanceof SubscriptionDisabled
                || event instanceof SubscriptionDeleted) {
            // D10: nothing accrues in EXPIRED, DISABLED or DELETED
            String id = subscriptionOf(event).subscriptionId();
            changes.add(new EndSegments(id, day));
            changes.add(new DropScheduled(id, day));
        }
        return changes;
    }

    // ---- BL-3 / BL-6: a term starts (purchase, renewal, reactivation, conversion) ------------------------------------

    private void startTerm(SubscriptionSnapshot s, ChargeType upfrontType, List<SeatBatchInfo> batches,
                           List<LedgerChange> changes) {
        if (s.trial() || s.quantity() <= 0) {
            return;
        }
        if (!s.billing().isUpfront()) {
            addSegments(s, ChargeType.CYCLE, s.startDate(), s.endDate(), s.quantity(), changes);
            return;
        }
        List<ChargePeriod> periods = periods(s);
        List<UpfrontCharges.Paid> first = UpfrontCharges.charges(priced(s), pricing(s), upfrontType, periods.get(0),
                s.startDate(), 0, s.quantity(), false);
        addPaid(s.subscriptionId(), first, batches.stream().map(SeatBatchInfo::batchId).toList(), changes);
        scheduleYearsAfter(s, s.startDate(), changes);
    }

    // ---- seats added or removed ---------------------------------------------------------------------------------------

    private void quantityChanged(QuantityChanged e, LocalDate day, List<LedgerChange> changes) {
        SubscriptionSnapshot s = e.subscription();
        if (s.trial()) {
            return;
        }
        if (!s.billing().isUpfront()) {
            restartSegment(s, day, s.quantity(), changes);
            return;
        }
        ChargePeriod period = UpfrontTerm.containing(periods(s), day);
        // R-K3: added seats sit on top of the existing ones; those above the promotion's maximum pay list
        int seatsBelow = s.quantity() - list(e.batchesAdded()).stream().mapToInt(BatchChange::quantity).sum();
        for (BatchChange added : list(e.batchesAdded())) {
            addPaid(s.subscriptionId(), UpfrontCharges.charges(priced(s), pricing(s), ChargeType.ADD_QUANTITY,
                    period, day, Math.max(0, seatsBelow), added.quantity(), false), List.of(added.batchId()), changes);
            seatsBelow += added.quantity();
        }
        creditBatches(s, period, list(e.batchesReduced()), s.quantity(), ChargeType.REDUCE_CREDIT, day, changes);
        changes.add(new DropScheduled(s.subscriptionId(), day.plusDays(1)));
        scheduleYearsAfter(s, day, changes);
    }

    private void cancelled(SubscriptionCancelled e, List<LedgerChange> changes) {
        SubscriptionSnapshot s = e.subscription();
        LocalDate day = TermDates.utcDate(e.cancelledAt());
        changes.add(new EndSegments(s.subscriptionId(), day));
        changes.add(new DropScheduled(s.subscriptionId(), day));
        if (s.trial() || !s.billing().isUpfront() || s.inExtendedServiceTerm()) {
            return; // monthly billing: the segment just ends (BL-7); EST months are monthly segments
        }
        ChargePeriod period = UpfrontTerm.containing(periods(s), day);
        creditBatches(s, period, list(e.batchesRemoved()), 0, ChargeType.CANCEL_CREDIT, day, changes);
    }

    // ---- R-G1 lengthening, R-I6 upgrade, trial conversion ------------------------------------------------------------

    private void termLengthened(TermLengthened e, List<LedgerChange> changes) {
        SubscriptionSnapshot s = e.subscription();
        LocalDate u = e.changeDate();
        if (e.previousBilling() != null && e.previousBilling().isUpfront() && e.previousTerm() != null) {
            Term oldTerm = e.previousTermLength() != null ? e.previousTermLength() : s.term();
            List<ChargePeriod> old = UpfrontTerm.periods(oldTerm, e.previousBilling(), e.previousTerm().startDate(),
                    e.previousTerm().endDate(), TermDates.endDate(e.previousTerm().startDate(), oldTerm), List.of());
            ChargePeriod oldPeriod = UpfrontTerm.containing(old, u);
            PricedItem oldItem = new PricedItem(s.subscriptionId(), s.offerId(), describe(s),
                    e.previousUnitPrice() != null ? e.previousUnitPrice() : s.unitPrice(), s.currency());
            BatchCharge paidBy = new BatchCharge(s.offerId(), oldItem.description(), oldPeriod.start(),
                    oldPeriod.actualEnd(), oldPeriod.daysInPeriod(), oldItem.unitPrice(), s.currency(),
                    oldPeriod.billingMonths(), BillingPeriod.containing(oldPeriod.start()));
            UpfrontCharges.credit(s.subscriptionId(), paidBy, ChargeType.UPGRADE_CREDIT, s.quantity(), u)
                    .map(c -> c.rebookedOn(c.bookPeriod(), null))
                    .ifPresent(c -> changes.add(new AddCharge(c)));
        }
        changes.add(new EndSegments(s.subscriptionId(), u));
        changes.add(new DropScheduled(s.subscriptionId(), u));
        if (!s.billing().isUpfront()) {
            addSegments(s, ChargeType.CYCLE, u, s.endDate(), s.quantity(), changes);
            return;
        }
        ChargePeriod period = UpfrontTerm.containing(periods(s), u);
        addPaid(s.subscriptionId(), UpfrontCharges.charges(priced(s), pricing(s), ChargeType.UPGRADE_CHARGE, period, u,
                0, s.quantity(), false), e.batch() == null ? List.of() : List.of(e.batch().batchId()), changes);
        scheduleYearsAfter(s, u, changes);
    }

    private void upgraded(SubscriptionUpgraded e, List<LedgerChange> changes) {
        SubscriptionSnapshot source = e.source();
        SubscriptionSnapshot target = e.target();
        LocalDate u = e.upgradeDate();
        boolean inPlace = source.subscriptionId().equals(target.subscriptionId());
        String sourceOffer = e.sourceOfferId() != null ? e.sourceOfferId() : source.offerId();
        BigDecimal sourcePrice = e.sourceUnitPrice() != null ? e.sourceUnitPrice() : source.unitPrice();

        // monthly-billed: the old segment ends on u - 1 and the new one starts on u (D18, D6)
        if (!source.billing().isUpfront()) {
            changes.add(new EndSegments(source.subscriptionId(), u));
            if (!inPlace && source.status() != SubscriptionStatus.DELETED && source.quantity() > 0) {
                restartSegment(source, u, source.quantity(), changes);
            }
        }
        if (!target.billing().isUpfront()) {
            restartSegment(target, u, target.quantity(), changes);
        }

        // upfront: UPGRADE_CREDIT on the source, UPGRADE_CHARGE on the target for the same remaining days (R-I6)
        ChargePeriod sourcePeriod = source.billing().isUpfront() ? UpfrontTerm.containing(periods(source), u) : null;
        if (source.billing().isUpfront()) {
            PricedItem sourceItem = new PricedItem(source.subscriptionId(), sourceOffer,
                    describe(sourceOffer, null, source.term(), source.billing()), sourcePrice, source.currency());
            // the moved seats are credited at what the source's period charged for them: with the source's own
            // promotion (R-K3/R-K7) when the source snapshot still describes the source offer (not in place; an
            // in-place snapshot is the target's), else at the source price named by the event
            boolean ownPromotion = !inPlace && sourceOffer.equals(source.offerId()) && source.promotionId() != null;
            PromotionPricing sourcePricing = ownPromotion ? PromotionPricing.of(source)
                    : PromotionPricing.flat(sourcePrice);
            int remaining = inPlace || e.fullUpgrade() || source.status() == SubscriptionStatus.DELETED
                    ? 0 : source.quantity();
            List<BatchCharge> paidBy = UpfrontCharges.charges(sourceItem, sourcePricing, ChargeType.UPGRADE_CHARGE,
                    sourcePeriod, sourcePeriod.start(), remaining, e.movedQuantity(), false).stream()
                    .map(UpfrontCharges.Paid::piece).toList();
            UpfrontCharges.credit(source.subscriptionId(), paidBy, ChargeType.UPGRADE_CREDIT, e.movedQuantity(), u)
                    .credits().stream()
                    .map(c -> c.rebookedOn(c.bookPeriod(), null))
                    .forEach(c -> changes.add(new AddCharge(c)));
            if (!inPlace) {
                changes.add(new DropScheduled(source.subscriptionId(), u.plusDays(1)));
                if (source.status() != SubscriptionStatus.DELETED) {
                    scheduleYearsAfter(source, u, changes);
                }
            }
        }
        if (target.billing().isUpfront()) {
            // a new or in-place target pays for the source's remaining period; an existing target for its own
            ChargePeriod targetPeriod = (inPlace || e.targetCreated()) && sourcePeriod != null
                    ? sourcePeriod : UpfrontTerm.containing(periods(target), u);
            int targetBelow = inPlace || e.targetCreated() ? 0 : Math.max(0, target.quantity() - e.movedQuantity());
            addPaid(target.subscriptionId(), UpfrontCharges.charges(priced(target), pricing(target),
                    ChargeType.UPGRADE_CHARGE, targetPeriod, u, targetBelow, e.movedQuantity(), false),
                    list(e.targetBatches()).stream().map(SeatBatchInfo::batchId).toList(), changes);
            changes.add(new DropScheduled(target.subscriptionId(), u.plusDays(1)));
            scheduleYearsAfter(target, u, changes);
        }
    }

    private void trialConverted(TrialConverted e, LocalDate day, List<LedgerChange> changes) {
        SubscriptionSnapshot target = e.target();
        LocalDate on = e.convertedAt() != null ? TermDates.utcDate(e.convertedAt()) : day;
        if (e.source() == null || target.subscriptionId().equals(e.source().subscriptionId())) {
            startTerm(target, ChargeType.NEW, batches(e.batch()), changes); // the trial itself became paid
            return;
        }
        // 25 seats added to an existing subscription: an increase on the conversion day (R-J3)
        if (!target.billing().isUpfront()) {
            restartSegment(target, on, target.quantity(), changes);
            return;
        }
        ChargePeriod period = UpfrontTerm.containing(periods(target), on);
        addPaid(target.subscriptionId(), UpfrontCharges.charges(priced(target), pricing(target),
                ChargeType.ADD_QUANTITY, period, on, Math.max(0, target.quantity() - e.quantity()), e.quantity(),
                false), e.batch() == null ? List.of() : List.of(e.batch().batchId()), changes);
        changes.add(new DropScheduled(target.subscriptionId(), on.plusDays(1)));
        scheduleYearsAfter(target, on, changes);
    }

    /** D17/D18: an EST month is an EXTENDED_TERM segment at that month's EST price. */
    private void extendedMonth(SubscriptionSnapshot s, LocalDate monthStart, LocalDate monthEnd, BigDecimal unitPrice,
                               List<LedgerChange> changes) {
        if (monthStart == null || monthEnd == null || s.quantity() <= 0) {
            return;
        }
        changes.add(new EndSegments(s.subscriptionId(), monthStart));
        changes.add(new DropScheduled(s.subscriptionId(), monthStart));
        changes.add(new AddCharge(Charge.segment(s.subscriptionId(), s.offerId(),
                describe(s.offerId(), s.offerName(), null, null) + " (extended service term)", ChargeType.EXTENDED_TERM,
                monthStart, monthEnd, s.quantity(), unitPrice != null ? unitPrice : s.unitPrice(), s.currency())));
    }

    // ---- helpers ------------------------------------------------------------------------------------------------------

    /** Ends the current segment on day - 1 and starts one with {@code quantity} from {@code day} to the term end. */
    private void restartSegment(SubscriptionSnapshot s, LocalDate day, int quantity, List<LedgerChange> changes) {
        changes.add(new EndSegments(s.subscriptionId(), day));
        if (quantity > 0 && !s.endDate().isBefore(day) && !s.trial()) {
            ChargeType type = s.inExtendedServiceTerm() ? ChargeType.EXTENDED_TERM : ChargeType.CYCLE;
            addSegments(s, type, day, s.endDate(), quantity, changes);
        }
    }

    /**
     * D18/BL-2: the monthly-billed segments of {@code quantity} seats over [from, to], one per stretch of constant
     * quantity and price (R-K3 seats above a promotion's maximum, R-K7 the days after discountUntil at list).
     */
    private void addSegments(SubscriptionSnapshot s, ChargeType type, LocalDate from, LocalDate to, int quantity,
                             List<LedgerChange> changes) {
        for (PromotionPricing.PricedPart part : pricing(s).segments(from, to, quantity)) {
            changes.add(new AddCharge(Charge.segment(s.subscriptionId(), s.offerId(), describe(s), type, part.from(),
                    part.to(), part.quantity(), part.unitPrice(), s.currency(), part.promotionId())));
        }
    }

    /** Adds upfront charge lines and remembers them as the pieces that paid for {@code batchIds} (BL-7). */
    private static void addPaid(String subscriptionId, List<UpfrontCharges.Paid> paid, List<String> batchIds,
                                List<LedgerChange> changes) {
        if (paid.isEmpty()) {
            return;
        }
        paid.forEach(p -> changes.add(new AddCharge(p.charge())));
        List<BatchCharge> pieces = paid.stream().map(UpfrontCharges.Paid::piece).toList();
        for (String batchId : batchIds) {
            changes.add(new RecordBatch(subscriptionId, batchId, pieces));
        }
    }

    /**
     * BL-7 credits of seats removed from batches (listed newest first, D5) at the prices their lines charged
     * (R-K3/R-K7 pieces); the batch's pieces are re-recorded with the seats left to credit, so later reductions of
     * the same batch never refund a seat twice. A batch billing never saw is credited as the period would have
     * charged it, its seats stacked on {@code seatsBelow} plus the older batches of the list.
     */
    private void creditBatches(SubscriptionSnapshot s, ChargePeriod period, List<BatchChange> batches, int seatsBelow,
                               ChargeType type, LocalDate day, List<LedgerChange> changes) {
        for (int i = 0; i < batches.size(); i++) {
            BatchChange batch = batches.get(i);
            List<BatchCharge> recorded = view.batchCharges(s.subscriptionId(), batch.batchId());
            int below = seatsBelow + batches.subList(i + 1, batches.size()).stream()
                    .mapToInt(BatchChange::quantity).sum();
            List<BatchCharge> pieces = !recorded.isEmpty() ? recorded
                    : UpfrontCharges.charges(priced(s), pricing(s), ChargeType.NEW, period, period.start(), below,
                            batch.quantity(), false).stream().map(UpfrontCharges.Paid::piece).toList();
            UpfrontCharges.Credited credited = UpfrontCharges.credit(s.subscriptionId(), pieces, type,
                    batch.quantity(), day);
            credited.credits().forEach(c -> changes.add(new AddCharge(c)));
            if (!recorded.isEmpty() && recorded.stream().allMatch(p -> p.seats() != null)) {
                changes.add(new RecordBatch(s.subscriptionId(), batch.batchId(), credited.remaining()));
            }
        }
    }

    /** P3Y/ANNUAL: the term years starting after {@code after} are charged at their start (scheduled RENEW lines). */
    private void scheduleYearsAfter(SubscriptionSnapshot s, LocalDate after, List<LedgerChange> changes) {
        if (s.trial() || s.quantity() <= 0 || !(s.term() == Term.P3Y && s.billing() == BillingFrequency.ANNUAL)) {
            return;
        }
        for (ChargePeriod year : periods(s)) {
            if (year.start().isAfter(after)) {
                UpfrontCharges.charges(priced(s), pricing(s), ChargeType.RENEW, year, year.start(), 0, s.quantity(),
                        true).forEach(p -> changes.add(new AddCharge(p.charge())));
            }
        }
    }

    /** R-K3/R-K7: the snapshot's promotion; an EST month has none (its price is the EST price, D17). */
    private static PromotionPricing pricing(SubscriptionSnapshot s) {
        return s.inExtendedServiceTerm() ? PromotionPricing.flat(s.unitPrice()) : PromotionPricing.of(s);
    }

    private static List<ChargePeriod> periods(SubscriptionSnapshot s) {
        return UpfrontTerm.periods(s.term(), s.billing(), s.startDate(), s.endDate(), s.chargePeriodEndDate(),
                s.termYearStarts());
    }

    private PricedItem priced(SubscriptionSnapshot s) {
        return new PricedItem(s.subscriptionId(), s.offerId(), describe(s), s.unitPrice(), s.currency(),
                termPrice(s));
    }

    /**
     * D22: the imported plan's term price in force at the term's start, when the subscription locked it (its unit
     * price is that plan's shown monthly price; an EST month or another price has none).
     */
    private TermPrice termPrice(SubscriptionSnapshot s) {
        if (s.inExtendedServiceTerm() || s.trial() || s.startDate() == null) {
            return null;
        }
        return view.termPrice(s.offerId(), s.currency(), s.term(), s.billing(), s.startDate())
                .filter(t -> t.isLockedAs(s.listUnitPrice() != null ? s.listUnitPrice() : s.unitPrice(),
                        s.currency()))
                .orElse(null);
    }

    private String describe(SubscriptionSnapshot s) {
        return describe(s.offerId(), s.offerName(), s.term(), s.billing());
    }

    private String describe(String offerId, String offerName, Term term, BillingFrequency billing) {
        String name = offerName != null && !offerName.isBlank() ? offerName : view.offerName(offerId).orElse(offerId);
        return term == null ? name : name + " (" + term + "/" + billing + ")";
    }

    private static SubscriptionSnapshot subscriptionOf(SubscriptionEvent event) {
        if (event instanceof SubscriptionExpired e) return e.subscription();
        if (event instanceof SubscriptionDisabled e) return e.subscription();
        if (event instanceof SubscriptionDeleted e) return e.subscription();
        throw new IllegalArgumentException("no subscription in " + event);
    }

    private static List<SeatBatchInfo> batches(SeatBatchInfo batch) {
        return batch == null ? List.of() : List.of(batch);
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values;
    }
}
