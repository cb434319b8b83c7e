package dev.nce.subscription.service;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.kit.clock.ClockAdvancer;
import dev.nce.kit.clock.ClockLock;
import dev.nce.kit.clock.ClockStore;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.kit.outbox.WatermarkPublisher;
import dev.nce.subscription.client.QuoteItem;
import dev.nce.subscription.persistence.SubscriptionRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The platform clock (DESIGN.md section 3). Processes every due transition of every subscription in chronological
 * order up to a target instant, each instant's chunk in its own transaction at that instant (so events carry the due
 * instant as effectiveAt), then, under the exclusive clock lock, persists the clock and writes Watermark(target) to every
 * partition in the same transaction. Prices (and promotions for renewals) are read before each step's transaction (never under the lock). Catch-up
 * work: a jump of a year and a restart after downtime are the same case.
 */
@ApplicationScoped
public class ClockEngine implements ClockAdvancer {

    private static final Logger LOG = Logger.getLogger(ClockEngine.class);

    @Inject
    PlatformClock clock;
    @Inject
    ClockLock clockLock;
    @Inject
    ClockStore clockStore;
    @Inject
    WatermarkPublisher watermarks;
    @Inject
    DueWork dueWork;
    @Inject
    Pricing pricing;
    @Inject
    SubscriptionRepository repo;
    @Inject
    Promotions promotions;

    @ConfigProperty(name = "nce.due-work.chunk-size", defaultValue = "500")
    int chunkSize;

    @Inject
    jakarta.transaction.TransactionSynchronizationRegistry transactions;

        /** One advance or catch-up at a time in this JVM (SIMULATED mode runs one replica). */
    private final ReentrantLock running = new ReentrantLock();

    @Override
    public Instant advanceTo(Instant to) {
        running.lock();
        try {
            Instant now = clock.now();
            if (to.isBefore(now)) {
                throw new RuleViolation(ErrorCode.CLOCK_BACKWARDS, null, "the clock is at " + now + "; it cannot go back to " + to,
                        Map.of("now", now.toString()));
            }
            if (to.equals(now)) {
                return now;
            }
            processDueUpTo(to);
            publish(to);
            return to;
        } finally {
            running.unlock();
        }
    }

    /** SYSTEM mode: due work up to the wall clock, then Watermark of that instant. */
    public Instant catchUpToWallClock() {
        running.lock();
        try {
            Instant upTo = clock.now();
            processDueUpTo(upTo);
            publish(upTo);
            return upTo;
        } finally {
            running.unlock();
        }
    }

    /** Every due transition at or before {@code to}, earliest instant first; a chunk per transaction. */
    void processDueUpTo(Instant to) {
        int idleRounds = 0;
        while (true) {
            Optional<Instant> next = QuarkusTransaction.requiringNew().call(() -> repo.earliestDue(to));
            if (next.isEmpty()) {
                return;
            }
            Instant d = next.get();
            List<DueWork.Step> steps = dueWork.plan(d, chunkSize);
            Set<QuoteItem> items = new LinkedHashSet<>();
            steps.stream().map(DueWork.Step::quote).filter(q -> q != null).forEach(items::add);
            Map<QuoteItem, Pricing.Outcome> quotes = new HashMap<>();
            for (Pricing.Outcome outcome : pricing.quoteAll(List.copyOf(items))) {
                quotes.put(outcome.item(), outcome);
            }
            // R-K4/R-K7: promotions once per renewed offer at this instant, outside the transaction like prices
            Map<String, List<PromotionData>> offerPromotions = promotions.forRenewals(steps, TermDates.utcDate(d));
            int changed = QuarkusTransaction.requiringNew().timeout(600).call(() -> {
                stepLock(d);
                return dueWork.apply(d, steps, quotes, offerPromotions);
            });
            if (changed == 0) {
                if (++idleRounds > 3) {
                    throw new IllegalStateException("due work at " + d + " makes no progress");
                }
            } else {
                idleRounds = 0;
            }
        }
    }

    /**
     * SIMULATED: the exclusive lock, then the clock moves to the step's instant and is persisted (so a restart resumes
     * from there). SYSTEM: the shared lock like any other change.
     */
    private void stepLock(Instant d) {
        if (clock.isSimulated()) {
            clockLock.exclusive();
            dev.nce.kit.clock.TransactionalClockMove.moveTo(clock, transactions, d);
            clockStore.save(clock.now());
        } else {
            clockLock.shared();
        }
    }

    /** Under the exclusive lock: the clock to {@code upTo} (persisted) and Watermark(upTo) on every partition. */
    public void publish(Instant upTo) {
        QuarkusTransaction.requiringNew().run(() -> {
            clockLock.exclusive();
            if (clock.isSimulated()) {
                dev.nce.kit.clock.TransactionalClockMove.moveTo(clock, transactions, upTo);
                clockStore.save(upTo);
            }
            watermarks.publish(upTo);
        });
        LOG.debugf("watermark %s published", upTo);
    }
}
