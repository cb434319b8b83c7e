package dev.nce.subscription.service;

import dev.nce.contracts.ExtendedServiceTermScope;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionDeleted;
import dev.nce.contracts.events.SubscriptionEvent.TrialConverted;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.subscription.client.PriceAnswer;
import dev.nce.subscription.domain.RenewalSettings;
import dev.nce.subscription.domain.StateTable;
import dev.nce.subscription.domain.SubscriptionAction;
import dev.nce.subscription.domain.TermSchedule;
import dev.nce.subscription.domain.TrialPolicy;
import dev.nce.subscription.persistence.CustomerEntity;
import dev.nce.subscription.persistence.SeatBatchEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** R-J / D15 trials: start, mid-term conversion (API.md trial-conversions) and the conversion at trialEndsAt. */
@ApplicationScoped
public class TrialService {

    /** {targetSubscriptionId} or {offerId?, term, billing, quantity}. */
    public record ConversionCommand(String targetSubscriptionId, String offerId, dev.nce.contracts.Term term,
                                    dev.nce.contracts.BillingFrequency billing, Integer quantity) {}

    public record Result(SubscriptionView source, SubscriptionView target) {}

    @Inject
    UnitOfWork uow;
    @Inject
    SubscriptionRepository repo;
    @Inject
    SubscriptionService subscriptions;
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

    public SubscriptionView start(String customerId, String offerId, Actor actor) {
        actor.requireAccessTo(customerId);
        CustomerEntity customer = uow.read(now -> repo.customer(customerId))
                .orElseThrow(() -> RuleViolation.notFound("customer " + customerId));
        PriceAnswer quote = pricing.quote(offerId, TrialPolicy.DEFAULT_CONVERSION, clock.now(), customer.billingCurrency);
        if (!Boolean.TRUE.equals(quote.trialAvailable())) {
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-J1", "offer " + offerId + " has no trial",
                    Map.of("field", "offerId"));
        }
        return uow.write(now -> {
            CustomerEntity locked = repo.lockCustomer(customerId).orElseThrow(() -> RuleViolation.notFound("customer " + customerId));
            seatCaps.check(locked, quote.capGroup(), (String) null, TrialPolicy.SEATS);
            SubscriptionEntity s = new SubscriptionEntity();
            s.id = Ids.next();
            s.customerId = customerId;
            s.offerId = offerId;
            s.offerName = quote.offerName();
            s.capGroup = quote.capGroup();
            s.offerRenewable = quote.isRenewable();
            s.offerMidTermIncrease = quote.allowsMidTermIncrease();
            s.term = dev.nce.contracts.Term.P1M;
            s.billing = dev.nce.contracts.BillingFrequency.MONTHLY;
            s.quantity = TrialPolicy.SEATS;
            s.status = SubscriptionStatus.ACTIVE;
            s.trial = true;
            s.trialEndsAt = TrialPolicy.endsAt(now);
            s.apply(RenewalSettings.RENEW);
            s.unitPrice = new BigDecimal("0.00");
            s.currency = quote.currency() == null ? customer.billingCurrency : quote.currency();
            TermSchedule schedule = TermSchedule.startingUntil(TermDates.utcDate(now), s.term, TrialPolicy.endDate(now));
            s.startTerm(now, schedule);
            s.chargePeriodEndDate = schedule.endDate();
            s.originalStartDate = schedule.startDate();
            s.lastTermStartDate = schedule.startDate();
            s.lastTermEndDate = schedule.endDate();
            s.statusChangedAt = now;
            s.nextDueAt = s.trialEndsAt;
            s.createdAt = now;
            SeatBatchEntity batch = batches.prepare(s, SeatBatchEntity.Kind.TRIAL, TrialPolicy.SEATS, now);
            em.persist(s);
            em.persist(batch);
            em.flush();
            events.append(new SubscriptionCreated(Snapshots.of(s), Snapshots.batch(batch), "TRIAL", null), customerId,
                    s.id, now, actor.subject());
            return views.subscription(s, now);
        });
    }

    public Result convert(String trialId, ConversionCommand command, Actor actor) {
        SubscriptionEntity before = uow.read(now -> subscriptions.load(trialId, actor));
        if (command.targetSubscriptionId() == null) {
            if (command.term() == null || command.billing() == null || command.quantity() == null) {
                throw RuleViolation.invalidField(command.term() == null ? "term" : command.billing() == null ? "billing"
                        : "quantity", "give targetSubscriptionId, or term, billing and quantity");
            }
            TrialPolicy.requireConversionQuantity(command.quantity());
        }
        StateTable.require(SubscriptionAction.TRIAL_CONVERSION, before.stateCategory());
        if (command.targetSubscriptionId() != null) {
            return uow.write(now -> intoExisting(trialId, command.targetSubscriptionId(), now, actor));
        }
        String offerId = command.offerId() == null ? before.offerId : command.offerId();
        Plan plan = Plan.of(command.term(), command.billing());
        if (!plan.isEverValid()) {
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", plan + " is never a valid plan");
        }
        PriceAnswer quote = pricing.quote(offerId, plan, clock.now(), before.currency);
        if (!quote.sells(plan)) {
            throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", plan + " is not sold for offer " + offerId);
        }
        return uow.write(now -> {
            SubscriptionEntity s = subscriptions.lockAndLoad(trialId, actor);
            StateTable.require(SubscriptionAction.TRIAL_CONVERSION, s.stateCategory());
            seatCaps.check(subscriptions.customerOf(s), quote.capGroup(), s.id, command.quantity());
            SubscriptionView view = convertInPlace(s, offerId, plan, command.quantity(), quote, now, actor.subject());
            return new Result(view, view);
        });
    }

    /** R-J2 / R-J3: the trial itself becomes the paid subscription (same id, trial false), a new term from now. */
    SubscriptionView convertInPlace(SubscriptionEntity s, String offerId, Plan plan, int quantity, PriceAnswer quote,
                                    Instant now, String actor) {
        SubscriptionView sourceBefore = null;
        dev.nce.contracts.events.SubscriptionSnapshot trialSnapshot = Snapshots.of(s);
        TermSchedule schedule = TermSchedule.starting(TermDates.utcDate(now), plan.term());
        s.trial = false;
        s.offerId = offerId;
        if (quote.offerName() != null) {
            s.offerName = quote.offerName();
        }
        s.capGroup = quote.capGroup();
        s.offerRenewable = quote.isRenewable();
        s.offerMidTermIncrease = quote.allowsMidTermIncrease();
        s.term = plan.term();
        s.billing = plan.billing();
        s.quantity = quantity;
        s.unitPrice = quote.unitPriceValue();
        s.currency = quote.currency() == null ? s.currency : quote.currency();
        Promotion.set(s, null); // R-J5: promotions never apply when converting a trial
        s.startTerm(now, schedule);
        s.originalStartDate = schedule.startDate();
        s.lastTermStartDate = schedule.startDate();
        s.lastTermEndDate = schedule.endDate();
        s.apply(s.offerRenewable ? RenewalSettings.RENEW
                : RenewalSettings.notRenewable(ExtendedServiceTermScope.covers(schedule.startDate(), schedule.endDate())));
        s.setScheduledChanges(null);
        s.statusChangedAt = now;
        s.nextDueAt = schedule.renewalInstant();
        SeatBatchEntity batch = batches.open(s, SeatBatchEntity.Kind.CONVERSION, quantity, now);
        em.flush();
        events.append(new TrialConverted(trialSnapshot, Snapshots.of(s), quantity, now, Snapshots.batch(batch)),
                s.customerId, s.id, now, actor);
        return sourceBefore == null ? views.subscription(s, now) : sourceBefore;
    }

    /** R-J3: 25 seats are added to an existing subscription of the customer; the trial becomes DELETED. */
    private Result intoExisting(String trialId, String targetId, Instant now, Actor actor) {
        SubscriptionEntity s = subscriptions.lockAndLoad(trialId, actor);
        StateTable.require(SubscriptionAction.TRIAL_CONVERSION, s.stateCategory());
        if (!Ids.isWellFormed(targetId)) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, null, "subscription " + targetId + " not found",
                    Map.of("field", "targetSubscriptionId"));
        }
        SubscriptionEntity t = repo.subscription(targetId).filter(x -> x.customerId.equals(s.customerId))
                .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND, null, "subscription " + targetId + " not found",
                        Map.of("field", "targetSubscriptionId")));
        em.refresh(t);
        StateTable.require(SubscriptionAction.INCREASE_QUANTITY, t.stateCategory());
        if (!t.offerMidTermIncrease) {
            throw RuleViolation.invalidState("R-D1", "the target's offer allows no mid-term seat increase");
        }
        TrialPolicy.requireTargetEnd(t.endDate, s.trialEndsAt);
        seatCaps.check(subscriptions.customerOf(s), t.capGroup, java.util.List.of(s.id, t.id), t.quantity + TrialPolicy.SEATS);
        t.quantity += TrialPolicy.SEATS;
        SeatBatchEntity batch = batches.open(t, SeatBatchEntity.Kind.CONVERSION, TrialPolicy.SEATS, now);
        s.status = SubscriptionStatus.DELETED;
        s.statusChangedAt = now;
        s.nextDueAt = null;
        s.setScheduledChanges(null);
        em.flush();
        events.append(new TrialConverted(Snapshots.of(s), Snapshots.of(t), TrialPolicy.SEATS, now, Snapshots.batch(batch)),
                t.customerId, t.id, now, actor.subject());
        events.append(new SubscriptionDeleted(Snapshots.of(s)), s.customerId, s.id, now, actor.subject());
        return new Result(views.subscription(s, now), views.subscription(t, now));
    }

    static boolean converts(SubscriptionEntity s) {
        return s.trial && s.autoRenew && s.endOfTermAction == EndOfTermAction.RENEW;
    }
}
