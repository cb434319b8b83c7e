package dev.nce.subscription.messaging;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.contracts.Topics;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * End to end with the real (in-process) broker: the clock advances across a renewal, an expiry and an EST month, and
 * the events arrive on nce.subscription.events.v1 keyed by customerId, in order, followed by Watermark(to) on every
 * partition. The catalog offers topic feeds the local offer copy.
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(6)
class EventFlowBrokerTest {

    static final String OFFER = "CFQ7TTC0FLOW:0001";

    static {
        FakeCatalog.register(OFFER, "20.00", "19.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
    }

    @Inject
    EntityManager em;

    static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "flow-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(props);
    }

    @Test
    void renewal_expiry_and_est_month_arrive_in_order_then_watermarks() {
        Instant start = Api.advanceTo("2027-01-01T00:00:00Z");
        String customer = Api.customer("Flow");
        String renews = Api.buy(customer, OFFER, "P1M", "MONTHLY", 3);
        String expires = Api.buy(customer, OFFER, "P1M", "MONTHLY", 2);
        String est = Api.buy(customer, OFFER, "P1M", "MONTHLY", 5);
        Api.patch(expires, "{\"endOfTermAction\":\"CANCEL\"}").then().statusCode(200);
        admin().post("/v1/subscriptions/" + expires + "/suspend").then().statusCode(200);
        Api.patch(est, "{\"autoRenew\":false}").then().statusCode(200);
        String to = "2027-02-02T00:00:00Z";
        json().body("{\"to\":\"" + to + "\"}").post("/admin/clock/advance").then().statusCode(200).body("now", equalTo(to));

        List<EventEnvelope> mine = new ArrayList<>();
        Map<Integer, Instant> watermarks = new HashMap<>();
        int customerPartition = Topics.partitionFor(customer, Topics.KEYED_PARTITIONS);
        List<String> partitionOrder = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.SUBSCRIPTION_EVENTS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && watermarks.size() < Topics.KEYED_PARTITIONS) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope e = EventJson.readEnvelope(r.value());
                    if (customer.equals(r.key())) {
                        assertThat(r.partition()).isEqualTo(customerPartition);
                        mine.add(e);
                        partitionOrder.add(e.type());
                    }
                    if (SubscriptionEvent.decode(e) instanceof SubscriptionEvent.Watermark w
                            && w.upTo().equals(Instant.parse(to))) {
                        assertThat(r.partition()).isEqualTo(w.partition());
                        watermarks.put(r.partition(), w.upTo());
                        if (r.partition() == customerPartition) {
                            partitionOrder.add("Watermark");
                        }
                    }
                }
            }
        }
        assertThat(watermarks).hasSize(Topics.KEYED_PARTITIONS);
        // every event of the customer precedes the watermark on its partition
        assertThat(partitionOrder.get(partitionOrder.size() - 1)).isEqualTo("Watermark");
        List<String> types = mine.stream().map(EventEnvelope::type).toList();
        assertThat(types).containsExactly("CustomerCreated", "SubscriptionCreated", "SubscriptionCreated",
                "SubscriptionCreated", "EndOfTermActionChanged", "SubscriptionSuspended", "EndOfTermActionChanged",
                // 2027-02-01T00:00Z: every term ends; events at one instant in subscription id order
                "SubscriptionRenewed", "SubscriptionExpired", "ExtendedTermStarted");
        EventEnvelope renewed = mine.get(7);
        assertThat(renewed.effectiveAt()).isEqualTo(Instant.parse("2027-02-01T00:00:00Z"));
        assertThat(renewed.actor()).isEqualTo("system");
        var renewal = (SubscriptionEvent.SubscriptionRenewed) SubscriptionEvent.decode(renewed);
        assertThat(renewal.subscription().subscriptionId()).isEqualTo(renews);
        assertThat(renewal.subscription().unitPrice()).isEqualByComparingTo("24.00");
        assertThat(renewal.subscription().startDate()).hasToString("2027-02-01");
        assertThat(renewal.subscription().noticeDeadline()).hasToString("2027-02-22");
        assertThat(renewal.batch().windowEnd()).isEqualTo(Instant.parse("2027-02-08T00:00:00Z"));
        var expired = (SubscriptionEvent.SubscriptionExpired) SubscriptionEvent.decode(mine.get(8));
        assertThat(expired.subscription().subscriptionId()).isEqualTo(expires);
        assertThat(expired.endedTerm().endDate()).hasToString("2027-01-31");
        var estStart = (SubscriptionEvent.ExtendedTermStarted) SubscriptionEvent.decode(mine.get(9));
        assertThat(estStart.subscription().subscriptionId()).isEqualTo(est);
        // D17: HALF_UP(P1M 24.00 x 1.03)
        assertThat(estStart.unitPrice()).isEqualByComparingTo("24.72");
        assertThat(estStart.monthStart()).hasToString("2027-02-01");
        assertThat(estStart.monthEnd()).hasToString("2027-02-28");
        assertThat(estStart.subscription().inExtendedServiceTerm()).isTrue();
        var estChanged = (SubscriptionEvent.EndOfTermActionChanged) SubscriptionEvent.decode(mine.get(6));
        assertThat(estChanged.estUnitPrice()).isEqualByComparingTo("24.72");
        assertThat(start).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    }

    @Transactional
    boolean processed(UUID eventId) {
        return !em.createNativeQuery("SELECT 1 FROM processed_event WHERE event_id = ?1").setParameter(1, eventId)
                .getResultList().isEmpty();
    }

    @Transactional
    Boolean offerRenewable(String offerId) {
        List<?> rows = em.createNativeQuery("SELECT renewable FROM offer WHERE offer_id = ?1").setParameter(1, offerId)
                .getResultList();
        return rows.isEmpty() ? null : (Boolean) rows.get(0);
    }

    @Test
    void the_catalog_topic_feeds_the_local_offer_copy_idempotently() {
        OfferData offer = new OfferData("CFQ7TTC0TOPC:0001", "Topic offer", "Test", List.of(), List.of(), null, false,
                true, false, List.of(), 3);
        EventEnvelope envelope = EventEnvelope.wrap(new CatalogEvent.OfferSnapshot(offer), Instant.now(), Instant.now(),
                null, offer.offerId(), "catalog");
        OfferData older = new OfferData(offer.offerId(), "Older", "Test", List.of(), List.of(), null, true, true, false,
                List.of(), 2);
        EventEnvelope stale = EventEnvelope.wrap(new CatalogEvent.OfferSnapshot(older), Instant.now(), Instant.now(),
                null, offer.offerId(), "catalog");
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.CATALOG_OFFERS, offer.offerId(), EventJson.write(envelope)));
            producer.send(new ProducerRecord<>(Topics.CATALOG_OFFERS, offer.offerId(), EventJson.write(envelope)));
            producer.send(new ProducerRecord<>(Topics.CATALOG_OFFERS, offer.offerId(), EventJson.write(stale)));
            producer.flush();
        }
        // records of one key are consumed in order: once the stale one is claimed, all three were processed
        await().atMost(Duration.ofSeconds(30)).until(() -> processed(stale.eventId()));
        // the redelivery is skipped and the older version does not overwrite the newer one
        assertThat(offerRenewable(offer.offerId())).isFalse();
    }
}
