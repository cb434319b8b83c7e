package dev.nce.subscription.service;

import dev.nce.contracts.Plan;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.SubscriptionEvent.ExtendedTermMonthStarted;
import dev.nce.contracts.events.SubscriptionEvent.ExtendedTermStarted;
import dev.nce.contracts.events.SubscriptionEvent.ScheduledChangesCleared;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionDeleted;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionDisabled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionExpired;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionRenewed;
import dev.nce.contracts.events.TermPeriod;
import dev.nce.subscription.client.CatalogRefusal;
import dev.nce.subscription.client.PriceAnswer;
import dev.nce.subscription.client.QuoteItem;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.subscription.domain.Lifecycle;
import dev.nce.subscription.domain.PromotionEligibility;
import dev.nce.subscription.domain.RenewalPlanner;
import dev.nce.subscription.domain.TermEndOutcome;
import dev.nce.subscription.domain.TermSchedule;
import dev.nce.subscription.persistence.OfferEntity;
import dev.nce.subscription.persistence.SeatBatchEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The due transitions of subscriptions at one instant {@code d} (DESIGN.md "Renewal"; R-F2, R-H2, D10, D17, D20):
 * renewal with scheduled changes and a re-quoted price, EST start and EST months, expiry, disable, delete. Planned in
 * one read, priced by one POST /v1/price-quotes (and promotions read once per renewed offer, R-K4), then applied in the
 * caller's transaction. Idempotent: a subscription
 * is changed only while its next_due_at is still {@code d}, and every change moves next_due_at on.
 */
@ApplicationScoped
public class DueWork {

    private static final Logger LOG = Logger.getLogger(DueWork.class);
    static final String SYSTEM = "system";

    @Inject
    SubscriptionRepository repo;
    @Inject
    EntityManager em;
    @Inject
    EventLog events;
    @Inject
    Batches batches;
    @Inject
    SeatCaps seatCaps;
    @Inject
    TrialService trials;

    public enum Kind { RENEW, START_EST, EST_MONTH, EXPIRE, DISABLE, DELETE, CONVERT_TRIAL }

    /**
     * What is due for one subscription at {@code d}, and the quote it needs (null when none);
     * {@code continuingPromotionId} is a renewal's own promotion whose fixed discount end lies on or after {@code d}
     * (R-K7: it may go on past its acquisition window, so it is read by id).
     */
    public record Step(String subscriptionId, Kind kind, QuoteItem quote, String continuingPromotionId) {}

    /** R-K4: the offers renewing in {@code steps}, whose acquirable promotions the renewals need (one read each). */
    public static Set<String> renewedOffers(List<Step> steps) {
        Set<String> offers = new TreeSet<>();
        steps.stream().filter(st -> st.kind() == Kind.RENEW && st.quote() != null).forEach(st -> offers.add(st.quote().offerId()));
        return offers;
    }

    /** Reads what is due at {@code d} (a bounded chunk) and which prices that needs. */
    @Transactional
    public List<Step> plan(Instant d, int limit) {
        List<Step> steps = new ArrayList<>();
        for (String id : repo.dueAt(d, limit)) {
            SubscriptionEntity s = em.find(SubscriptionEntity.class, id);
            steps.add(step(s, d));
        }
        return steps;
    }

    Step step(SubscriptionEntity s, Instant d) {
        Kind kind = kind(s);
        QuoteItem quote = null;
        if (kind == Kind.RENEW) {
            RenewalPlanner.RenewalPlan plan = RenewalPlanner.plan(s.offerId, s.term, s.billing, s.quantity, s.endDate,
                    s.scheduledChanges());
            quote = new QuoteItem(plan.offerId(), plan.plan().term().name(), plan.plan().billing().name(), d.toString(),
                    s.currency, null);
        } else if (kind == Kind.CONVERT_TRIAL) {
            Plan plan = dev.nce.subscription.domain.TrialPolicy.conversionPlan(s.scheduledChanges());
            quote = new QuoteItem(conversionOffer(s), plan.term().name(), plan.billing().name(), d.toString(), s.currency, null);
        } else if (kind == Kind.START_EST || kind == Kind.EST_MONTH) {
            quote = new QuoteItem(s.offerId, null, null, d.toString(), s.currency, true);
        }
        String continuing = kind == Kind.RENEW && s.promotionId != null && s.discountUntil != null
                && !s.discountUntil.isBefore(TermDates.utcDate(d)) ? s.promotionId : null;
        return new Step(s.id, kind, quote, continuing);
    }

    Kind kind(SubscriptionEntity s) {
        switch (s.status) {
            case ACTIVE:
                if (s.inExtendedServiceTerm) {
                    return Kind.EST_MONTH;
                }
                if (s.trial) {
                    // R-J2 / D15: auto-renew on converts at trialEndsAt, otherwise the trial ends EXPIRED
                    return TrialService.converts(s) ? Kind.CONVERT_TRIAL : Kind.EXPIRE;
                }
                return termEnd(s);
            case SUSPENDED:
                return termEnd(s);
            case EXPIRED:
                return Kind.DISABLE;
            case DISABLED:
                return Kind.DELETE;
            default:
                throw new IllegalStateException("nothing is due for a " + s.status + " subscription " + s.id);
        }
    }

    private Kind termEnd(SubscriptionEntity s) {
        TermEndOutcome outcome = Lifecycle.atTermEnd(s.status, s.endOfTermAction, renewable(s), s.startDate, s.endDate);
        switch (outcome) {
            case RENEW:
                return Kind.RENEW;
            case EXTENDED_SERVICE_TERM:
                return Kind.START_EST;
            case DISABLE:
                return Kind.DISABLE;
            default:
                return Kind.EXPIRE;
        }
    }

    /** renewable from the local offer copy (catalog topic) when there is one, else what the purchase quote said. */
    private boolean renewable(SubscriptionEntity s) {
        OfferEntity offer = em.find(OfferEntity.class, s.offerId);
        return offer == null ? s.offerRenewable : offer.renewable;
    }

    /**
     * Applies planned steps at {@code d} in the caller's transaction, customers locked in id order. Answers how many
     * subscriptions changed. A step whose subscription changed since planning (other kind, not due) is left for the
     * next round.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int apply(Instant d, List<Step> steps, Map<QuoteItem, Pricing.Outcome> quotes,
                     Map<String, List<PromotionData>> promotions) {
        List<SubscriptionEntity> subs = new ArrayList<>();
        for (Step step : steps) {
            SubscriptionEntity s = em.find(SubscriptionEntity.class, step.subscriptionId());
            if (s != null) {
                subs.add(s);
            }
        }
        subs.sort(Comparator.comparing((SubscriptionEntity s) -> s.customerId).thenComparing(s -> s.id));
        for (SubscriptionEntity s : subs) {
            repo.lockCustomer(s.customerId);
        }
        Map<String, Step> byId = new HashMap<>();
        steps.forEach(st -> byId.put(st.subscriptionId(), st));
        int changed = 0;
        for (SubscriptionEntity s : subs) {
            em.refresh(s);
            if (s.nextDueAt == null || !s.nextDueAt.equals(d)) {
                continue;
            }
            Step now = step(s, d);
            Step planned = byId.get(s.id);
            if (now.kind() != planned.kind() || (now.quote() != null && !now.quote().equals(planned.quote()))) {
                continue;
            }
            if (now.kind() == Kind.RENEW && !promotions.containsKey(now.quote().offerId())) {
                continue; // promotions not read for this offer: never guess "none" (R-K4); planned again next round
            }
            Pricing.Outcome outcome = now.quote() == null ? null : quotes.get(now.quote());
            if (apply(s, now.kind(), outcome, d, promotions)) {
                changed++;
            }
        }
        em.flush();
        return changed;
    }

    private boolean apply(SubscriptionEntity s, Kind kind, Pricing.Outcome quote, Instant d,
                          Map<String, List<PromotionData>> promotions) {
        switch (kind) {
            case RENEW:
                return renew(s, quote, d, promotions);
            case START_EST:
                if (quote == null || !quote.ok()) {
                    LOG.warnf("no EST price for %s at %s (%s): it expires instead", s.offerId, d, reason(quote));
                    expire(s, d);
                    return true;
                }
                startExtendedServiceTerm(s, quote.answer(), d);
                return true;
            case EST_MONTH:
                if (quote == null || !quote.ok()) {
                    LOG.warnf("no EST price for %s at %s (%s): the EST ends, expired", s.offerId, d, reason(quote));
                    expire(s, d);
                    return true;
                }
                nextExtendedServiceMonth(s, quote.answer(), d);
                return true;
            case CONVERT_TRIAL:
                if (quote == null || !quote.ok()) {
                    LOG.warnf("trial %s cannot be converted (%s): it expires", s.id, reason(quote));
                    expire(s, d);
                    return true;
                }
                if (scheduledConversionExceedsCap(s, quote.answer(), d)) {
                    return true;
                }
                trials.convertInPlace(s, conversionOffer(s), dev.nce.subscription.domain.TrialPolicy.conversionPlan(s.scheduledChanges()),
                        dev.nce.subscription.domain.TrialPolicy.conversionQuantity(s.scheduledChanges()), quote.answer(), d, SYSTEM);
                return true;
            case EXPIRE:
                expire(s, d);
                return true;
            case DISABLE:
                disable(s, d);
                return true;
            case DELETE:
                delete(s, d);
                return true;
            default:
                return false;
        }
    }

    /** R-F2 / R-F3 / R-A6 / R-C3: the next term with scheduled changes, the price in force at d, a new window. */
    private boolean renew(SubscriptionEntity s, Pricing.Outcome quote, Instant d, Map<String, List<PromotionData>> promotions) {
        RenewalPlanner.RenewalPlan plan = RenewalPlanner.plan(s.offerId, s.term, s.billing, s.quantity, s.endDate,
                s.scheduledChanges());
        if (quote == null || !quote.ok()) {
            if (plan.applied() != null) {
                // the scheduled plan cannot be priced: renew as is; the next round quotes the current plan
                LOG.warnf("scheduled changes of %s cannot be priced (%s): cleared", s.id, reason(quote));
                s.setScheduledChanges(null);
                em.flush();
                events.append(new ScheduledChangesCleared(Snapshots.of(s), "plan-not-available"), s.customerId, s.id, d, SYSTEM);
                return true;
            }
            LOG.warnf("%s cannot be renewed: the catalog does not price %s %s (%s); it expires", s.id, s.offerId,
                    Plan.of(s.term, s.billing), reason(quote));
            expire(s, d);
            return true;
        }
        PriceAnswer answer = quote.answer();
        if (plan.applied() != null && (plan.quantity() > s.quantity || !plan.offerId().equals(s.offerId))) {
            try {
                seatCaps.check(repo.customer(s.customerId).orElseThrow(), answer.capGroup(), s.id, plan.quantity());
            } catch (dev.nce.contracts.RuleViolation capExceeded) {
                // D9: keep the current quantity, clear the scheduled changes; the next round renews as is
                LOG.infof("scheduled changes of %s exceed the seat cap: cleared (%s)", s.id, capExceeded.getMessage());
                s.setScheduledChanges(null);
                em.flush();
                events.append(new ScheduledChangesCleared(Snapshots.of(s), "seat-cap-exceeded"), s.customerId, s.id, d, SYSTEM);
                return true;
            }
        }
        TermPeriod previous = Snapshots.term(s);
        if (!plan.offerId().equals(s.offerId)) {
            s.offerId = plan.offerId();
        }
        if (answer.offerName() != null) {
            s.offerName = answer.offerName();
        }
        s.capGroup = answer.capGroup();
        s.offerRenewable = answer.isRenewable();
        s.offerMidTermIncrease = answer.allowsMidTermIncrease();
        s.term = plan.plan().term();
        s.billing = plan.plan().billing();
        s.quantity = plan.quantity();
        s.currency = answer.currency() == null ? s.currency : answer.currency();
        // R-K4: the promotion is re-evaluated for the new term's plan and quantity; none means the regular price
        BigDecimal listPrice = answer.unitPriceValue();
        Optional<PromotionEligibility.Applied> promotion = PromotionEligibility.atRenewal(s.promotionId,
                promotions.get(plan.offerId()), new PromotionEligibility.Transaction(plan.offerId(), plan.plan(),
                        plan.quantity(), TermDates.utcDate(d)), listPrice, s.currency);
        s.unitPrice = promotion.map(PromotionEligibility.Applied::unitPrice).orElse(listPrice);
        Promotion.set(s, promotion.orElse(null));
        s.startTerm(d, plan.schedule());
        s.lastTermStartDate = plan.schedule().startDate();
        s.lastTermEndDate = plan.schedule().endDate();
        s.setScheduledChanges(null);
        s.nextDueAt = plan.schedule().renewalInstant();
        SeatBatchEntity batch = batches.open(s, SeatBatchEntity.Kind.RENEWAL, plan.quantity(), d);
        em.flush();
        events.append(new SubscriptionRenewed(Snapshots.of(s), previous, Snapshots.batch(batch),
                SubscriptionService.info(plan.applied())), s.customerId, s.id, d, SYSTEM);
        return true;
    }

    /** D17: ACTIVE, month to month at the EST price; startDate/endDate show the EST month. */
    private void startExtendedServiceTerm(SubscriptionEntity s, PriceAnswer price, Instant d) {
        TermPeriod ended = Snapshots.term(s);
        TermSchedule month = TermSchedule.extendedServiceMonth(TermDates.utcDate(d));
        s.inExtendedServiceTerm = true;
        s.unitPrice = price.unitPriceValue();
        // R-K3 / R-K4: a promotion lasts the term purchased; the EST months pay the EST price
        Promotion.set(s, null);
        s.startTerm(d, month);
        s.setScheduledChanges(null);
        s.nextDueAt = month.renewalInstant();
        em.flush();
        events.append(new ExtendedTermStarted(Snapshots.of(s), ended, month.startDate(), month.endDate(), s.unitPrice),
                s.customerId, s.id, d, SYSTEM);
    }

    /** D17: each EST month re-reads the EST price at its start. */
    private void nextExtendedServiceMonth(SubscriptionEntity s, PriceAnswer price, Instant d) {
        TermSchedule month = TermSchedule.extendedServiceMonth(TermDates.utcDate(d));
        s.unitPrice = price.unitPriceValue();
        s.startTerm(d, month);
        s.nextDueAt = month.renewalInstant();
        em.flush();
        events.append(new ExtendedTermMonthStarted(Snapshots.of(s), month.startDate(), month.endDate(), s.unitPrice),
                s.customerId, s.id, d, SYSTEM);
    }

    /** R-H2 / D10 / D20: EXPIRED at the renewal instant, DISABLED after the grace. */
    private void expire(SubscriptionEntity s, Instant d) {
        TermPeriod ended = Snapshots.term(s);
        s.status = SubscriptionStatus.EXPIRED;
        s.statusChangedAt = d;
        s.inExtendedServiceTerm = false;
        s.setScheduledChanges(null);
        s.nextDueAt = Lifecycle.disableAt(d, s.term, s.trial);
        em.flush();
        events.append(new SubscriptionExpired(Snapshots.of(s), ended), s.customerId, s.id, d, SYSTEM);
    }

    /** D17 CANCEL at the renewal instant, or the end of the D10 grace: DISABLED, DELETED 90 d later. */
    private void disable(SubscriptionEntity s, Instant d) {
        TermPeriod ended = Snapshots.term(s);
        s.status = SubscriptionStatus.DISABLED;
        s.statusChangedAt = d;
        s.inExtendedServiceTerm = false;
        s.setScheduledChanges(null);
        s.nextDueAt = Lifecycle.deleteAt(d);
        em.flush();
        events.append(new SubscriptionDisabled(Snapshots.of(s), ended), s.customerId, s.id, d, SYSTEM);
    }

    private void delete(SubscriptionEntity s, Instant d) {
        s.status = SubscriptionStatus.DELETED;
        s.statusChangedAt = d;
        s.nextDueAt = null;
        em.flush();
        events.append(new SubscriptionDeleted(Snapshots.of(s)), s.customerId, s.id, d, SYSTEM);
    }

    /**
     * D9 at the automatic trial conversion: a scheduled conversion (more seats or another offer) that would exceed the
     * cap is cleared (ScheduledChangesCleared, seat-cap-exceeded) and the next round converts by default; the trial's
     * own 25 seats are already counted, so the default conversion does not raise the count.
     */
    private boolean scheduledConversionExceedsCap(SubscriptionEntity s, PriceAnswer answer, Instant d) {
        if (!s.hasScheduledChanges) {
            return false;
        }
        int quantity = dev.nce.subscription.domain.TrialPolicy.conversionQuantity(s.scheduledChanges());
        if (quantity <= s.quantity && conversionOffer(s).equals(s.offerId)) {
            return false;
        }
        try {
            seatCaps.check(repo.customer(s.customerId).orElseThrow(), answer.capGroup(), s.id, quantity);
            return false;
        } catch (dev.nce.contracts.RuleViolation capExceeded) {
            LOG.infof("scheduled conversion of trial %s exceeds the seat cap: cleared (%s)", s.id, capExceeded.getMessage());
            s.setScheduledChanges(null);
            em.flush();
            events.append(new ScheduledChangesCleared(Snapshots.of(s), "seat-cap-exceeded"), s.customerId, s.id, d, SYSTEM);
            return true;
        }
    }

    private static String conversionOffer(SubscriptionEntity s) {
        return s.hasScheduledChanges && s.schedOfferId != null ? s.schedOfferId : s.offerId;
    }

    private static String reason(Pricing.Outcome outcome) {
        if (outcome == null) {
            return "no quote";
        }
        CatalogRefusal refusal = outcome.refusal();
        return refusal == null ? "no answer" : refusal.status() + " " + refusal.code();
    }
}
