package dev.nce.contracts.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/** Maps type names of one sealed family to their records; an unknown type decodes to the family's UnknownEvent. */
public final class EventFamily<E> {

    private final Map<String, Class<? extends E>> types = new LinkedHashMap<>();
    private final BiFunction<String, com.fasterxml.jackson.databind.JsonNode, E> unknown;

    public EventFamily(List<Class<? extends E>> members, BiFunction<String, com.fasterxml.jackson.databind.JsonNode, E> unknown) {
        for (Class<? extends E> member : members) {
            types.put(member.getSimpleName(), member);
        }
        this.unknown = unknown;
    }

    public E decode(EventEnvelope envelope) {
        Class<? extends E> type = types.get(envelope.type());
        if (type == null) {
            return unknown.apply(envelope.type(), envelope.payload());
        }
        return envelope.payloadAs(type);
    }

    public java.util.Set<String> typeNames() { return types.keySet(); }
}
