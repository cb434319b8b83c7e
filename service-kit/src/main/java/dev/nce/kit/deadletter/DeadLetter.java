package dev.nce.kit.deadletter;

import java.time.Instant;
import java.util.UUID;

/**
 * A record moved aside (issue 16): where it came from, why it failed and what an operator did with it. The payload is
 * kept in the store but not listed (it may be megabytes); {@code payloadBytes} tells its size.
 */
public record DeadLetter(UUID deadLetterId, Source source, String consumer, String topic, Integer partition,
                         Long offset, String key, String customerId, UUID eventId, String eventType, String error,
                         Status status, long payloadBytes, Instant createdAt, Instant closedAt, String closedBy) {

    public enum Source { CONSUMER, OUTBOX }

    public enum Status { OPEN, REPLAYED, RESOLVED }
}
