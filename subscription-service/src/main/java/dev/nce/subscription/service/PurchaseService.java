package dev.nce.subscription.service;

import dev.nce.contracts.ExtendedServiceTermScope;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.subscription.client.PriceAnswer;
import dev.nce.subscription.domain.RenewalSettings;
import dev.nce.subscription.domain.TermSchedule;
import dev.nce.subscription.persistence.CustomerEntity;
import dev.nce.subscription.persistence.SeatBatchEntity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * DESIGN.md "Purchase": validate, quote from catalog-service (the tier in force on the start date), then store the
 * subscription, its first seat batch with its window and SubscriptionCreated in one transaction. The price is locked
 * for the term (R-A6). The quote is taken before the clock lock; if the platform date moved meanwhile, it is re-quoted.
 */
@ApplicationScoped
public class PurchaseService {

    static final int QUOTE_ATTEMPTS = 3;

    @Inject
    UnitOfWork uow;
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
    Instance<PurchaseStep> steps;

    public SubscriptionView purchase(PurchaseCommand command, Actor actor) {
        return purchase(command, null, actor);
    }

    /** A purchase that is the migration {@code migration} when not null (R-M, MigrationService). */
    SubscriptionView purchase(PurchaseCommand command, MigrationCommand migration, Actor actor) {
        RenewalSettings.validateRequest(command.autoRenew(), command.endOfTermAction());
        actor.requireAccessTo(command.customerId());
        List<PurchaseStep> ordered = steps.stream().sorted(Comparator.comparingInt(PurchaseStep::order)).toList();
        for (PurchaseStep step : ordered) {
            step.validate(command);
        }
        CustomerEntity customer = uow.read(now -> repo.customer(command.customerId()))
                .orElseThrow(() -> RuleViolation.notFound("customer " + command.customerId()));
        for (int attempt = 1; ; attempt++) {
            Instant quotedAt = clock.now();
            PriceAnswer quote = pricing.quote(command.offerId(), command.plan(), quotedAt, customer.billingCurrency);
            if (!command.plan().isEverValid() || !quote.sells(command.plan())) {
                throw new RuleViolation(ErrorCode.PLAN_NOT_AVAILABLE, "R-A2",
                        command.plan() + " is not sold for offer " + command.offerId());
            }
            PurchaseContext context = new PurchaseContext(command, customer.billingCurrency, quote, quotedAt);
            context.migration = migration;
            context.actor = actor;
            for (PurchaseStep step : ordered) {
                step.afterQuote(context);
            }
            try {
                return uow.write(now -> {
                    if (!TermDates.utcDate(now).equals(TermDates.utcDate(quotedAt))) {
                        throw new StaleQuote();
                    }
                    return store(context, ordered, now, actor);
                });
            } catch (StaleQuote stale) {
                if (attempt >= QUOTE_ATTEMPTS) {
                    throw new RuleViolation(ErrorCode.CATALOG_UNAVAILABLE, null, "the platform clock kept moving past "
                            + "the quoted date; retry");
                }
            }
        }
    }

    private SubscriptionView store(PurchaseContext context, List<PurchaseStep> steps, Instant now, Actor actor) {
        PurchaseCommand command = context.command;
        CustomerEntity customer = repo.lockCustomer(command.customerId())
                .orElseThrow(() -> RuleViolation.notFound("customer " + command.customerId()));
        for (PurchaseStep step : steps) {
            step.beforeWrite(context, now);
        }
        PriceAnswer quote = context.quote;
        TermSchedule schedule = context.customEndDate == null
                ? TermSchedule.starting(TermDates.utcDate(now), command.term())
                : TermSchedule.startingUntil(TermDates.utcDate(now), command.term(), context.customEndDate);
        RenewalSettings settings = RenewalSettings.forPurchase(command.autoRenew(), command.endOfTermAction(),
                quote.isRenewable(), ExtendedServiceTermScope.covers(schedule.startDate(), schedule.endDate()));

        SubscriptionEntity s = new SubscriptionEntity();
        s.id = Ids.next();
        s.customerId = customer.id;
        s.offerId = command.offerId();
        s.offerName = quote.offerName();
        s.capGroup = quote.capGroup();
        s.offerRenewable = quote.isRenewable();
        s.offerMidTermIncrease = quote.allowsMidTermIncrease();
        s.term = command.term();
        s.billing = command.billing();
        s.quantity = command.quantity();
        s.status = SubscriptionStatus.ACTIVE;
        s.apply(settings);
        s.unitPrice = context.unitPrice;
        s.currency = quote.currency() == null ? context.billingCurrency : quote.currency();
        s.listUnitPrice = context.listUnitPrice;
        s.promotionId = context.promotionId;
        s.discountUntil = context.discountUntil;
        s.promotionMaxSeats = context.promotionMaxSeats;
        s.startTerm(now, schedule);
        s.originalStartDate = schedule.startDate();
        s.lastTermStartDate = schedule.startDate();
        s.lastTermEndDate = schedule.endDate();
        s.statusChangedAt = now;
        s.nextDueAt = schedule.renewalInstant();
        s.createdAt = now;
        s.migratedFrom = context.migration == null ? null : context.migration.legacySubscriptionId();
        SeatBatchEntity batch = batches.prepare(s, SeatBatchEntity.Kind.PURCHASE, command.quantity(), now);
        em.persist(s);
        em.persist(batch);
        em.flush();
        events.append(new SubscriptionCreated(Snapshots.of(s), Snapshots.batch(batch),
                        s.migratedFrom == null ? "PURCHASE" : "MIGRATION", s.migratedFrom),
                s.customerId, s.id, now, actor.subject());
        return views.subscription(s, now);
    }

    /** The platform date moved between the quote and the write: quote again. */
    static final class StaleQuote extends RuntimeException {
        StaleQuote() {
            super("stale quote", null, false, false);
        }
    }
}
