package dev.nce.notification.domain;

import java.time.Instant;

/** A seat batch as far as WINDOW_CLOSING cares: seats still in it and the end of its window (exclusive, D4). */
public record BatchFacts(String subscriptionId, String batchId, int remainingQuantity, Instant windowEnd) {}
