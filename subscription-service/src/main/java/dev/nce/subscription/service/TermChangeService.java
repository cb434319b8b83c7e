package dev.nce.subscription.service;

import dev.nce.contracts.ExtendedServiceTermScope;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.SubscriptionEvent.ScheduledChangesCleared;
import dev.nce.contracts.events.SubscriptionEvent.TermLengthened;
import dev.nce.contracts.events.TermPeriod;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.subscription.client.PriceAnswer;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.subscription.domain.PromotionEligibility;
import dev.nce.subscription.domain.RenewalSettings;
import dev.nce.subscription.domain.StateTable;
import dev.nce.subscription.domain.SubscriptionAction;
import dev.nce.subscription.domain.TermChangePolicy;
import dev.nce.subscription.domain.TermSchedule;
import dev.nce.subscription.persistence.SeatBatchEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * R-G1 mid-term lengthening (API.md term-changes): a new term of the target plan starts at the change, priced at the
 * change date, with one new window for all seats. TermLengthened carries the old term and price so billing credits the
 * unused part and charges the new term from the change date (D18 UPGRADE_CREDIT / UPGRADE_CHARGE, or CYCLE segments).
 */
@ApplicationScoped
public class TermChangeService {

    public record TermChangeCommand(Term term, BillingFrequency billing) {}

    @Inject
    UnitOfWork uow;
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
    Promotions promotions;

    public SubscriptionView change(String id, TermChangeCommand command, Actor actor) {
        Plan target = Plan.of(command.term(), command.billing());
        SubscriptionEntity before = uow.read(now -> subscriptions.load(id, actor));
        checks(before, target);
        for (int attempt = 1; ; attempt++) {
            Instant quotedAt = clock.now();
            PriceAnswer quote = pricing.quote(before.offerId, target, quotedAt, before.currency);
            if (!quote.sells(target)) {
                throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2", target + " is not sold for offer " + before.offerId);
            }
            // R-K5: another eligible promotion may auto-apply; read outside the transaction, like the price
            List<PromotionData> acquirable = promotions.acquirable(before.offerId, TermDates.utcDate(quotedAt));
            try {
                return uow.write(now -> {
                    if (!TermDates.utcDate(now).equals(TermDates.utcDate(quotedAt))) {
                        throw new PurchaseService.StaleQuote();
                    }
                    return apply(id, target, quote, acquirable, now, actor);
                });
            } catch (PurchaseService.StaleQuote stale) {
                if (attempt >= PurchaseService.QUOTE_ATTEMPTS) {
                    throw new RuleViolation(ErrorCode.CATALOG_UNAVAILABLE, null, "the platform clock kept moving; retry");
                }
            }
        }
    }

    /** API.md order: 409 invalid-state (state table), then R-G1's own codes. */
    private static void checks(SubscriptionEntity s, Plan target) {
        StateTable.require(SubscriptionAction.TERM_CHANGE, s.stateCategory());
        TermChangePolicy.require(Plan.of(s.term, s.billing), target);
    }

    private SubscriptionView apply(String id, Plan target, PriceAnswer quote, List<PromotionData> acquirable, Instant now,
                                   Actor actor) {
        SubscriptionEntity s = subscriptions.lockAndLoad(id, actor);
        checks(s, target);
        TermPeriod previous = Snapshots.term(s);
        Term previousTerm = s.term;
        BillingFrequency previousBilling = s.billing;
        BigDecimal previousPrice = s.unitPrice;
        LocalDate changeDate = TermDates.utcDate(now);
        TermSchedule schedule = TermSchedule.starting(changeDate, target.term());
        s.term = target.term();
        s.billing = target.billing();
        s.currency = quote.currency() == null ? s.currency : quote.currency();
        s.offerRenewable = quote.isRenewable();
        s.offerMidTermIncrease = quote.allowsMidTermIncrease();
        // R-K5: the plan change drops the promotion; the best eligible auto-apply one (if any) takes its place
        BigDecimal listPrice = quote.unitPriceValue();
        Optional<PromotionEligibility.Applied> promotion = PromotionEligibility.bestAutoApply(acquirable,
                new PromotionEligibility.Transaction(s.offerId, target, s.quantity, changeDate), listPrice, s.currency);
        s.unitPrice = promotion.map(PromotionEligibility.Applied::unitPrice).orElse(listPrice);
        Promotion.set(s, promotion.orElse(null));
        s.startTerm(now, schedule);
        s.lastTermStartDate = schedule.startDate();
        s.lastTermEndDate = schedule.endDate();
        s.nextDueAt = schedule.renewalInstant();
        if (!s.offerRenewable) {
            s.apply(RenewalSettings.notRenewable(ExtendedServiceTermScope.covers(schedule.startDate(), schedule.endDate())));
        }
        boolean cleared = s.hasScheduledChanges;
        s.setScheduledChanges(null);
        SeatBatchEntity batch = batches.open(s, SeatBatchEntity.Kind.TERM_CHANGE, s.quantity, now);
        em.flush();
        if (cleared) {
            events.append(new ScheduledChangesCleared(Snapshots.of(s), "term-changed"), s.customerId, s.id, now, actor.subject());
        }
        events.append(new TermLengthened(Snapshots.of(s), previous, previousTerm, previousBilling, previousPrice, changeDate,
                Snapshots.batch(batch)), s.customerId, s.id, now, actor.subject());
        return views.subscription(s, now);
    }
}
