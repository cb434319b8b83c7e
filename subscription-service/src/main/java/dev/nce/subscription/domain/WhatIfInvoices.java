package dev.nce.subscription.domain;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.FxTable;
import dev.nce.billing.domain.InvoiceBuilder;
import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.LedgerChange;
import dev.nce.billing.domain.LedgerPlanner;
import dev.nce.billing.domain.MemoryLedger;
import dev.nce.billing.domain.RoundingPolicy;
import dev.nce.contracts.events.SubscriptionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The billing half of a what-if (issue 23): a customer's subscription events, in effective order, turned into invoices
 * by billing's own code (module billing-domain: LedgerPlanner, MemoryLedger, InvoiceBuilder, LineFormula, D1 rounding),
 * on a ledger held in memory, so nothing of billing's database is read or written. A period without lines has no
 * invoice (D18).
 */
public final class WhatIfInvoices {

    /** One subscription event and the platform instant it takes effect. */
    public record TimedEvent(SubscriptionEvent event, Instant effectiveAt) {}

    private WhatIfInvoices() {}

    /**
     * @param events every subscription event of the customer so far (history and hypothetical), oldest first
     * @param from   the first period to invoice
     * @param to     the last period to invoice (inclusive)
     */
    public static List<InvoiceDraft> invoices(String customerId, String billingCurrency, List<TimedEvent> events,
                                              Map<String, String> offerNames, BillingPeriod from, BillingPeriod to,
                                              FxTable fx, RoundingPolicy rounding) {
        MemoryLedger ledger = new MemoryLedger(offerNames);
        LedgerPlanner planner = new LedgerPlanner(ledger);
        for (TimedEvent e : events) {
            for (LedgerChange change : planner.plan(e.event(), e.effectiveAt())) {
                ledger.apply(change);
            }
        }
        InvoiceBuilder builder = new InvoiceBuilder(rounding);
        List<InvoiceDraft> drafts = new ArrayList<>();
        for (BillingPeriod p = from; !p.isAfter(to); p = p.next()) {
            InvoiceBuilder.Result result = builder.build(customerId, p, billingCurrency, ledger.chargesFor(p), fx);
            if (result instanceof InvoiceBuilder.MissingFxRate missing) {
                throw new IllegalStateException("no FX rate for " + missing.currency() + " on " + missing.on()
                        + " (D13): the " + p + " invoice cannot be computed");
            }
            InvoiceDraft draft = ((InvoiceBuilder.Built) result).draft();
            if (!draft.isEmpty()) {
                drafts.add(draft);
            }
        }
        return drafts;
    }
}
