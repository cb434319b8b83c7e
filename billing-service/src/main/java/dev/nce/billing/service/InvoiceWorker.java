package dev.nce.billing.service;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.Charge;
import dev.nce.billing.domain.FxTable;
import dev.nce.billing.domain.InvoiceBuilder;
import dev.nce.billing.persistence.CatalogRepository;
import dev.nce.billing.persistence.InvoiceStore;
import dev.nce.billing.persistence.InvoiceStore.NewInvoice;
import dev.nce.billing.persistence.InvoiceStore.TaskInputs;
import dev.nce.billing.persistence.RunRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import dev.nce.billing.domain.tax.InvoiceTaxing;
import dev.nce.billing.domain.tax.TaxedInvoice;
import dev.nce.billing.persistence.TaxStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Builds one task's invoices in one transaction (DESIGN.md section 4): claims the task row, reads its customers'
 * charges with one query, builds each invoice with the domain {@link InvoiceBuilder} (the same code as the preview),
 * writes them with multi-row inserts unique on (customer, period), marks the task done and, when it was the attempt's
 * last, numbers and issues the attempt's invoices. A redelivered task finds its row DONE and does nothing; a customer
 * already invoiced is skipped.
 */
@ApplicationScoped
public class InvoiceWorker {

    private static final Logger LOG = Logger.getLogger(InvoiceWorker.class);

    @Inject
    RunRepository runs;
    @Inject
    InvoiceStore invoices;
    @Inject
    CatalogRepository catalog;
    @Inject
    InvoiceRunService runService;
    @Inject
    BillingSettings settings;
    @Inject
    BillingMetrics metrics;
    @Inject
    TaxService tax;
    @Inject
    TaxStore taxStore;
    @Inject
    dev.nce.billing.persistence.InvoiceHold hold;

    @Transactional
    public int process(InvoiceTask task) {
        long started = System.nanoTime();
        Optional<String> status = runs.lockTask(task.runId(), task.attempt(), task.taskNo());
        if (status.isEmpty()) {
            LOG.warnf("unknown invoice task %s/%d/%d: ignored", task.runId(), task.attempt(), task.taskNo());
            return 0;
        }
        if ("DONE".equals(status.get())) {
            return 0; // redelivered: its invoices exist
        }
        BillingPeriod period = BillingPeriod.parse(task.period(), "period");
        long claimed = System.nanoTime();
        TaskInputs inputs = invoices.load(task.customerIds(), period);
        long loaded = System.nanoTime();
        FxTable fx = catalog.fxTable();
        InvoiceBuilder builder = new InvoiceBuilder(settings.rounding());
        List<NewInvoice> built = new ArrayList<>();
        TaxService.TaxInputs taxInputs = tax.inputs(task.customerIds());
        Map<UUID, TaxedInvoice> taxed = new HashMap<>();
        java.util.Set<String> held = hold.held(task.customerIds());
        for (String customerId : task.customerIds()) {
            List<Charge> charges = inputs.charges().getOrDefault(customerId, List.of());
            if (inputs.invoiced().contains(customerId) || charges.isEmpty()) {
                continue;
            }
            if (held.contains(customerId)) {
                // issue 16: a dead-lettered event of this customer; never invoice a ledger that may miss a charge
                LOG.warnf("customer %s has an open dead letter: its invoice for %s is held", customerId, period);
                continue;
            }
            String currency = InvoiceBuilder.billingCurrency(inputs.currencies().get(customerId), charges);
            InvoiceBuilder.Result result = builder.build(customerId, period, currency, charges, fx);
            if (result instanceof InvoiceBuilder.Built b && !b.draft().isEmpty()) {
                // D23/D24: tax and document facts as at the issue date; total = subtotal + tax
                InvoiceTaxing.Result withTax = tax.apply(taxInputs, b.draft(), task.issueDate());
                if (withTax instanceof InvoiceTaxing.Taxed t) {
                    UUID id = InvoiceStore.newInvoiceId();
                    built.add(new NewInvoice(id, t.invoice().draft(), task.issueDate()));
                    taxed.put(id, t.invoice());
                } else if (withTax instanceof InvoiceTaxing.MissingRate missing) {
                    LOG.warnf("no tax rate for %s in force on %s: customer %s gets no invoice for %s yet",
                            missing.missing().country(), missing.missing().on(), customerId, period);
                }
            } else if (result instanceof InvoiceBuilder.MissingFxRate missing) {
                // D13: never guessed; the customer stays missing until a rate exists (retry, alert on the 4th)
                LOG.warnf("no FX rate for %s in force on %s: customer %s gets no invoice for %s yet",
                        missing.currency(), missing.on(), customerId, period);
            }
        }
        long builtAt = System.nanoTime();
        int created = invoices.insert(built, task.runId(), task.attempt());
        taxStore.insert(taxed);
        long inserted = System.nanoTime();
        runs.markTaskDone(task.runId(), task.attempt(), task.taskNo(), created);
        runService.taskDone(task.runId(), task.attempt());
        long finished = System.nanoTime();
        metrics.taskDone(finished - started, created);
        if (LOG.isDebugEnabled()) {
            LOG.debugf("task %d/%d of %s: %d invoices; claim %d ms, load %d ms, build %d ms, insert %d ms, finish %d ms",
                    task.attempt(), task.taskNo(), task.period(), created, (claimed - started) / 1_000_000,
                    (loaded - claimed) / 1_000_000, (builtAt - loaded) / 1_000_000, (inserted - builtAt) / 1_000_000,
                    (finished - inserted) / 1_000_000);
        }
        return created;
    }
}
