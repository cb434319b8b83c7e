package dev.nce.billing.domain;

import java.time.LocalDate;

/** What a subscription event does to the charge ledger (effective-dated; the ledger is never read by wall time). */
public sealed interface LedgerChange {

    /** D6/BL-3: the subscription's segments end the day before {@code from} (those starting on or after it vanish). */
    record EndSegments(String subscriptionId, LocalDate from) implements LedgerChange {}

    record AddCharge(Charge charge) implements LedgerChange {}

    /** Future P3Y/ANNUAL term-year charges starting on or after {@code from} are dropped (they are regenerated). */
    record DropScheduled(String subscriptionId, LocalDate from) implements LedgerChange {}

    /**
     * Remembers which lines paid for a seat batch (BL-7): replaces the batch's pieces (several with a promotion,
     * R-K3/R-K7; updated seat counts after a credit).
     */
    record RecordBatch(String subscriptionId, String batchId, java.util.List<BatchCharge> pieces)
            implements LedgerChange {

        public RecordBatch(String subscriptionId, String batchId, BatchCharge paidBy) {
            this(subscriptionId, batchId, java.util.List.of(paidBy));
        }
    }
}
