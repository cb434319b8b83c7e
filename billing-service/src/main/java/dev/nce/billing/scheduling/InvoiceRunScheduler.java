package dev.nce.billing.scheduling;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.InvoiceSchedule;
import dev.nce.billing.domain.InvoiceSchedule.DueItem;
import dev.nce.billing.persistence.LedgerRepository;
import dev.nce.billing.persistence.RunRepository;
import dev.nce.billing.service.BillingMetrics;
import dev.nce.billing.service.CatalogSync;
import dev.nce.billing.service.InvoiceRunService;
import dev.nce.kit.clock.ClockReporter;
import dev.nce.kit.clock.PlatformClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Due work of billing (DESIGN.md section 3): every tick asks what is due at or before now (billing's platform clock,
 * in SIMULATED mode the lowest watermark it has read) and processes it in chronological order: the run on the 1st at
 * 01:00, retries on the 2nd and 3rd, the alert on the 4th (D12, D19). A clock jump over many months is the same case as
 * many small ones. The instant up to which runs were created and tasks dispatched is persisted and reported by
 * GET /admin/clock. The worker profile does not create runs.
 */
@ApplicationScoped
public class InvoiceRunScheduler implements ClockReporter {

    private static final Logger LOG = Logger.getLogger(InvoiceRunScheduler.class);

    @Inject
    PlatformClock clock;
    @Inject
    RunRepository runs;
    @Inject
    LedgerRepository ledger;
    @Inject
    InvoiceRunService runService;
    @Inject
    CatalogSync catalogSync;
    @Inject
    BillingMetrics metrics;

    @ConfigProperty(name = "billing.scheduler.enabled", defaultValue = "true")
    boolean enabled;

    private volatile Instant reported;

    @Scheduled(every = "${billing.scheduler.interval:1s}", delayed = "${billing.scheduler.delay:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            catchUp();
            runService.progressRunning();
        } catch (RuntimeException e) {
            LOG.warnf(e, "invoice run schedule: %s (will retry)", e.getMessage());
        }
    }

    /** Processes everything due up to now, in order; stops at an item that must wait (and retries next tick). */
    public void catchUp() {
        Instant now = clock.now();
        Instant cursor = QuarkusTransaction.requiringNew().call(() -> runs.scheduleCursor().orElse(null));
        if (cursor == null) {
            Optional<LocalDate> earliest = QuarkusTransaction.requiringNew().call(ledger::earliestChargeDate);
            // an empty ledger has nothing due before now; otherwise start at the month of its first charge
            cursor = earliest.map(d -> d.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                    .filter(start -> start.isBefore(now)).orElse(now);
            save(cursor);
        }
        if (!now.isAfter(cursor)) {
            reported = cursor;
            return;
        }
        Optional<LocalDate> earliest = QuarkusTransaction.requiringNew().call(ledger::earliestChargeDate);
        List<DueItem> due = InvoiceSchedule.dueBetween(cursor, now);
        for (DueItem item : due) {
            boolean before = earliest.isEmpty() || item.period().isBefore(BillingPeriod.containing(earliest.get()));
            if (!before) {
                if (item.kind() != InvoiceSchedule.Kind.ALERT) {
                    catalogSync.awaitCaughtUp();
                }
                if (!handleWaiting(item)) {
                    metrics.scheduleLag(now.getEpochSecond() - item.at().getEpochSecond());
                    return; // waits for the period's earlier attempt; retried next tick
                }
            }
            save(item.at());
        }
        save(now);
        metrics.scheduleLag(0);
    }

    /** Handles an item, waiting briefly for a running attempt to finish (a catch-up then needs fewer ticks). */
    private boolean handleWaiting(DueItem item) {
        for (int attempt = 0; attempt < 20; attempt++) {
            if (runService.handleDue(item)) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private void save(Instant upTo) {
        QuarkusTransaction.requiringNew().run(() -> runs.saveScheduleCursor(upTo));
        reported = upTo;
    }

    /** GET /admin/clock: the instant up to which billing has created runs and dispatched their tasks. */
    @Override
    public Instant reportedNow() {
        Instant value = reported;
        if (value == null) {
            value = QuarkusTransaction.requiringNew().call(() -> runs.scheduleCursor().orElse(null));
        }
        return value != null ? value : clock.now();
    }
}
