package dev.nce.billing.domain;

import java.time.LocalDate;

/** What a subscription event does to the charge ledger (effective-dated; the ledger is never read by wall time). */
public sealed interface LedgerChange {

    /** D6/BL-3: the subscription's segments end the day before {@code from} (those starting on or after it vanish). */
    record EndSegments(String subscriptionId, LocalDate from) implements LedgerChange {}

    record AddCharge(Charge charge) implements LedgerChange {}

    /** Future P3Y/ANNUAL term-year charges starting on or after {@code from} are dropped (they are regenerated). */
    record DropScheduled(String subscriptionId, LocalDate from) implements LedgerChange {}

    /** Remembers which line paid for a seat batch (BL-7). */
    record RecordBatch(String subscriptionId, String batchId, BatchCharge paidBy) implements LedgerChange {}
}
