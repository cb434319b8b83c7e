package dev.nce.notification.support;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.testsupport.InProcessKafkaResource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes test events to the in-process broker as subscription-service, billing and catalog would. */
public final class Events implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public Events() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p);
    }

    /** A subscription event keyed by customerId, effective at {@code at}; returns the envelope sent. */
    public EventEnvelope subscription(String customerId, String subjectId, Object event, Instant at) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.now(), at, customerId, subjectId, "test");
        send(new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, customerId, EventJson.write(envelope)));
        return envelope;
    }

    /** Sends an envelope again (a redelivery: same eventId). */
    public void resend(EventEnvelope envelope) {
        send(new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, envelope.customerId(), EventJson.write(envelope)));
    }

    /** Watermark(upTo) to every partition, with an explicit partition (DESIGN.md section 3). */
    public void watermark(Instant upTo) {
        for (int p = 0; p < Topics.KEYED_PARTITIONS; p++) {
            watermark(upTo, p);
        }
    }

    public void watermark(Instant upTo, int partition) {
        EventEnvelope envelope = EventEnvelope.wrap(new SubscriptionEvent.Watermark(upTo, partition), Instant.now(), upTo,
                null, null, "system");
        send(new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, partition, "watermark", EventJson.write(envelope)));
    }

    public void invoice(String customerId, Object event, Instant at) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.now(), at, customerId, customerId, "system");
        send(new ProducerRecord<>(Topics.INVOICES, customerId, EventJson.write(envelope)));
    }

    public void catalog(String key, Object event, Instant at) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.now(), at, null, key, "admin");
        send(new ProducerRecord<>(Topics.CATALOG_OFFERS, key, EventJson.write(envelope)));
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("publish failed", e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    public static int partitionOf(String customerId) {
        return Topics.partitionFor(customerId, Topics.KEYED_PARTITIONS);
    }

    /**
     * A snapshot of a subscription's current term starting on {@code start}: endDate and renewalDate by D3, the notice
     * deadline by D7 (30 days, 7 for P1M), as subscription-service computes them.
     */
    public static SubscriptionSnapshot snapshot(String subscriptionId, String customerId, Term term, int quantity,
                                                SubscriptionStatus status, EndOfTermAction action, LocalDate start,
                                                Instant termStartAt) {
        return snapshot(subscriptionId, customerId, "CFQ7TTC0LF8Q:0001", term, quantity, status, action, start,
                termStartAt);
    }

    public static SubscriptionSnapshot snapshot(String subscriptionId, String customerId, String offerId, Term term,
                                                int quantity, SubscriptionStatus status, EndOfTermAction action,
                                                LocalDate start, Instant termStartAt) {
        LocalDate end = TermDates.endDate(start, term);
        LocalDate renewal = TermDates.renewalDate(end);
        LocalDate deadline = renewal.minusDays(term == Term.P1M ? 7 : 30);
        return new SubscriptionSnapshot(subscriptionId, customerId, offerId, "Microsoft 365 E3", null, term,
                BillingFrequency.MONTHLY, quantity, status, action == EndOfTermAction.RENEW, action, false,
                new BigDecimal("37.80"), "USD", new BigDecimal("37.80"), null, null, null, termStartAt, start, end, end,
                start, renewal, deadline, List.of(), false, null, null, 1);
    }
}
