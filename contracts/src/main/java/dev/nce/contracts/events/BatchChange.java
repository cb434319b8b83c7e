package dev.nce.contracts.events;

import java.time.Instant;

/** Seats added to or removed from one batch by a quantity change; windowEnd is set on added batches. */
public record BatchChange(String batchId, int quantity, Instant windowEnd) {}
