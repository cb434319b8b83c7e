package dev.nce.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * The envelope of every message on every topic (DESIGN.md section 5). {@code effectiveAt} is the business (platform
 * clock) instant, {@code occurredAt} the wall clock, {@code actor} the token subject or {@code system} for due work.
 * The payload stays JSON here; each family's {@code decode} turns it into its sealed type.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        int version,
        Instant occurredAt,
        Instant effectiveAt,
        String customerId,
        String subjectId,
        String actor,
        JsonNode payload) {

    public static final int CURRENT_VERSION = 1;

    /** Wraps a typed event; the type name is the record's simple class name. */
    public static EventEnvelope wrap(Object event, Instant occurredAt, Instant effectiveAt, String customerId,
                                     String subjectId, String actor) {
        return new EventEnvelope(UUID.randomUUID(), typeName(event), CURRENT_VERSION, occurredAt, effectiveAt,
                customerId, subjectId, actor, EventJson.mapper().valueToTree(event));
    }

    public static String typeName(Object event) {
        return event.getClass().getSimpleName();
    }

    /** Reads the payload as the given record type. */
    public <T> T payloadAs(Class<T> type) {
        try {
            return EventJson.mapper().treeToValue(payload, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("cannot read " + this.type + " payload: " + e.getOriginalMessage(), e);
        }
    }
}
