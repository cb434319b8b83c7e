package dev.nce.billing.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicLong;

/** Prometheus metrics of billing (DESIGN.md section 7): run throughput, task lag and duration, D12 alert, D18. */
@ApplicationScoped
public class BillingMetrics {

    @Inject
    MeterRegistry registry;

    private Counter tasksDone;
    private Counter invoicesCreated;
    private Counter invoicesIssued;
    private Counter lateEvents;
    private Counter alerts;
    private Timer taskDuration;
    private final AtomicLong pendingTasks = new AtomicLong();
    private final AtomicLong missingAtAlert = new AtomicLong();
    private final AtomicLong scheduleLagSeconds = new AtomicLong();

    @PostConstruct
    void init() {
        tasksDone = Counter.builder("billing_invoice_tasks_done_total").description("Invoice tasks completed")
                .register(registry);
        invoicesCreated = Counter.builder("billing_invoices_created_total")
                .description("Invoices built by workers").register(registry);
        invoicesIssued = Counter.builder("billing_invoices_issued_total")
                .description("Invoices numbered and issued (D21)").register(registry);
        lateEvents = Counter.builder("billing_late_events_total")
                .description("Events dated in an invoiced period, booked on the next invoice (D18)").register(registry);
        alerts = Counter.builder("billing_invoice_run_alerts_total")
                .description("D12 alerts: customers still without an invoice on the 4th").register(registry);
        taskDuration = Timer.builder("billing_invoice_task_duration").description("Time to build one invoice task")
                .publishPercentiles(0.5, 0.95).register(registry);
        Gauge.builder("billing_invoice_tasks_pending", pendingTasks, AtomicLong::get)
                .description("Invoice tasks dispatched and not yet done (worker lag)").register(registry);
        Gauge.builder("billing_invoice_run_missing_customers", missingAtAlert, AtomicLong::get)
                .description("D12: customers of the last alerted period still without an invoice on the 4th")
                .register(registry);
        Gauge.builder("billing_invoice_schedule_lag_seconds", scheduleLagSeconds, AtomicLong::get)
                .description("How far run creation is behind the platform clock").register(registry);
    }

    public void taskDone(long nanos, int invoices) {
        tasksDone.increment();
        invoicesCreated.increment(invoices);
        taskDuration.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void issued(int count) { invoicesIssued.increment(count); }

    public void lateEvent() { lateEvents.increment(); }

    public void alert(long missing) {
        missingAtAlert.set(missing);
        if (missing > 0) {
            alerts.increment();
        }
    }

    public void pendingTasks(long count) { pendingTasks.set(count); }

    public void scheduleLag(long seconds) { scheduleLagSeconds.set(Math.max(0, seconds)); }
}
