package dev.nce.subscription.service;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import dev.nce.subscription.client.QuoteItem;
import dev.nce.subscription.domain.Deadlines;
import dev.nce.subscription.domain.RenewalOutlook;
import dev.nce.subscription.domain.TermEndOutcome;
import dev.nce.subscription.persistence.CustomerEntity;
import dev.nce.subscription.persistence.OfferEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GET /v1/renewals and GET /v1/deadlines (API.md "Renewals and deadlines"): rows read in one transaction, the renewal
 * prices of a page quoted afterwards by one POST /v1/price-quotes (outside the transaction, like due work).
 */
@ApplicationScoped
public class RenewalQuery {

    /** One row of GET /v1/renewals; offerName and outcome are additive (what happens at the renewal instant). */
    public record RenewalRow(String subscriptionId, String customerId, String customerName, String offerId,
                             String offerName, Term term, BillingFrequency billing, int quantity, LocalDate renewalDate,
                             LocalDate noticeDeadline, EndOfTermAction endOfTermAction, boolean autoRenew,
                             SubscriptionView.ScheduledChangesView scheduledChanges, BigDecimal currentUnitPrice,
                             BigDecimal renewalUnitPrice, String currency, BigDecimal monthlyDelta,
                             TermEndOutcome outcome, int nextQuantity) {}

    public record Rows<T>(long totalCount, List<T> items) {}

    private record Candidate(SubscriptionEntity s, String customerName, RenewalOutlook outlook, LocalDate noticeDeadline) {}

    @Inject
    UnitOfWork uow;
    @Inject
    SubscriptionRepository repo;
    @Inject
    EntityManager em;
    @Inject
    Views views;
    @Inject
    Pricing pricing;

    /** Subscriptions whose renewal date lies in [from, to], by renewalDate; {@code customerId} null = all visible. */
    public Rows<RenewalRow> renewals(LocalDate from, LocalDate to, String customerId, int limit, int offset) {
        if (to.isBefore(from)) {
            throw RuleViolation.invalidField("to", "to must not be before from");
        }
        List<Candidate> page = new ArrayList<>();
        long total = uow.read(now -> {
            String where = "s.status IN (?1, ?2) AND s.trial = false AND s.inExtendedServiceTerm = false "
                    + "AND s.endDate >= ?3 AND s.endDate <= ?4" + (customerId == null ? "" : " AND s.customerId = ?5");
            var count = em.createQuery("SELECT count(s) FROM SubscriptionEntity s WHERE " + where, Long.class);
            var query = em.createQuery("FROM SubscriptionEntity s WHERE " + where
                    + " ORDER BY s.endDate, s.customerId, s.id", SubscriptionEntity.class);
            for (var q : List.of(count, query)) {
                q.setParameter(1, SubscriptionStatus.ACTIVE).setParameter(2, SubscriptionStatus.SUSPENDED)
                        .setParameter(3, from.minusDays(1)).setParameter(4, to.minusDays(1));
                if (customerId != null) {
                    q.setParameter(5, customerId);
                }
            }
            Map<String, String> names = new HashMap<>();
            for (SubscriptionEntity s : query.setFirstResult(offset).setMaxResults(limit).getResultList()) {
                String name = names.computeIfAbsent(s.customerId, id -> repo.customer(id).map(c -> c.name).orElse(null));
                page.add(new Candidate(s, name, outlook(s), Snapshots.noticeDeadline(s)));
            }
            return count.getSingleResult();
        });
        Map<QuoteItem, BigDecimal> prices = quote(page);
        List<RenewalRow> rows = page.stream().map(c -> row(c, prices.get(priceItem(c)))).toList();
        return new Rows<>(total, rows);
    }

    /** What falls due from now to now + within, by dueAt; {@code customerId} null = all visible. */
    public List<Deadlines.Deadline> deadlines(Duration within, String customerId) {
        return uow.read(now -> {
            Instant until = now.plus(within);
            LocalDate untilDate = TermDates.utcDate(until);
            // candidates: a term end (renewal, lock, notice deadline up to 30 d before it) or a trial end in reach, or
            // a seat window closing in reach; the domain keeps the exact ones
            String where = "s.status IN (?1, ?2) AND (s.endDate <= ?3 OR s.trialEndsAt <= ?4 OR EXISTS (SELECT b FROM "
                    + "SeatBatchEntity b WHERE b.subscriptionId = s.id AND b.windowEnd > ?5 AND b.windowEnd <= ?4))"
                    + (customerId == null ? "" : " AND s.customerId = ?6");
            var query = em.createQuery("FROM SubscriptionEntity s WHERE " + where + " ORDER BY s.id",
                            SubscriptionEntity.class)
                    .setParameter(1, SubscriptionStatus.ACTIVE).setParameter(2, SubscriptionStatus.SUSPENDED)
                    .setParameter(3, untilDate.plusDays(dev.nce.subscription.domain.NoticePolicy.LONG_TERM_NOTICE_DAYS + 1))
                    .setParameter(4, until).setParameter(5, now);
            if (customerId != null) {
                query.setParameter(6, customerId);
            }
            List<Deadlines.Deadline> all = new ArrayList<>();
            for (SubscriptionEntity s : query.getResultList()) {
                var refundable = views.refundable(s, repo.batches(s.id), now).details();
                Instant trialEndsAt = s.trial && s.status == SubscriptionStatus.ACTIVE ? s.trialEndsAt : null;
                all.addAll(Deadlines.between(new Deadlines.Facts(s.id, s.customerId, trialEndsAt,
                        Snapshots.noticeDeadline(s), outlook(s), refundable), now, until));
            }
            all.sort(Deadlines.ORDER);
            return all;
        });
    }

    /** The term end ahead of a non-trial subscription outside EST; null otherwise. */
    RenewalOutlook outlook(SubscriptionEntity s) {
        if (s.trial || s.inExtendedServiceTerm
                || (s.status != SubscriptionStatus.ACTIVE && s.status != SubscriptionStatus.SUSPENDED)) {
            return null;
        }
        OfferEntity offer = em.find(OfferEntity.class, s.offerId);
        boolean renewable = offer == null ? s.offerRenewable : offer.renewable;
        return RenewalOutlook.of(new RenewalOutlook.TermFacts(s.status, s.endOfTermAction, renewable, s.offerId, s.term,
                s.billing, s.quantity, s.startDate, s.endDate, s.scheduledChanges()));
    }

    /** The quote the renewal price needs (a new term's plan, or the EST price, D17), null when none applies. */
    static QuoteItem priceItem(Candidate c) {
        RenewalOutlook o = c.outlook();
        if (o == null || !o.priced()) {
            return null;
        }
        String at = o.renewalAt().toString();
        return o.extendedServiceTerm()
                ? new QuoteItem(o.nextOfferId(), null, null, at, c.s().currency, true)
                : new QuoteItem(o.nextOfferId(), o.nextPlan().term().name(), o.nextPlan().billing().name(), at,
                c.s().currency, null);
    }

    /** One POST /v1/price-quotes for the page; an item the catalog refuses (plan no longer sold) has no price. */
    private Map<QuoteItem, BigDecimal> quote(List<Candidate> page) {
        LinkedHashSet<QuoteItem> items = new LinkedHashSet<>();
        page.stream().map(RenewalQuery::priceItem).filter(i -> i != null).forEach(items::add);
        Map<QuoteItem, BigDecimal> prices = new HashMap<>();
        for (Pricing.Outcome o : pricing.quoteAll(List.copyOf(items))) {
            if (o.ok()) {
                prices.put(o.item(), o.answer().unitPriceValue());
            }
        }
        return prices;
    }

    private static RenewalRow row(Candidate c, BigDecimal renewalPrice) {
        SubscriptionEntity s = c.s();
        RenewalOutlook o = c.outlook();
        SubscriptionView.ScheduledChangesView scheduled = s.hasScheduledChanges
                ? new SubscriptionView.ScheduledChangesView(s.schedQuantity, s.schedTerm, s.schedBilling, s.schedOfferId,
                s.schedCustomTermEndDate) : null;
        return new RenewalRow(s.id, s.customerId, c.customerName(), s.offerId, s.offerName, s.term, s.billing,
                s.quantity, o.renewalDate(), c.noticeDeadline(), s.endOfTermAction, s.autoRenew, scheduled, s.unitPrice,
                renewalPrice, s.currency, RenewalOutlook.monthlyDelta(s.unitPrice, renewalPrice, o.nextQuantity()),
                o.outcome(), o.nextQuantity());
    }

    /** Optional customer filter of a caller: a customer token is limited to its own rows. */
    public static String scope(String requested, Optional<String> ownCustomer) {
        return ownCustomer.orElse(requested == null || requested.isBlank() ? null : requested.trim());
    }
}
