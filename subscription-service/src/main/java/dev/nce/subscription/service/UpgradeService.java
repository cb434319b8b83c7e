package dev.nce.subscription.service;

import dev.nce.contracts.ExtendedServiceTermScope;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent.ScheduledChangesCleared;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionUpgraded;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.subscription.client.PriceAnswer;
import dev.nce.subscription.domain.RenewalSettings;
import dev.nce.subscription.domain.SeatBatches;
import dev.nce.subscription.domain.SeatCap;
import dev.nce.subscription.domain.StateTable;
import dev.nce.subscription.domain.SubscriptionAction;
import dev.nce.subscription.domain.TermSchedule;
import dev.nce.subscription.domain.UpgradePolicy;
import dev.nce.subscription.persistence.SeatBatchEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * R-I1..R-I6 upgrades (API.md upgrade-eligibilities and upgrades). Prices are quoted before the lock; the write takes
 * the customer row, then the subscriptions. SubscriptionUpgraded tells billing the moved quantity, the upgrade date
 * (the target's) and the source's offer and price, so it credits the source and charges the target for the same
 * remaining period (R-I6); a partial upgrade's child is also announced by SubscriptionCreated origin PARTIAL_UPGRADE,
 * which billing does not charge.
 */
@ApplicationScoped
public class UpgradeService {

    public record UpgradeCommand(String targetOfferId, int quantity, String targetSubscriptionId) {}

    public record Eligibility(String targetOfferId, boolean eligible, String reason) {}

    public record Result(SubscriptionView source, SubscriptionView target) {}

    @Inject
    UnitOfWork uow;
    @Inject
    SubscriptionService subscriptions;
    @Inject
    SubscriptionRepository repo;
    @Inject
    Pricing pricing;
    @Inject
    PlatformClock clock;
    @Inject
    EventLog events;
    @Inject
    EntityManager em;
    @Inject
    Views views;
    @Inject
    Batches batches;
    @Inject
    SeatCaps seatCaps;

    public List<Eligibility> eligibilities(String id, Actor actor) {
        SubscriptionEntity s = uow.read(now -> subscriptions.load(id, actor));
        Plan plan = Plan.of(s.term, s.billing);
        Instant now = clock.now();
        PriceAnswer source = pricing.quote(s.offerId, plan, now, s.currency);
        boolean stateAllows = StateTable.permission(SubscriptionAction.UPGRADE, s.stateCategory()) != StateTable.Permission.REFUSED;
        List<Eligibility> items = new ArrayList<>();
        for (String target : source.upgradePaths() == null ? List.<String>of() : source.upgradePaths()) {
            String reason = null;
            if (!stateAllows) {
                reason = "invalid-state";
            } else {
                try {
                    if (!pricing.quote(target, plan, now, s.currency).sells(plan)) {
                        reason = ErrorCode.PLAN_NOT_AVAILABLE;
                    }
                } catch (RuleViolation refused) {
                    reason = refused.code();
                }
            }
            items.add(new Eligibility(target, reason == null, reason));
        }
        return items;
    }

    public Result upgrade(String id, UpgradeCommand command, Actor actor) {
        SubscriptionEntity before = uow.read(now -> subscriptions.load(id, actor));
        requireQuantity(command, before);
        SubscriptionEntity destination = command.targetSubscriptionId() == null ? null
                : uow.read(now -> loadDestination(command.targetSubscriptionId(), before.customerId, actor));
        StateTable.require(SubscriptionAction.UPGRADE, before.stateCategory());
        Plan sourcePlan = Plan.of(before.term, before.billing);
        Plan targetPlan = destination == null ? sourcePlan : Plan.of(destination.term, destination.billing);
        for (int attempt = 1; ; attempt++) {
            Instant quotedAt = clock.now();
            PriceAnswer sourceQuote = pricing.quote(before.offerId, sourcePlan, quotedAt, before.currency);
            PriceAnswer targetQuote = pricing.quote(command.targetOfferId(), targetPlan, quotedAt, before.currency);
            try {
                return uow.write(now -> {
                    if (!TermDates.utcDate(now).equals(TermDates.utcDate(quotedAt))) {
                        throw new PurchaseService.StaleQuote();
                    }
                    return apply(id, command, sourceQuote, targetQuote, targetPlan, now, actor);
                });
            } catch (PurchaseService.StaleQuote stale) {
                if (attempt >= PurchaseService.QUOTE_ATTEMPTS) {
                    throw new RuleViolation(ErrorCode.CATALOG_UNAVAILABLE, null, "the platform clock kept moving; retry");
                }
            }
        }
    }

    private static void requireQuantity(UpgradeCommand command, SubscriptionEntity s) {
        if (command.quantity() > s.quantity) {
            throw RuleViolation.invalidField("quantity", "quantity " + command.quantity() + " is above the source's "
                    + s.quantity);
        }
    }

    /**
     * The destination, or 404 exactly as for an unknown id when it is unknown, not visible to the caller, or another
     * customer's than the source's (issue 15 item 4: ownership before any quote or seat-cap check, so neither a 409
     * detail nor 422-versus-404 tells anything about another customer's subscription).
     */
    private SubscriptionEntity loadDestination(String targetId, String sourceCustomerId, Actor actor) {
        RuleViolation unknown = new RuleViolation(ErrorCode.NOT_FOUND, null, "subscription " + targetId + " not found",
                Map.of("field", "targetSubscriptionId"));
        if (!Ids.isWellFormed(targetId)) {
            throw unknown;
        }
        SubscriptionEntity d = repo.subscription(targetId).orElseThrow(() -> unknown);
        if (!d.customerId.equals(sourceCustomerId)) {
            throw unknown;
        }
        try {
            actor.requireAccessTo(d.customerId);
        } catch (RuleViolation notVisible) {
            throw unknown;
        }
        return d;
    }

    private Result apply(String id, UpgradeCommand command, PriceAnswer sourceQuote, PriceAnswer targetQuote,
                         Plan targetPlan, Instant now, Actor actor) {
        SubscriptionEntity s = subscriptions.lockAndLoad(id, actor);
        SubscriptionEntity d = command.targetSubscriptionId() == null ? null
                : loadDestination(command.targetSubscriptionId(), s.customerId, actor);
        if (d != null) {
            em.refresh(d);
        }
        requireQuantity(command, s);
        StateTable.require(SubscriptionAction.UPGRADE, s.stateCategory());
        UpgradePolicy.Kind kind = UpgradePolicy.kind(command.quantity(), s.quantity, d != null);
        // D9 on the target's capGroup: the subscriptions that change are counted with their after-state
        SeatCap cap = seatCaps.policy();
        String targetGroup = targetQuote.capGroup();
        int sourceAfter = cap.countsTogether(targetGroup, s.capGroup) ? s.quantity - command.quantity() : 0;
        int requested = command.quantity() + (kind == UpgradePolicy.Kind.FULL_IN_PLACE ? 0 : sourceAfter)
                + (d != null && cap.countsTogether(targetGroup, d.capGroup) ? d.quantity : 0);
        List<String> excluded = d == null ? List.of(s.id) : List.of(s.id, d.id);
        seatCaps.check(subscriptions.customerOf(s), targetQuote.capGroup(), excluded, requested);
        // 422s
        UpgradePolicy.requireOnPath(s.offerId, sourceQuote.upgradePaths(), command.targetOfferId());
        if (!targetQuote.sells(targetPlan)) {
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", targetPlan + " is not sold for offer "
                    + command.targetOfferId());
        }
        if (d != null) {
            List<SeatBatchEntity> dBatches = repo.batches(d.id);
            Instant windowUntil = SeatBatches.cancellationAllowedUntil(Views.termStartBatch(d, dBatches), d.currentTerm(), now);
            UpgradePolicy.requireDestination(s.customerId, command.targetOfferId(), s.term, s.endDate,
                    new UpgradePolicy.Destination(d.customerId, d.offerId, d.term, d.endDate,
                            d.status == SubscriptionStatus.ACTIVE, d.inExtendedServiceTerm, d.trial, windowUntil), now);
        }
        String sourceOfferId = s.offerId;
        BigDecimal sourcePrice = s.unitPrice;
        LocalDate upgradeDate = TermDates.utcDate(now);
        switch (kind) {
            case FULL_IN_PLACE:
                return fullInPlace(s, command, targetQuote, now, actor, sourceOfferId, sourcePrice, upgradeDate);
            case PARTIAL_NEW:
                return partialNew(s, command, targetQuote, now, actor, sourceOfferId, sourcePrice, upgradeDate);
            default:
                return intoExisting(s, d, command, now, actor, sourceOfferId, sourcePrice, upgradeDate);
        }
    }

    private Result fullInPlace(SubscriptionEntity s, UpgradeCommand command, PriceAnswer quote, Instant now, Actor actor,
                               String sourceOfferId, BigDecimal sourcePrice, LocalDate upgradeDate) {
        takeOffer(s, quote, command.targetOfferId());
        boolean cleared = clearScheduled(s);
        em.flush();
        if (cleared) {
            events.append(new ScheduledChangesCleared(Snapshots.of(s), "upgraded"), s.customerId, s.id, now, actor.subject());
        }
        List<SeatBatchInfo> kept = new ArrayList<>();
        for (SeatBatchEntity b : repo.batches(s.id)) {
            if (b.termStartAt.equals(s.termStartAt) && b.quantity > 0) {
                kept.add(Snapshots.batch(b));
            }
        }
        events.append(new SubscriptionUpgraded(Snapshots.of(s), Snapshots.of(s), command.quantity(), upgradeDate, true,
                false, sourceOfferId, sourcePrice, kept, List.of()), s.customerId, s.id, now, actor.subject());
        SubscriptionView view = views.subscription(s, now);
        return new Result(view, view);
    }

    private Result partialNew(SubscriptionEntity s, UpgradeCommand command, PriceAnswer quote, Instant now, Actor actor,
                              String sourceOfferId, BigDecimal sourcePrice, LocalDate upgradeDate) {
        List<UpgradePolicy.Move> moves = moveOut(s, command.quantity());
        SubscriptionEntity child = new SubscriptionEntity();
        child.id = Ids.next();
        child.customerId = s.customerId;
        child.term = s.term;
        child.billing = s.billing;
        child.quantity = command.quantity();
        child.status = SubscriptionStatus.ACTIVE;
        child.currency = s.currency;
        takeOffer(child, quote, command.targetOfferId());
        TermSchedule schedule = TermSchedule.startingUntil(upgradeDate, s.term, s.endDate);
        child.startTerm(now, schedule);
        // the child's charge period is the source's remaining one (R-I6), not a shortened first term
        child.chargePeriodEndDate = s.endDate;
        child.apply(child.offerRenewable ? s.renewalSettings()
                : RenewalSettings.notRenewable(ExtendedServiceTermScope.covers(schedule.startDate(), schedule.endDate())));
        child.originalStartDate = upgradeDate;
        child.lastTermStartDate = upgradeDate;
        child.lastTermEndDate = s.endDate;
        child.parentSubscriptionId = s.id;
        child.statusChangedAt = now;
        child.nextDueAt = schedule.renewalInstant();
        child.createdAt = now;
        List<SeatBatchEntity> childBatches = new ArrayList<>();
        for (UpgradePolicy.Move m : moves) {
            SeatBatchEntity b = batches.prepare(child, SeatBatchEntity.Kind.UPGRADE, m.quantity(), now);
            b.windowEnd = m.windowEnd().isAfter(now) ? m.windowEnd() : now;   // R-C3: the source batch's window
            childBatches.add(b);
        }
        em.persist(child);
        childBatches.forEach(em::persist);
        em.flush();
        List<SeatBatchInfo> infos = childBatches.stream().map(Snapshots::batch).toList();
        events.append(new SubscriptionCreated(Snapshots.of(child), infos.get(0), "PARTIAL_UPGRADE", null),
                child.customerId, child.id, now, actor.subject());
        events.append(new SubscriptionUpgraded(Snapshots.of(s), Snapshots.of(child), command.quantity(), upgradeDate, false,
                true, sourceOfferId, sourcePrice, infos, reduced(moves)), s.customerId, s.id, now, actor.subject());
        return new Result(views.subscription(s, now), views.subscription(child, now));
    }

    private Result intoExisting(SubscriptionEntity s, SubscriptionEntity d, UpgradeCommand command, Instant now,
                                Actor actor, String sourceOfferId, BigDecimal sourcePrice, LocalDate upgradeDate) {
        boolean full = command.quantity() == s.quantity;
        List<UpgradePolicy.Move> moves = moveOut(s, command.quantity());
        if (full) {
            // the source is emptied into the destination: it ends (API.md: DELETED) and, like a cancelled
            // subscription, keeps its last quantity while its batches are empty
            s.quantity = command.quantity();
            s.status = SubscriptionStatus.DELETED;
            s.statusChangedAt = now;
            s.nextDueAt = null;
        }
        clearScheduled(s);
        d.quantity += command.quantity();
        List<SeatBatchEntity> added = new ArrayList<>();
        for (UpgradePolicy.Move m : moves) {
            SeatBatchEntity b = batches.open(d, SeatBatchEntity.Kind.UPGRADE, m.quantity(), now);
            b.windowEnd = m.windowEnd().isAfter(now) ? m.windowEnd() : now;
            added.add(b);
        }
        em.flush();
        events.append(new SubscriptionUpgraded(Snapshots.of(s), Snapshots.of(d), command.quantity(), upgradeDate, full,
                false, sourceOfferId, sourcePrice, added.stream().map(Snapshots::batch).toList(), reduced(moves)),
                s.customerId, s.id, now, actor.subject());
        return new Result(views.subscription(s, now), views.subscription(d, now));
    }

    /** The source batches the moved seats left (R-C3: their windows no longer hold those seats). */
    private static List<BatchChange> reduced(List<UpgradePolicy.Move> moves) {
        return moves.stream().map(m -> new BatchChange(m.sourceBatchId(), m.quantity(), null)).toList();
    }

    /** Takes the moved seats out of the source's current-term batches (newest first) and lowers its quantity. */
    private List<UpgradePolicy.Move> moveOut(SubscriptionEntity s, int quantity) {
        List<SeatBatchEntity> current = repo.batches(s.id).stream()
                .filter(b -> b.termStartAt.equals(s.termStartAt)).toList();
        List<UpgradePolicy.Move> moves = UpgradePolicy.take(current.stream().map(SeatBatchEntity::toDomain).toList(), quantity);
        for (UpgradePolicy.Move m : moves) {
            current.stream().filter(b -> b.id.equals(m.sourceBatchId())).forEach(b -> b.quantity -= m.quantity());
        }
        s.quantity -= quantity;
        return moves;
    }

    private static void takeOffer(SubscriptionEntity s, PriceAnswer quote, String offerId) {
        s.offerId = offerId;
        s.offerName = quote.offerName();
        s.capGroup = quote.capGroup();
        s.offerRenewable = quote.isRenewable();
        s.offerMidTermIncrease = quote.allowsMidTermIncrease();
        s.unitPrice = quote.unitPriceValue();
        s.currency = quote.currency() == null ? s.currency : quote.currency();
        Promotion.set(s, null);
    }

    /** R-I2: a mid-term upgrade removes scheduled changes (a scheduled upgrade among them). */
    private static boolean clearScheduled(SubscriptionEntity s) {
        boolean had = s.hasScheduledChanges;
        s.setScheduledChanges(null);
        return had;
    }
}
