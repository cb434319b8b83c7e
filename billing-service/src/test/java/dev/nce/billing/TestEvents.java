package dev.nce.billing;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.Topics;
import dev.nce.contracts.catalog.FxRate;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.testsupport.InProcessKafkaResource;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Publishes what subscription-service and catalog-service would, to the real in-process broker. */
public final class TestEvents {

    private static KafkaProducer<String, String> producer;

    private TestEvents() {}

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers());
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            producer = new KafkaProducer<>(props);
        }
        return producer;
    }

    /** A subscription event keyed by customerId, effective at {@code effectiveAt}. */
    public static EventEnvelope publish(String customerId, String subjectId, Object event, Instant effectiveAt) {
        EventEnvelope envelope = EventEnvelope.wrap(event, Instant.now(), effectiveAt, customerId, subjectId, "test");
        send(Topics.SUBSCRIPTION_EVENTS, null, customerId, EventJson.write(envelope));
        return envelope;
    }

    public static void send(String topic, Integer partition, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, partition, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Watermark(upTo) to every partition, with an explicit partition (DESIGN.md section 3). */
    public static void watermark(Instant upTo) {
        for (int p = 0; p < Topics.KEYED_PARTITIONS; p++) {
            EventEnvelope envelope = EventEnvelope.wrap(new SubscriptionEvent.Watermark(upTo, p), Instant.now(), upTo,
                    null, null, "system");
            send(Topics.SUBSCRIPTION_EVENTS, p, "watermark", EventJson.write(envelope));
        }
    }

    public static void fxRates(FxRate... rates) {
        EventEnvelope envelope = EventEnvelope.wrap(new CatalogEvent.FxRatesSnapshot(List.of(rates)), Instant.now(),
                Instant.now(), null, CatalogEvent.FX_RATES_KEY, "catalog");
        send(Topics.CATALOG_OFFERS, null, CatalogEvent.FX_RATES_KEY, EventJson.write(envelope));
    }

    public static FxRate rate(String currency, String rate, String from) {
        return new FxRate(currency, new BigDecimal(rate), LocalDate.parse(from));
    }

    public static void customer(String customerId, String currency) {
        publish(customerId, customerId, new SubscriptionEvent.CustomerCreated(customerId, "Customer " + customerId,
                currency, customerId + "@example.com", Map.of()), Instant.parse("2022-01-01T00:00:00Z"));
    }

    /** A monthly-billed or upfront purchase on {@code start} (D3 dates), with its first batch. */
    public static SubscriptionSnapshot purchase(String customerId, String subscriptionId, Term term,
                                                BillingFrequency billing, int quantity, String price, String currency,
                                                String start) {
        SubscriptionSnapshot s = snapshot(customerId, subscriptionId, term, billing, quantity, price, currency, start);
        Instant at = TermDates.startOfDay(s.startDate()).plusSeconds(9 * 3600);
        publish(customerId, subscriptionId, new SubscriptionEvent.SubscriptionCreated(s,
                new SeatBatchInfo(subscriptionId + "-b1", 1, quantity, at, at.plusSeconds(168 * 3600)), "PURCHASE",
                null), at);
        return s;
    }

    public static void quantityChanged(SubscriptionSnapshot before, int newQuantity, Instant at) {
        SubscriptionSnapshot after = withQuantity(before, newQuantity);
        List<BatchChange> added = newQuantity > before.quantity()
                ? List.of(new BatchChange(UUID.randomUUID().toString(), newQuantity - before.quantity(),
                at.plusSeconds(168 * 3600))) : List.of();
        List<BatchChange> reduced = newQuantity < before.quantity()
                ? List.of(new BatchChange(before.subscriptionId() + "-b1", before.quantity() - newQuantity, null))
                : List.of();
        publish(before.customerId(), before.subscriptionId(), new SubscriptionEvent.QuantityChanged(after,
                before.quantity(), newQuantity, added, reduced), at);
    }

    public static SubscriptionSnapshot snapshot(String customerId, String subscriptionId, Term term,
                                                BillingFrequency billing, int quantity, String price, String currency,
                                                String start) {
        LocalDate startDate = LocalDate.parse(start);
        LocalDate end = TermDates.endDate(startDate, term);
        return new SubscriptionSnapshot(subscriptionId, customerId, "CFQ7TTC0LF8Q:0001", "Microsoft 365 E3", null,
                term, billing, quantity, SubscriptionStatus.ACTIVE, true, EndOfTermAction.RENEW, false,
                new BigDecimal(price), currency, null, null, null, null, TermDates.startOfDay(startDate), startDate, end, end,
                startDate, end.plusDays(1), end.plusDays(1).minusDays(30), List.of(), false, null, null, 1L);
    }

    static SubscriptionSnapshot withQuantity(SubscriptionSnapshot s, int quantity) {
        return new SubscriptionSnapshot(s.subscriptionId(), s.customerId(), s.offerId(), s.offerName(), s.capGroup(),
                s.term(), s.billing(), quantity, s.status(), s.autoRenew(), s.endOfTermAction(),
                s.inExtendedServiceTerm(), s.unitPrice(), s.currency(), s.listUnitPrice(), s.promotionId(),
                s.discountUntil(), s.promotionMaxSeats(), s.termStartAt(), s.startDate(), s.endDate(), s.chargePeriodEndDate(),
                s.originalStartDate(), s.renewalDate(), s.noticeDeadline(), s.termYearStarts(), s.trial(),
                s.trialEndsAt(), s.parentSubscriptionId(), s.version() + 1);
    }
}
