package dev.nce.billing.domain;

import dev.nce.billing.domain.LedgerChange.AddCharge;
import dev.nce.billing.domain.LedgerChange.DropScheduled;
import dev.nce.billing.domain.LedgerChange.EndSegments;
import dev.nce.billing.domain.LedgerChange.RecordBatch;
import dev.nce.contracts.events.SubscriptionEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A test ledger applying planner changes the way the database does. */
final class InMemoryLedger implements LedgerView {

    final List<Charge> charges = new ArrayList<>();
    final Map<String, List<BatchCharge>> batches = new HashMap<>();
    BillingPeriod firstOpen;
    boolean lastWasLate;

    InMemoryLedger apply(SubscriptionEvent event, Instant effectiveAt) {
        List<LedgerChange> changes = new LedgerPlanner(this).plan(event, effectiveAt);
        if (firstOpen != null) {
            LateEvents.Outcome outcome = LateEvents.rebook(changes, firstOpen, id -> charges.stream()
                    .filter(c -> c.isSegment() && c.subscriptionId().equals(id)).toList());
            changes = outcome.changes();
            lastWasLate = outcome.late();
        }
        for (LedgerChange change : changes) {
            if (change instanceof EndSegments end) {
                List<Charge> next = new ArrayList<>();
                for (Charge c : charges) {
                    if (c.isSegment() && c.subscriptionId().equals(end.subscriptionId())
                            && !c.endDate().isBefore(end.from())) {
                        if (c.startDate().isBefore(end.from())) {
                            next.add(c.withEndDate(end.from().minusDays(1)));
                        }
                    } else {
                        next.add(c);
                    }
                }
                charges.clear();
                charges.addAll(next);
            } else if (change instanceof AddCharge add) {
                charges.add(add.charge());
            } else if (change instanceof DropScheduled drop) {
                charges.removeIf(c -> c.scheduled() && c.subscriptionId().equals(drop.subscriptionId())
                        && !c.startDate().isBefore(drop.from()));
            } else if (change instanceof RecordBatch batch) {
                batches.put(batch.subscriptionId() + "/" + batch.batchId(), List.copyOf(batch.pieces()));
            }
        }
        return this;
    }

    InvoiceDraft invoice(String period, String billingCurrency, FxTable fx) {
        InvoiceBuilder.Result result = new InvoiceBuilder(RoundingPolicy.DEFAULT)
                .build("cust-1", BillingPeriod.parse(period, "period"), billingCurrency, charges, fx);
        if (result instanceof InvoiceBuilder.Built built) {
            return built.draft();
        }
        throw new AssertionError("missing FX: " + result);
    }

    InvoiceDraft invoice(String period) { return invoice(period, "USD", FxTable.empty()); }

    @Override
    public List<BatchCharge> batchCharges(String subscriptionId, String batchId) {
        return batches.getOrDefault(subscriptionId + "/" + batchId, List.of());
    }

    @Override
    public Optional<String> offerName(String offerId) { return Optional.empty(); }

    /** D22: imported term prices by offerId (any currency, term and date), as the catalog copy would give them. */
    final Map<String, TermPrice> termPrices = new HashMap<>();

    InMemoryLedger withTermPrice(String offerId, TermPrice price) {
        termPrices.put(offerId, price);
        return this;
    }

    @Override
    public Optional<TermPrice> termPrice(String offerId, String currency, dev.nce.contracts.Term term,
                                         dev.nce.contracts.BillingFrequency billing, java.time.LocalDate on) {
        return Optional.ofNullable(termPrices.get(offerId)).filter(t -> t.termMonths() == term.months());
    }
}
