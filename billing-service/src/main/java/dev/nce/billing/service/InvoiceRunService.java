package dev.nce.billing.service;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.InvoiceSchedule;
import dev.nce.billing.domain.InvoiceSchedule.DueItem;
import dev.nce.billing.persistence.InvoiceStore;
import dev.nce.billing.persistence.RunRepository;
import dev.nce.billing.persistence.RunRepository.RunRow;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Topics;
import dev.nce.contracts.events.BillingEvent.InvoiceIssued;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.kit.consumer.WatermarkStore;
import dev.nce.kit.consumer.WatermarkTracker;
import dev.nce.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Invoice runs (D12, D19, D21; DESIGN.md section 4): one run per period, created by the schedule or a request once the
 * period is closed; its customers are split by key partition into tasks that go out through the outbox once that
 * partition's watermark passed the month's end; when an attempt's last task is done its new invoices are numbered in
 * customerId order and their InvoiceIssued events written. Retries on the 2nd and 3rd (and a request after the 3rd)
 * re-issue tasks for customers still without an invoice.
 */
@ApplicationScoped
public class InvoiceRunService {

    private static final Logger LOG = Logger.getLogger(InvoiceRunService.class);
    private static final int ISSUED_EVENTS_PER_STATEMENT = 2000;

    @Inject
    dev.nce.billing.rest.IssuedInvoicePdfs pdfs;
    @Inject
    RunRepository runs;
    @Inject
    InvoiceStore invoices;
    @Inject
    OutboxWriter outbox;
    @Inject
    PlatformClock clock;
    @Inject
    WatermarkStore watermarkStore;
    @Inject
    WatermarkTracker tracker;
    @Inject
    BillingSettings settings;
    @Inject
    BillingMetrics metrics;

    public record Started(RunRow run, boolean created) {}

    /** POST /v1/invoice-runs: starts the run of a closed period, or answers the existing one. */
    @Transactional
    public Started startByRequest(BillingPeriod period) {
        runs.lockRunsExclusive();
        Instant now = clock.now();
        Optional<RunRow> existing = runs.byPeriod(period);
        if (existing.isPresent()) {
            RunRow run = existing.get();
            Instant afterThird = period.next().firstDay().plusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!run.running() && !now.isBefore(afterThird) && runs.missingCount(run.runId(), period) > 0) {
                // D19: a request after the 3rd re-issues tasks for the missing customers, issued with today's date
                startAttempt(run, InvoiceSchedule.manualIssueDate(period, now), null);
            }
            return new Started(runs.byId(run.runId()).orElseThrow(), false);
        }
        Instant watermark = tracker.completeUpTo().orElse(null);
        if (!InvoiceSchedule.isClosed(period, watermark)) {
            throw new RuleViolation(ErrorCode.PERIOD_NOT_CLOSED, "D12", "period " + period
                    + " is not closed: billing has seen subscription events up to "
                    + (watermark == null ? "no watermark yet" : watermark.toString()) + ", the period ends at "
                    + period.endInstant());
        }
        RunRow run = create(period, InvoiceSchedule.manualIssueDate(period, now), now, "REQUEST");
        return new Started(run, true);
    }

    /** One item of the schedule; true when it is done and the schedule may move past it. */
    @Transactional
    public boolean handleDue(DueItem item) {
        runs.lockRunsExclusive();
        Optional<RunRow> found = runs.byPeriod(item.period());
        switch (item.kind()) {
            case RUN -> {
                if (found.isEmpty()) {
                    if (!runs.anyChargesIn(item.period())) {
                        return true; // nobody has a line in this month: no run
                    }
                    create(item.period(), item.issueDate(), item.at(), "SCHEDULE");
                } else {
                    dispatchReady(found.get());
                }
                return allDispatched(item.period());
            }
            case RETRY -> {
                if (found.isEmpty()) {
                    return true;
                }
                RunRow run = found.get();
                if (item.at().equals(run.attemptDueAt())) {
                    dispatchReady(run); // this retry started the current attempt
                    return allDispatched(item.period());
                }
                if (run.running()) {
                    return false; // the earlier attempt is still running: retry after it (deterministic catch-up)
                }
                if (runs.missingCount(run.runId(), item.period()) == 0) {
                    return true;
                }
                startAttempt(run, item.issueDate(), item.at());
                return allDispatched(item.period());
            }
            default -> {
                if (found.isEmpty()) {
                    return true;
                }
                RunRow run = found.get();
                if (run.running()) {
                    return false;
                }
                long missing = runs.missingCount(run.runId(), item.period());
                runs.recordAlert(run.runId(), missing);
                metrics.alert(missing);
                if (missing > 0) {
                    LOG.warnf("D12 alert: %d customers still without an invoice for %s on the 4th (run %s)", missing,
                            item.period(), run.runId());
                }
                return true;
            }
        }
    }

    /** Dispatches partitions whose watermark has passed since, and completes attempts whose tasks are all done. */
    @Transactional
    public void progressRunning() {
        List<RunRow> running = runs.running();
        if (!running.isEmpty()) {
            runs.lockRunsExclusive();
            for (RunRow run : runs.running()) {
                dispatchReady(run);
            }
        }
        metrics.pendingTasks(runs.pendingTasks());
    }

    /** A worker finished a task of this attempt (in the worker's transaction). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void taskDone(UUID runId, int attempt) {
        runs.incrementTasksDone(runId, attempt).ifPresent(this::completeIfDone);
    }

    // ---------------------------------------------------------------------------------------------------------------

    private RunRow create(BillingPeriod period, java.time.LocalDate issueDate, Instant dueAt, String createdBy) {
        UUID runId = UUID.randomUUID();
        runs.insert(runId, period, issueDate, dueAt, dueAt, createdBy); // startedAt: the run instant (D19)
        int customers = runs.insertCustomers(runId, period);
        LOG.infof("invoice run %s for %s: %d customers, issue date %s", runId, period, customers, issueDate);
        dispatchReady(runs.byId(runId).orElseThrow());
        return runs.byId(runId).orElseThrow();
    }

    private void startAttempt(RunRow run, java.time.LocalDate issueDate, Instant dueAt) {
        runs.startAttempt(run.runId(), run.attempt() + 1, issueDate, dueAt);
        LOG.infof("invoice run %s for %s: attempt %d, issue date %s", run.runId(), run.period(), run.attempt() + 1,
                issueDate);
        dispatchReady(runs.byId(run.runId()).orElseThrow());
    }

    private boolean allDispatched(BillingPeriod period) {
        RunRow run = runs.byPeriod(period).orElseThrow();
        return !run.running() || run.dispatchedPartitions().size() == Topics.KEYED_PARTITIONS;
    }

    /**
     * Writes the tasks of every partition whose watermark has passed the period's end (DESIGN.md section 3: a month of
     * a customer is invoiceable when its partition's watermark is past it), in customerId order, chunked.
     */
    private void dispatchReady(RunRow run) {
        if (!run.running()) {
            return;
        }
        Map<Integer, Instant> marks = watermarkStore.all(Topics.SUBSCRIPTION_EVENTS);
        Map<Integer, List<String>> uninvoiced = null;
        int taskNo = run.tasksTotal();
        Instant effectiveAt = run.attemptDueAt() != null ? run.attemptDueAt() : clock.now();
        List<OutboxWriter.Entry> messages = new java.util.ArrayList<>();
        for (int partition = 0; partition < Topics.KEYED_PARTITIONS; partition++) {
            if (run.dispatchedPartitions().contains(partition)) {
                continue;
            }
            if (uninvoiced == null) {
                uninvoiced = runs.uninvoicedCustomersByPartition(run.runId(), run.period());
            }
            List<String> customers = uninvoiced.getOrDefault(partition, List.of());
            if (!customers.isEmpty() && !InvoiceSchedule.isClosed(run.period(), marks.get(partition))) {
                continue;
            }
            List<List<String>> chunks = RunRepository.chunks(customers, settings.taskSize());
            runs.insertTasks(run.runId(), run.attempt(), taskNo + 1, partition, chunks);
            for (List<String> chunk : chunks) {
                taskNo++;
                messages.add(new OutboxWriter.Entry(chunk.get(0), new InvoiceTask(run.runId(), run.period().toString(),
                        run.attempt(), taskNo, partition, run.issueDate(), chunk), chunk.get(0),
                        run.runId().toString()));
            }
            runs.markDispatched(run.runId(), partition, chunks.size());
        }
        outbox.appendAll(Topics.INVOICE_TASKS, messages, effectiveAt, "system");
        runs.lockById(run.runId()).ifPresent(this::completeIfDone);
    }

    /** D21: when every task of the attempt is done, number its new invoices and issue them. */
    private void completeIfDone(RunRow run) {
        if (!run.running() || run.dispatchedPartitions().size() < Topics.KEYED_PARTITIONS
                || run.tasksDone() < run.tasksTotal()) {
            return;
        }
        long started = System.nanoTime();
        List<InvoiceStore.Numbered> numbered = invoices.numberNewInvoices(run.period());
        long numberedAt = System.nanoTime();
        Instant effectiveAt = run.attemptDueAt() != null ? run.attemptDueAt() : clock.now();
        List<OutboxWriter.Entry> events = new java.util.ArrayList<>(numbered.size());
        java.util.Set<String> emailed = pdfs.known(numbered.stream().map(InvoiceStore.Numbered::customerId).toList());
        for (InvoiceStore.Numbered n : numbered) {
            // issue 18: due date, tax and the PDF as issued, for customers that are e-mailed
            var issued = emailed.contains(n.customerId()) ? pdfs.render(n.invoiceId())
                    : java.util.Optional.<dev.nce.billing.rest.IssuedInvoicePdfs.Issued>empty();
            events.add(new OutboxWriter.Entry(n.customerId(), new InvoiceIssued(n.invoiceId().toString(),
                    n.invoiceNumber(), n.customerId(), run.period().toString(), n.issueDate(), n.currency(),
                    n.subtotal(), n.total(), n.lineCount(), issued.map(i -> i.dueDate()).orElse(null),
                    issued.map(i -> i.taxTotal()).orElse(null), issued.map(i -> i.pdf()).orElse(null)),
                    n.customerId(), n.invoiceId().toString()));
        }
        // in number order, a few thousand per statement (bounded memory for runs of 100k invoices)
        for (int from = 0; from < events.size(); from += ISSUED_EVENTS_PER_STATEMENT) {
            outbox.appendAll(Topics.INVOICES, events.subList(from,
                    Math.min(events.size(), from + ISSUED_EVENTS_PER_STATEMENT)), effectiveAt, "system");
        }
        runs.complete(run.runId(), clock.now());
        metrics.issued(numbered.size());
        LOG.infof("invoice run %s for %s: attempt %d completed, %d invoices issued (numbered in %d ms, events in %d ms)",
                run.runId(), run.period(), run.attempt(), numbered.size(), (numberedAt - started) / 1_000_000,
                (System.nanoTime() - numberedAt) / 1_000_000);
    }
}
