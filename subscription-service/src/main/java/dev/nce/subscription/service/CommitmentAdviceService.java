package dev.nce.subscription.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.EventJson;
import dev.nce.subscription.client.PriceAnswer;
import dev.nce.subscription.client.QuoteItem;
import dev.nce.subscription.domain.CommitmentAdvice;
import dev.nce.subscription.domain.CommitmentAdvisor;
import dev.nce.subscription.domain.CommitmentOption;
import dev.nce.subscription.domain.CommitmentPrices;
import dev.nce.subscription.domain.CurrentSeats;
import dev.nce.subscription.domain.SeatDemand;
import dev.nce.subscription.domain.SeatHistory;
import dev.nce.subscription.persistence.CustomerEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * D26 commitment advice for one customer and offer. Reads the customer's current subscriptions of the offer (and, when
 * asked, its seat history) in one read transaction, then prices everything in one batched POST /v1/price-quotes:
 * the three plans at the next renewal of the offer's current subscriptions (now without one), and each current
 * subscription's next term at its own renewal the way due work would (scheduled changes applied, the EST price when
 * the term ends in one). Changes nothing.
 */
@ApplicationScoped
public class CommitmentAdviceService {

    static final Plan ANNUAL = Plan.of(Term.P1Y, BillingFrequency.ANNUAL);
    static final Plan ANNUAL_PAID_MONTHLY = Plan.of(Term.P1Y, BillingFrequency.MONTHLY);
    static final Plan MONTHLY = Plan.of(Term.P1M, BillingFrequency.MONTHLY);

    @Inject
    UnitOfWork uow;
    @Inject
    SubscriptionRepository repo;
    @Inject
    DueWork dueWork;
    @Inject
    Pricing pricing;
    @Inject
    EntityManager em;

    /** {@code demand} is 12 (month label, seats) pairs, or null to read the last 12 months of history. */
    public CommitmentAdviceView advise(String customerId, String offerId, List<CommitmentAdviceView.MonthSeats> demand,
                                       Actor actor) {
        actor.requireAccessTo(customerId);
        Snapshot state = uow.read(now -> read(customerId, offerId, demand == null, now));

        List<QuoteItem> items = new ArrayList<>();
        String at = state.pricesAt().toString();
        for (Plan plan : List.of(ANNUAL, ANNUAL_PAID_MONTHLY, MONTHLY)) {
            items.add(new QuoteItem(offerId, plan.term().name(), plan.billing().name(), at, state.currency(), null));
        }
        state.current().forEach(c -> items.add(c.nextTerm()));
        List<Pricing.Outcome> outcomes = pricing.quoteAll(items.stream().filter(i -> i != null).toList());

        PriceAnswer[] plans = new PriceAnswer[3];
        RuleViolation offerMissing = null;
        for (int i = 0; i < 3; i++) {
            Pricing.Outcome o = outcomes.get(i);
            Plan plan = List.of(ANNUAL, ANNUAL_PAID_MONTHLY, MONTHLY).get(i);
            if (o.ok() && o.answer().sells(plan)) {
                plans[i] = o.answer();
            } else if (!o.ok() && o.refusal().status() == 404) {
                offerMissing = Pricing.toViolation(o.refusal(), offerId);
            }
        }
        if (plans[0] == null && plans[1] == null && plans[2] == null) {
            throw offerMissing != null ? offerMissing : new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "D26",
                    "offer " + offerId + " sells none of P1Y/ANNUAL, P1Y/MONTHLY, P1M/MONTHLY at " + at);
        }
        PriceAnswer any = plans[0] != null ? plans[0] : plans[1] != null ? plans[1] : plans[2];
        String currency = any.currency() == null ? state.currency() : any.currency();
        CommitmentPrices prices = new CommitmentPrices(price(plans[0]), price(plans[1]), price(plans[2]), currency);

        List<CurrentSeats> currentSeats = new ArrayList<>();
        List<CommitmentAdviceView.CurrentSubscription> currentViews = new ArrayList<>();
        int next = 3;
        for (Current c : state.current()) {
            BigDecimal unitPrice;
            if (c.nextTerm() == null) {
                unitPrice = prices.monthly();   // the term ends: its seats come back as P1M
            } else {
                Pricing.Outcome o = outcomes.get(next++);
                unitPrice = o.ok() ? o.answer().unitPriceValue() : prices.monthly();
            }
            if (unitPrice == null) {
                continue;
            }
            currentSeats.add(new CurrentSeats(c.subscriptionId(), c.term(), c.billing(), c.quantity(), unitPrice,
                    c.committed()));
            currentViews.add(new CommitmentAdviceView.CurrentSubscription(c.subscriptionId(), c.term(), c.billing(),
                    c.quantity(), c.renewalDate(), c.continuesAs(), c.committed(), unitPrice, currency));
        }

        List<CommitmentAdviceView.MonthSeats> months = demand != null ? demand : state.history();
        SeatDemand seatDemand = new SeatDemand(months.stream().map(CommitmentAdviceView.MonthSeats::seats).toList());
        boolean midTermIncrease = any.allowsMidTermIncrease();
        CommitmentAdvice advice = CommitmentAdvisor.advise(prices, seatDemand, midTermIncrease, currentSeats);

        List<CommitmentAdviceView.PlanPrice> used = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            if (plans[i] != null) {
                used.add(new CommitmentAdviceView.PlanPrice(plans[i].term(), plans[i].billing(),
                        plans[i].unitPriceValue(), decimal(plans[i].upliftPercent()), plans[i].source()));
            }
        }
        List<CommitmentAdviceView.Option> options = advice.options().stream().map(o -> option(o, currency)).toList();
        CommitmentAdviceView.Option recommended = options.get(advice.options().indexOf(advice.recommended()));
        return new CommitmentAdviceView(customerId, offerId, any.offerName(), currency,
                demand != null ? "GIVEN" : "HISTORY", months, options, recommended, advice.tiedAnnualSeats(),
                new CommitmentAdviceView.BreakEven(advice.breakEvenMonths().annual(),
                        advice.breakEvenMonths().annualPaidMonthly()),
                advice.currentCost(), advice.savingVersusCurrent(), currentViews,
                new CommitmentAdviceView.PricesUsed(state.pricesAt(), currency, used),
                assumptions(state, midTermIncrease));
    }

    private static List<String> assumptions(Snapshot state, boolean midTermIncrease) {
        List<String> notes = new ArrayList<>();
        notes.add(state.current().isEmpty()
                ? "no current subscription of this offer: the plan prices are those in force now"
                : "plan prices are those in force at the next renewal of this offer's subscriptions");
        notes.add("month 1 of the demand is the first month of the committed year; P1M seats follow the demand month by month");
        notes.add("promotions are not applied; prices are list prices after uplift (R-A4, D2)");
        if (midTermIncrease) {
            notes.add("ANNUAL_INCREASED_MID_TERM: seats added to a P1Y term are paid from the month they are added to the term end");
        }
        return notes;
    }

    private static CommitmentAdviceView.Option option(CommitmentOption o, String currency) {
        return new CommitmentAdviceView.Option(o.kind().name(), o.term(), o.billing(), o.annualSeats(), o.monthlySeats(),
                o.monthlySeatMonths(), o.totalCost(), currency);
    }

    private static BigDecimal price(PriceAnswer answer) {
        return answer == null ? null : answer.unitPriceValue();
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : new BigDecimal(node.asText());
    }

    /** A current subscription of the offer and the quote of its next term (null when the term just ends). */
    record Current(String subscriptionId, String term, String billing, int quantity, String renewalDate,
                   String continuesAs, boolean committed, QuoteItem nextTerm) {}

    record Snapshot(String currency, Instant pricesAt, List<Current> current,
                    List<CommitmentAdviceView.MonthSeats> history) {}

    private Snapshot read(String customerId, String offerId, boolean withHistory, Instant now) {
        CustomerEntity customer = repo.customer(customerId)
                .orElseThrow(() -> RuleViolation.notFound("customer " + customerId));
        List<Current> current = new ArrayList<>();
        Instant pricesAt = null;
        for (SubscriptionEntity s : repo.subscriptionsOf(customerId, Integer.MAX_VALUE, 0)) {
            if (!offerId.equals(s.offerId) || s.trial
                    || (s.status != SubscriptionStatus.ACTIVE && s.status != SubscriptionStatus.SUSPENDED)) {
                continue;
            }
            Instant renewal = TermDates.renewalInstant(s.endDate);
            DueWork.Step step = dueWork.step(s, renewal);
            String continuesAs;
            boolean committed;
            QuoteItem quote = step.quote();
            switch (step.kind()) {
                case RENEW -> {
                    continuesAs = "RENEW";
                    committed = !"P1M".equals(quote.term());
                }
                case START_EST, EST_MONTH -> {
                    continuesAs = "EXTENDED_SERVICE_TERM";
                    committed = false;
                }
                default -> {
                    continuesAs = "ENDS";
                    committed = false;
                    quote = null;
                }
            }
            current.add(new Current(s.id, s.term.name(), s.billing.name(), s.quantity,
                    TermDates.renewalDate(s.endDate).toString(), continuesAs, committed, quote));
            if (pricesAt == null || renewal.isBefore(pricesAt)) {
                pricesAt = renewal;
            }
        }
        if (pricesAt == null || pricesAt.isBefore(now)) {
            pricesAt = now;
        }
        return new Snapshot(customer.billingCurrency, pricesAt, current,
                withHistory ? history(customerId, offerId, now) : null);
    }

    /** The 12 calendar months ending with the current one: the most seats of the offer held in each (D26). */
    private List<CommitmentAdviceView.MonthSeats> history(String customerId, String offerId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT event_id, effective_at, envelope FROM event_history "
                        + "WHERE customer_id = ?1 AND effective_at <= ?2 ORDER BY effective_at, id")
                .setParameter(1, customerId).setParameter(2, Timestamp.from(now)).getResultList();
        List<SeatHistory.SeatState> states = new ArrayList<>();
        Set<Object> seen = new HashSet<>();
        for (Object[] row : rows) {
            if (!seen.add(row[0])) {
                continue;   // an event about two subscriptions is kept once per subject
            }
            Instant at = instant(row[1]);
            JsonNode payload = readPayload((String) row[2]);
            for (String field : List.of("subscription", "source", "target")) {
                JsonNode snap = payload.get(field);
                if (snap != null && snap.isObject() && snap.hasNonNull("subscriptionId")) {
                    boolean counted = offerId.equals(snap.path("offerId").asText())
                            && "ACTIVE".equals(snap.path("status").asText()) && !snap.path("trial").asBoolean(false);
                    states.add(new SeatHistory.SeatState(at, snap.get("subscriptionId").asText(),
                            counted ? snap.path("quantity").asInt() : 0));
                }
            }
        }
        YearMonth first = YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(SeatDemand.MONTHS - 1);
        List<Integer> peaks = SeatHistory.monthlyPeaks(states, first, now);
        List<CommitmentAdviceView.MonthSeats> months = new ArrayList<>();
        for (int i = 0; i < peaks.size(); i++) {
            months.add(new CommitmentAdviceView.MonthSeats(first.plusMonths(i).toString(), peaks.get(i)));
        }
        return months;
    }

    private static JsonNode readPayload(String envelope) {
        try {
            return EventJson.mapper().readTree(envelope).path("payload");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("unreadable event history row", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
