package dev.nce.subscription.service;

import dev.nce.contracts.ExtendedServiceTermScope;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.ScheduledChangesInfo;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent.EndOfTermActionChanged;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.ScheduledChangesCleared;
import dev.nce.contracts.events.SubscriptionEvent.ScheduledChangesSet;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCancelled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionLinked;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionReactivated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionResumed;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionSuspended;
import dev.nce.contracts.events.TermPeriod;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.subscription.client.PriceAnswer;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.subscription.domain.NoticePolicy;
import dev.nce.subscription.domain.PromotionEligibility;
import dev.nce.subscription.domain.RenewalSettings;
import dev.nce.subscription.domain.ScheduledChanges;
import dev.nce.subscription.domain.SeatBatch;
import dev.nce.subscription.domain.SeatBatches;
import dev.nce.subscription.domain.StateTable;
import dev.nce.subscription.domain.SubscriptionAction;
import dev.nce.subscription.domain.TermSchedule;
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
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The changes of an existing subscription (API.md subscription-service): quantity (R-D1, R-C5, D5), renewal settings
 * (D17, D7), cancel (R-C4, R-C8), suspend / resume (R-E1, D20), /renew (D10, D17) and scheduled changes (R-F3, D7).
 * Each runs in one transaction: customer row lock, then the subscription; checks in API.md order, then state + events.
 */
@ApplicationScoped
public class SubscriptionService {

    /** A PATCH of a subscription; null = absent. */
    /** {@code microsoftSubscriptionId}: null leaves the link, "" removes it (D25). */
    public record PatchCommand(Integer quantity, Boolean autoRenew, EndOfTermAction endOfTermAction,
                               String microsoftSubscriptionId) {

        public PatchCommand(Integer quantity, Boolean autoRenew, EndOfTermAction endOfTermAction) {
            this(quantity, autoRenew, endOfTermAction, null);
        }
    }

    /** /renew: omitted fields keep the subscription's values. */
    public record RenewCommand(dev.nce.contracts.Term term, dev.nce.contracts.BillingFrequency billing, Integer quantity) {}

    @Inject
    UnitOfWork uow;
    @Inject
    SubscriptionRepository repo;
    @Inject
    EventLog events;
    @Inject
    EntityManager em;
    @Inject
    Views views;
    @Inject
    Batches batches;
    @Inject
    Pricing pricing;
    @Inject
    PlatformClock clock;
    @Inject
    Promotions promotions;
    @Inject
    SeatCaps seatCaps;

    @ConfigProperty(name = "nce.notice-policy", defaultValue = "enforce")
    String noticePolicyMode;

    NoticePolicy noticePolicy() {
        return new NoticePolicy(NoticePolicy.Mode.valueOf(noticePolicyMode.trim().toUpperCase()));
    }

    // ---------------------------------------------------------------- reads

    public SubscriptionView get(String id, Actor actor) {
        return uow.read(now -> views.subscription(load(id, actor), now));
    }

    public SeatBatches.RefundableQuantity refundableQuantity(String id, Actor actor) {
        return uow.read(now -> {
            SubscriptionEntity s = load(id, actor);
            return views.refundable(s, repo.batches(s.id), now);
        });
    }

    // ---------------------------------------------------------------- PATCH

    public SubscriptionView patch(String id, PatchCommand command, Actor actor) {
        RenewalSettings.validateRequest(command.autoRenew(), command.endOfTermAction());
        BigDecimal estPrice = null;
        String estCurrency = null;
        if (command.autoRenew() != null || command.endOfTermAction() != null) {
            // D17: the EST price quoted at this moment goes into EndOfTermActionChanged; quote before the lock
            SubscriptionEntity before = uow.read(now -> load(id, actor));
            Optional<PriceAnswer> est = estPriceFor(before, command);
            if (est.isPresent()) {
                estPrice = est.get().unitPriceValue();
                estCurrency = est.get().currency() == null ? before.currency : est.get().currency();
            }
        }
        BigDecimal quotedEst = estPrice;
        String quotedEstCurrency = estCurrency;
        return uow.write(now -> {
            SubscriptionEntity s = lockAndLoad(id, actor);
            List<NoticePolicy.Warning> warnings = new ArrayList<>();
            boolean quantityChange = command.quantity() != null && command.quantity() != s.quantity;
            boolean increase = quantityChange && command.quantity() > s.quantity;
            RenewalSettings current = s.renewalSettings();
            RenewalSettings next = current;
            // 409 invalid-state first (API.md check order)
            if (quantityChange) {
                StateTable.require(increase ? SubscriptionAction.INCREASE_QUANTITY : SubscriptionAction.DECREASE_QUANTITY,
                        s.stateCategory());
                if (increase && !s.offerMidTermIncrease) {
                    throw RuleViolation.invalidState("R-D1", "this offer allows no mid-term seat increase; buy a new subscription");
                }
            }
            if (command.autoRenew() != null || command.endOfTermAction() != null) {
                StateTable.require(SubscriptionAction.CHANGE_RENEWAL_SETTINGS, s.stateCategory());
                next = current.patch(command.autoRenew(), command.endOfTermAction(), s.trial, s.offerRenewable,
                        ExtendedServiceTermScope.covers(s.startDate, s.endDate));
            }
            // then the other refusals
            List<SeatBatches.Removal> removals = List.of();
            if (quantityChange && !increase) {
                List<SeatBatch> domain = repo.batches(s.id).stream().map(SeatBatchEntity::toDomain).toList();
                removals = SeatBatches.reduce(domain, s.currentTerm(), s.quantity, now, s.quantity - command.quantity());
            }
            if (increase) {
                seatCaps.check(customerOf(s), s.capGroup, s.id, command.quantity());
            }
            boolean settingsChange = !next.equals(current);
            if (settingsChange && next.needsNoticeComparedTo(current)) {
                noticePolicy().check(Snapshots.noticeDeadline(s), TermDates.utcDate(now)).ifPresent(warnings::add);
            }
            // apply
            int previous = s.quantity;
            SeatBatchEntity added = null;
            List<BatchChange> reduced = new ArrayList<>();
            if (quantityChange) {
                if (increase) {
                    s.quantity = command.quantity();
                    added = batches.open(s, SeatBatchEntity.Kind.INCREASE, command.quantity() - previous, now);
                } else {
                    for (SeatBatchEntity b : repo.batches(s.id)) {
                        for (SeatBatches.Removal r : removals) {
                            if (r.batchId().equals(b.id)) {
                                b.quantity -= r.quantity();
                                reduced.add(new BatchChange(b.id, r.quantity(), null));
                            }
                        }
                    }
                    s.quantity = command.quantity();
                }
            }
            String clearedReason = null;
            if (s.hasScheduledChanges && (quantityChange || (settingsChange && next.turnsAutoRenewOff(current)))) {
                // R-D3 / R-F1: an immediate change or auto-renew off deletes the scheduled changes
                s.setScheduledChanges(null);
                clearedReason = quantityChange ? "quantity-changed" : "auto-renew-off";
            }
            if (settingsChange) {
                s.apply(next);
            }
            String previousLink = s.microsoftSubscriptionId;
            boolean linkChange = command.microsoftSubscriptionId() != null
                    && !Objects.equals(emptyToNull(command.microsoftSubscriptionId()), previousLink);
            if (linkChange) {
                s.microsoftSubscriptionId = emptyToNull(command.microsoftSubscriptionId().toLowerCase(Locale.ROOT));
            }
            em.flush();
            if (quantityChange) {
                events.append(new QuantityChanged(Snapshots.of(s), previous, s.quantity,
                        added == null ? List.of() : List.of(new BatchChange(added.id, added.originalQuantity, added.windowEnd)),
                        reduced), s.customerId, s.id, now, actor.subject());
            }
            if (clearedReason != null) {
                events.append(new ScheduledChangesCleared(Snapshots.of(s), clearedReason), s.customerId, s.id, now,
                        actor.subject());
            }
            if (settingsChange) {
                boolean estApplies = next.endOfTermAction() == EndOfTermAction.EXTENDED_SERVICE_TERM
                        && ExtendedServiceTermScope.covers(s.startDate, s.endDate);
                events.append(new EndOfTermActionChanged(Snapshots.of(s), s.autoRenew, s.endOfTermAction,
                        estApplies ? quotedEst : null, estApplies ? quotedEstCurrency : null), s.customerId, s.id, now,
                        actor.subject());
            }
            if (linkChange) {
                events.append(new SubscriptionLinked(Snapshots.of(s), previousLink), s.customerId, s.id, now,
                        actor.subject());
            }
            return views.subscription(s, now).withWarnings(warnings);
        });
    }

    private static String emptyToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }

    private Optional<PriceAnswer> estPriceFor(SubscriptionEntity s, PatchCommand command) {
        if (s.trial || s.status != SubscriptionStatus.ACTIVE || s.inExtendedServiceTerm
                || !ExtendedServiceTermScope.covers(s.startDate, s.endDate)) {
            return Optional.empty();
        }
        RenewalSettings next;
        try {
            next = s.renewalSettings().patch(command.autoRenew(), command.endOfTermAction(), false, s.offerRenewable, true);
        } catch (RuleViolation refusedLater) {
            return Optional.empty();
        }
        if (next.endOfTermAction() != EndOfTermAction.EXTENDED_SERVICE_TERM) {
            return Optional.empty();
        }
        Instant now = clock.now();
        Optional<PriceAnswer> today = pricing.extendedServiceTermPrice(s.offerId, now, s.currency);
        // before the EST tier is in force, today's EST price does not exist yet: quote it for the EST start
        return today.isPresent() ? today
                : pricing.extendedServiceTermPrice(s.offerId, TermDates.renewalInstant(s.endDate), s.currency);
    }

    // ---------------------------------------------------------------- cancel / suspend / resume

    public SubscriptionView cancel(String id, Actor actor) {
        return uow.write(now -> {
            SubscriptionEntity s = lockAndLoad(id, actor);
            StateTable.Permission permission = StateTable.require(SubscriptionAction.CANCEL, s.stateCategory());
            List<SeatBatchEntity> all = repo.batches(s.id);
            if (permission == StateTable.Permission.WINDOW) {
                SeatBatches.requireCancellationWindow(Views.termStartBatch(s, all), s.currentTerm(), now);
            }
            List<BatchChange> removed = new ArrayList<>();
            if (!s.inExtendedServiceTerm) {
                for (SeatBatchEntity b : all) {
                    if (b.termStartAt.equals(s.termStartAt) && b.quantity > 0) {
                        removed.add(new BatchChange(b.id, b.quantity, null));
                        b.quantity = 0;
                    }
                }
            }
            // R-C8: access ends at once, status DELETED, scheduled changes dropped
            s.status = SubscriptionStatus.DELETED;
            s.statusChangedAt = now;
            s.nextDueAt = null;
            s.setScheduledChanges(null);
            em.flush();
            events.append(new SubscriptionCancelled(Snapshots.of(s), now, removed), s.customerId, s.id, now, actor.subject());
            return views.subscription(s, now);
        });
    }

    public SubscriptionView suspend(String id, Actor actor) {
        return uow.write(now -> {
            SubscriptionEntity s = lockAndLoad(id, actor);
            StateTable.require(SubscriptionAction.SUSPEND, s.stateCategory());
            // R-E1 / D20: billing continues; auto-renew off, action EXPIRE, scheduled changes dropped
            s.status = SubscriptionStatus.SUSPENDED;
            s.statusChangedAt = now;
            s.apply(RenewalSettings.SUSPENDED);
            s.setScheduledChanges(null);
            em.flush();
            events.append(new SubscriptionSuspended(Snapshots.of(s)), s.customerId, s.id, now, actor.subject());
            return views.subscription(s, now);
        });
    }

    public SubscriptionView resume(String id, Actor actor) {
        return uow.write(now -> {
            SubscriptionEntity s = lockAndLoad(id, actor);
            StateTable.require(SubscriptionAction.RESUME, s.stateCategory());
            // D20: resuming changes neither autoRenew nor the action
            s.status = SubscriptionStatus.ACTIVE;
            s.statusChangedAt = now;
            em.flush();
            events.append(new SubscriptionResumed(Snapshots.of(s)), s.customerId, s.id, now, actor.subject());
            return views.subscription(s, now);
        });
    }

    // ---------------------------------------------------------------- /renew (D10, D17)

    public SubscriptionView renew(String id, RenewCommand command, Actor actor) {
        SubscriptionEntity before = uow.read(now -> load(id, actor));
        StateTable.require(SubscriptionAction.RENEW, before.stateCategory());
        Plan plan = Plan.of(command.term() == null ? before.term : command.term(),
                command.billing() == null ? before.billing : command.billing());
        int quantity = command.quantity() == null ? before.quantity : command.quantity();
        if (!plan.isEverValid()) {
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", plan + " is never a valid plan");
        }
        for (int attempt = 1; ; attempt++) {
            Instant quotedAt = clock.now();
            PriceAnswer quote = pricing.quote(before.offerId, plan, quotedAt, before.currency);
            if (!quote.sells(plan)) {
                throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", plan + " is not sold for offer " + before.offerId);
            }
            // R-K4: the new term's promotion is evaluated like a renewal's; read outside the transaction, like the price
            List<PromotionData> acquirable = promotions.acquirable(before.offerId, TermDates.utcDate(quotedAt));
            try {
                return uow.write(now -> {
                    if (!TermDates.utcDate(now).equals(TermDates.utcDate(quotedAt))) {
                        throw new PurchaseService.StaleQuote();
                    }
                    return reactivate(id, plan, quantity, quote, acquirable, now, actor);
                });
            } catch (PurchaseService.StaleQuote stale) {
                if (attempt >= PurchaseService.QUOTE_ATTEMPTS) {
                    throw new RuleViolation(ErrorCode.CATALOG_UNAVAILABLE, null, "the platform clock kept moving; retry");
                }
            }
        }
    }

    private SubscriptionView reactivate(String id, Plan plan, int quantity, PriceAnswer quote, List<PromotionData> acquirable,
                                        Instant now, Actor actor) {
        SubscriptionEntity s = lockAndLoad(id, actor);
        StateTable.require(SubscriptionAction.RENEW, s.stateCategory());
        seatCaps.check(customerOf(s), quote.capGroup(), s.id, quantity);
        TermPeriod previous = Snapshots.term(s);
        TermSchedule schedule = TermSchedule.starting(TermDates.utcDate(now), plan.term());
        s.term = plan.term();
        s.billing = plan.billing();
        s.quantity = quantity;
        s.status = SubscriptionStatus.ACTIVE;
        s.statusChangedAt = now;
        s.inExtendedServiceTerm = false;
        s.currency = quote.currency() == null ? s.currency : quote.currency();
        // R-K4: the ended term's promotion if still acquirable and eligible, else the best auto-apply one, else none
        BigDecimal listPrice = quote.unitPriceValue();
        Optional<PromotionEligibility.Applied> promotion = PromotionEligibility.atRenewal(s.promotionId, acquirable,
                new PromotionEligibility.Transaction(s.offerId, plan, quantity, TermDates.utcDate(now)), listPrice, s.currency);
        s.unitPrice = promotion.map(PromotionEligibility.Applied::unitPrice).orElse(listPrice);
        Promotion.set(s, promotion.orElse(null));
        s.offerRenewable = quote.isRenewable();
        s.offerMidTermIncrease = quote.allowsMidTermIncrease();
        s.startTerm(now, schedule);
        s.lastTermStartDate = schedule.startDate();
        s.lastTermEndDate = schedule.endDate();
        // a new term from now (D10 decision): auto-renew on again, as for a purchase (R-F1)
        s.apply(s.offerRenewable ? RenewalSettings.RENEW
                : RenewalSettings.notRenewable(ExtendedServiceTermScope.covers(schedule.startDate(), schedule.endDate())));
        s.setScheduledChanges(null);
        s.nextDueAt = schedule.renewalInstant();
        SeatBatchEntity batch = batches.open(s, SeatBatchEntity.Kind.REACTIVATION, quantity, now);
        em.flush();
        SeatBatchInfo info = Snapshots.batch(batch);
        events.append(new SubscriptionReactivated(Snapshots.of(s), previous, info), s.customerId, s.id, now, actor.subject());
        return views.subscription(s, now);
    }

    // ---------------------------------------------------------------- scheduled changes (R-F3, D7)

    public SubscriptionView setScheduledChanges(String id, ScheduledChanges changes, Actor actor) {
        SubscriptionEntity before = uow.read(now -> load(id, actor));
        StateTable.require(SubscriptionAction.SET_SCHEDULED_CHANGES, before.stateCategory());
        requireRenew(before);
        Plan target = Plan.of(changes.term() == null ? before.term : changes.term(),
                changes.billing() == null ? before.billing : changes.billing());
        String targetOffer = changes.offerId() == null ? before.offerId : changes.offerId();
        // R-A2: an unsellable pair is refused at renewal scheduling; checked against the catalog at the renewal instant
        String targetCapGroup = validateScheduledPlan(before, target, targetOffer);
        if (changes.customTermEndDate() != null) {
            LocalDate start = TermDates.renewalDate(before.endDate);
            LocalDate fullEnd = TermDates.endDate(start, target.term());
            if (changes.customTermEndDate().isBefore(start) || changes.customTermEndDate().isAfter(fullEnd)) {
                throw new RuleViolation(ErrorCode.COTERM_NOT_ALLOWED, "R-B5", "customTermEndDate must lie in the next term "
                        + start + ".." + fullEnd, Map.of("field", "customTermEndDate"));
            }
        }
        return uow.write(now -> {
            SubscriptionEntity s = lockAndLoad(id, actor);
            StateTable.require(SubscriptionAction.SET_SCHEDULED_CHANGES, s.stateCategory());
            requireRenew(s);
            if (changes.quantity() != null || !targetOffer.equals(s.offerId)) {
                seatCaps.check(customerOf(s), targetCapGroup, s.id, changes.quantity() == null ? s.quantity : changes.quantity());
            }
            List<NoticePolicy.Warning> warnings = new ArrayList<>();
            noticePolicy().check(Snapshots.noticeDeadline(s), TermDates.utcDate(now)).ifPresent(warnings::add);
            s.setScheduledChanges(changes);
            em.flush();
            events.append(new ScheduledChangesSet(Snapshots.of(s), info(changes)), s.customerId, s.id, now, actor.subject());
            return views.subscription(s, now).withWarnings(warnings);
        });
    }

    public SubscriptionView clearScheduledChanges(String id, Actor actor) {
        return uow.write(now -> {
            SubscriptionEntity s = lockAndLoad(id, actor);
            if (!s.hasScheduledChanges) {
                throw RuleViolation.invalidState("R-F3", "there are no scheduled changes");
            }
            s.setScheduledChanges(null);
            em.flush();
            events.append(new ScheduledChangesCleared(Snapshots.of(s), "deleted"), s.customerId, s.id, now, actor.subject());
            return views.subscription(s, now);
        });
    }

    /** Answers the capGroup of the next term's offer (D9). */
    private String validateScheduledPlan(SubscriptionEntity s, Plan target, String targetOffer) {
        if (!target.isEverValid()) {
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", target + " is never a valid plan");
        }
        boolean offerChange = !targetOffer.equals(s.offerId);
        boolean planChange = !target.equals(Plan.of(s.term, s.billing));
        if (!offerChange && !planChange) {
            return s.capGroup;
        }
        Instant renewalAt = TermDates.renewalInstant(s.endDate);
        if (offerChange) {
            // R-F3 decision: a scheduled SKU change must be an eligible upgrade path
            PriceAnswer currentOffer = pricing.quote(s.offerId, Plan.of(s.term, s.billing), clock.now(), s.currency);
            if (currentOffer.upgradePaths() == null || !currentOffer.upgradePaths().contains(targetOffer)) {
                throw new RuleViolation(ErrorCode.UPGRADE_NOT_ELIGIBLE, "R-F3", targetOffer
                        + " is not on the upgrade paths of " + s.offerId, Map.of("field", "offerId"));
            }
        }
        PriceAnswer answer = pricing.quote(targetOffer, target, renewalAt, s.currency);
        if (!answer.sells(target)) {
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", target + " is not sold for offer " + targetOffer);
        }
        return offerChange ? answer.capGroup() : s.capGroup;
    }

    /** The subscription's customer, already locked by {@link #lockAndLoad}. */
    dev.nce.subscription.persistence.CustomerEntity customerOf(SubscriptionEntity s) {
        return repo.customer(s.customerId).orElseThrow(() -> RuleViolation.notFound("customer " + s.customerId));
    }

    private static void requireRenew(SubscriptionEntity s) {
        if (!s.trial && !s.autoRenew) {
            throw RuleViolation.invalidState("R-F3", "scheduled changes need auto-renew on (endOfTermAction RENEW)");
        }
    }

    static ScheduledChangesInfo info(ScheduledChanges c) {
        return c == null ? null : new ScheduledChangesInfo(c.quantity(), c.term(), c.billing(), c.offerId(), c.customTermEndDate());
    }

    // ---------------------------------------------------------------- loading

    /** The subscription, or 404 (also for another customer's subscription and for a malformed id). */
    SubscriptionEntity load(String id, Actor actor) {
        if (!Ids.isWellFormed(id)) {
            throw RuleViolation.notFound("subscription " + id);
        }
        SubscriptionEntity s = repo.subscription(id).orElseThrow(() -> RuleViolation.notFound("subscription " + id));
        actor.requireAccessTo(s.customerId);
        return s;
    }

    /** Lock order: the customer row first, then the subscription (whose @Version guards the write). */
    SubscriptionEntity lockAndLoad(String id, Actor actor) {
        SubscriptionEntity peek = load(id, actor);
        repo.lockCustomer(peek.customerId);
        em.refresh(peek);
        Preconditions.check(peek.id, peek.version);
        return peek;
    }
}
