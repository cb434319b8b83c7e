package dev.nce.billing.domain;

import dev.nce.billing.domain.LedgerChange.AddCharge;
import dev.nce.billing.domain.LedgerChange.DropScheduled;
import dev.nce.billing.domain.LedgerChange.EndSegments;
import dev.nce.billing.domain.LedgerChange.RecordBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One customer's charge ledger held in memory, with the semantics of the persisted ledger (LedgerRepository.apply):
 * for what-if runs (issue 23) that must compute invoices with billing's own planner and builder without touching the
 * billing database. Charges keep insertion order, as the persisted ledger's ids do.
 */
public final class MemoryLedger implements LedgerView {

    private final List<Charge> charges = new ArrayList<>();
    private final Map<String, List<BatchCharge>> batches = new HashMap<>();
    private final Map<String, String> offerNames;

    public MemoryLedger(Map<String, String> offerNames) {
        this.offerNames = Map.copyOf(offerNames);
    }

    public void apply(LedgerChange change) {
        if (change instanceof EndSegments end) {
            // segments starting on or after the date vanish, the others end the day before (D6)
            charges.removeIf(c -> c.isSegment() && c.subscriptionId().equals(end.subscriptionId())
                    && !c.startDate().isBefore(end.from()));
            charges.replaceAll(c -> c.isSegment() && c.subscriptionId().equals(end.subscriptionId())
                    && !c.endDate().isBefore(end.from()) ? c.withEndDate(end.from().minusDays(1)) : c);
        } else if (change instanceof AddCharge add) {
            charges.add(add.charge());
        } else if (change instanceof DropScheduled drop) {
            charges.removeIf(c -> c.scheduled() && c.subscriptionId().equals(drop.subscriptionId())
                    && !c.startDate().isBefore(drop.from()));
        } else if (change instanceof RecordBatch batch) {
            batches.put(key(batch.subscriptionId(), batch.batchId()), List.copyOf(batch.pieces()));
        }
    }

    /** The charges that put a line on {@code period}'s invoice, in ledger order. */
    public List<Charge> chargesFor(BillingPeriod period) {
        return charges.stream().filter(c -> InvoiceBuilder.appliesTo(c, period)).toList();
    }

    @Override
    public List<BatchCharge> batchCharges(String subscriptionId, String batchId) {
        return batches.getOrDefault(key(subscriptionId, batchId), List.of());
    }

    @Override
    public Optional<String> offerName(String offerId) {
        return Optional.ofNullable(offerNames.get(offerId));
    }

    private static String key(String subscriptionId, String batchId) {
        return subscriptionId + "/" + batchId;
    }
}
