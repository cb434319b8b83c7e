package dev.nce.contracts.events;

import java.time.Instant;

/** A seat batch with its cancellation window [openedAt, windowEnd) (R-C3, D4). */
public record SeatBatchInfo(String batchId, int sequence, int quantity, Instant openedAt, Instant windowEnd) {}
