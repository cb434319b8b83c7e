package dev.nce.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.nce.contracts.events.BillingEvent;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventFamily;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionEvent;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every event of every family survives envelope -> JSON -> envelope -> typed event unchanged. */
class EventRoundTripTest {

    static Stream<Object[]> allEvents() {
        return Stream.of(
                        members(SubscriptionEvent.class, SubscriptionEvent.FAMILY),
                        members(BillingEvent.class, BillingEvent.FAMILY),
                        members(CatalogEvent.class, CatalogEvent.FAMILY))
                .flatMap(s -> s);
    }

    private static Stream<Object[]> members(Class<?> family, EventFamily<?> registry) {
        return Stream.of(family.getPermittedSubclasses())
                .filter(c -> !c.getSimpleName().startsWith("Unknown"))
                .map(c -> new Object[] {c.getSimpleName(), registry, sample(c)});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allEvents")
    void round_trips_through_json(String name, EventFamily<?> family, Object event) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.parse("2026-01-02T03:04:05Z"),
                Instant.parse("2022-01-14T09:30:00Z"), "cust-1", "sub-1", "system");
        String json = EventJson.write(envelope);
        EventEnvelope read = EventJson.readEnvelope(json);
        // JSON trees may differ in numeric node types (LongNode vs IntNode): compare the serialized form
        assertThat(EventJson.write(read)).isEqualTo(json);
        assertThat(read.eventId()).isEqualTo(envelope.eventId());
        assertThat(read.type()).isEqualTo(name);
        // recursive: a byte[] component (InvoiceIssued.pdf) compares by content
        assertThat(family.decode(read)).usingRecursiveComparison().isEqualTo(event);
    }

    @Test
    void every_family_member_is_registered() {
        assertThat(SubscriptionEvent.FAMILY.typeNames()).hasSize(SubscriptionEvent.class.getPermittedSubclasses().length - 1);
        assertThat(CatalogEvent.FAMILY.typeNames()).hasSize(CatalogEvent.class.getPermittedSubclasses().length - 1);
        assertThat(BillingEvent.FAMILY.typeNames()).hasSize(BillingEvent.class.getPermittedSubclasses().length - 1);
    }

    @Test
    void unknown_type_decodes_to_unknown_event_and_unknown_fields_are_ignored() {
        String json = "{\"eventId\":\"6f1c1c52-8d7e-4a7e-9b7a-0d3c7b7a7e01\",\"type\":\"SomethingNew\",\"version\":1,"
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"effectiveAt\":\"2026-01-01T00:00:00Z\",\"customerId\":\"c\","
                + "\"subjectId\":\"s\",\"actor\":\"system\",\"futureField\":42,\"payload\":{\"x\":1}}";
        SubscriptionEvent event = SubscriptionEvent.decode(EventJson.readEnvelope(json));
        assertThat(event).isInstanceOf(SubscriptionEvent.UnknownSubscriptionEvent.class);
        assertThat(((SubscriptionEvent.UnknownSubscriptionEvent) event).type()).isEqualTo("SomethingNew");
    }

    @Test
    void amounts_are_json_strings() {
        var issued = new BillingEvent.InvoiceIssued("i", "2022-03-000001", "c", "2022-03", LocalDate.parse("2022-04-01"),
                "AUD", new BigDecimal("14.85"), new BigDecimal("14.85"), 2);
        assertThat(EventJson.write(issued)).contains("\"total\":\"14.85\"");
    }

    // ---- sample values built from the record components, so a new field is covered automatically ----

    private static Object sample(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                return List.of(sample(p.getActualTypeArguments()[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return Map.of("M365_BUSINESS_PREMIUM", 5);
            }
            throw new IllegalArgumentException("no sample for " + type);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) return "x-" + Integer.toHexString(c.hashCode() & 0xff);
        if (c == int.class || c == Integer.class) return 3;
        if (c == long.class || c == Long.class) return 7L;
        if (c == boolean.class || c == Boolean.class) return true;
        if (c == BigDecimal.class) return new BigDecimal("12.34");
        if (c == byte[].class) return new byte[] {'%', 'P', 'D', 'F'};
        if (c == Instant.class) return Instant.parse("2022-03-12T00:00:00Z");
        if (c == LocalDate.class) return LocalDate.parse("2022-01-14");
        if (c.isEnum()) return c.getEnumConstants()[c.getEnumConstants().length - 1];
        if (JsonNode.class.isAssignableFrom(c)) return JsonNodeFactory.instance.objectNode().put("k", "v");
        if (c.isRecord()) {
            try {
                RecordComponent[] components = c.getRecordComponents();
                Object[] args = new Object[components.length];
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < components.length; i++) {
                    types[i] = components[i].getType();
                    args[i] = c == Plan.class ? null : sample(components[i].getGenericType());
                }
                if (c == Plan.class) {
                    return Plan.of(Term.P1Y, BillingFrequency.MONTHLY);
                }
                return c.getDeclaredConstructor(types).newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalArgumentException("no sample for " + c);
    }
}
