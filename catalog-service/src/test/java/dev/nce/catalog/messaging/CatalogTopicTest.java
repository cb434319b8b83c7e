package dev.nce.catalog.messaging;

import static dev.nce.catalog.CatalogApi.admin;
import static dev.nce.catalog.CatalogApi.createE3;
import static dev.nce.catalog.CatalogApi.e3Body;
import static dev.nce.catalog.CatalogApi.put;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.catalog.CatalogApi;
import dev.nce.catalog.CatalogTestDatabase;
import dev.nce.contracts.Topics;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.testsupport.InProcessKafkaResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** With the real in-process broker: snapshots on the compacted catalog topic, and the watermark clock. */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class CatalogTopicTest {

    /** Reads the catalog topic from the start until {@code done} holds for the records of {@code key}. */
    static List<ConsumerRecord<String, String>> recordsOf(String key, Predicate<List<ConsumerRecord<String, String>>> done) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "catalog-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.CATALOG_OFFERS));
            long deadline = System.currentTimeMillis() + 30_000;
            while (System.currentTimeMillis() < deadline && !done.test(mine)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    if (key.equals(r.key())) {
                        mine.add(r);
                    }
                }
            }
        }
        return mine;
    }

    @Inject
    AgroalDataSource dataSource;

    /** Rows the outbox holds for a key: what was (or will be) published. */
    long outboxRows(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox WHERE msg_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static CatalogEvent decode(ConsumerRecord<String, String> record) {
        return CatalogEvent.decode(EventJson.readEnvelope(record.value()));
    }

    @Test
    void an_offer_change_arrives_on_the_compacted_topic_keyed_by_offer_id() throws Exception {
        String id = createE3();
        put(id, e3Body("Microsoft 365 E3 (renamed)")).then().statusCode(200).body("version", equalTo(2));
        List<ConsumerRecord<String, String>> records = recordsOf(id, list -> list.size() >= 2);
        assertThat(records).hasSize(2);
        assertThat(records.get(0).partition()).isEqualTo(Topics.partitionFor(id, Topics.CATALOG_PARTITIONS));
        EventEnvelope envelope = EventJson.readEnvelope(records.get(1).value());
        assertThat(envelope.type()).isEqualTo("OfferSnapshot");
        assertThat(envelope.subjectId()).isEqualTo(id);
        assertThat(envelope.customerId()).isNull();
        assertThat(envelope.actor()).isEqualTo("admin");
        assertThat(envelope.effectiveAt()).isNotNull();
        OfferData first = ((CatalogEvent.OfferSnapshot) decode(records.get(0))).offer();
        OfferData latest = ((CatalogEvent.OfferSnapshot) decode(records.get(1))).offer();
        assertThat(first.version()).isEqualTo(1);
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.name()).isEqualTo("Microsoft 365 E3 (renamed)");
        assertThat(latest.plans()).hasSize(6);
        assertThat(latest.prices()).hasSize(4);
        assertThat(latest.prices()).anySatisfy(p -> {
            assertThat(p.currency()).isEqualTo("USD");
            assertThat(p.effectiveFrom()).hasToString("2022-03-01");
            assertThat(p.basePrice()).isEqualByComparingTo("36.00");
            assertThat(p.p3yBasePrice()).isEqualByComparingTo("34.00");
        });
        // an identical PUT publishes nothing
        put(id, e3Body("Microsoft 365 E3 (renamed)")).then().statusCode(200).body("version", equalTo(2));
        assertThat(outboxRows(id)).isEqualTo(2);
        // the topic is compacted, so the latest record per key is the state
        try (Admin kafka = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Topics.CATALOG_OFFERS);
            String policy = kafka.describeConfigs(List.of(topic)).all().get(10, TimeUnit.SECONDS).get(topic)
                    .get("cleanup.policy").value();
            assertThat(policy).isEqualTo("compact");
        }
    }

    @Test
    void the_shipped_tiers_are_published_at_start_and_every_tier_change_publishes_all_tiers() {
        List<ConsumerRecord<String, String>> atStart = recordsOf(CatalogEvent.UPLIFT_TIERS_KEY, list -> !list.isEmpty());
        assertThat(atStart).isNotEmpty();
        assertThat(EventJson.readEnvelope(atStart.get(0).value()).actor()).isEqualTo("system");
        assertThat(((CatalogEvent.UpliftTiersSnapshot) decode(atStart.get(0))).tiers()).hasSizeGreaterThanOrEqualTo(5);
        String from = "2033-0" + (1 + (int) (Math.random() * 9)) + "-01";
        admin().contentType(ContentType.JSON)
                .body("{\"kind\":\"EXTENDED_SERVICE_TERM\",\"term\":null,\"billing\":null,\"basis\":\"P1M_RATE\",\"percent\":\"4\",\"effectiveFrom\":\"" + from + "\"}")
                .post("/v1/uplift-tiers").then().statusCode(201);
        List<ConsumerRecord<String, String>> records = recordsOf(CatalogEvent.UPLIFT_TIERS_KEY,
                list -> list.stream().anyMatch(r -> r.value().contains(from)));
        CatalogEvent.UpliftTiersSnapshot latest = (CatalogEvent.UpliftTiersSnapshot) decode(records.get(records.size() - 1));
        assertThat(latest.tiers()).anySatisfy(t -> {
            assertThat(t.effectiveFrom()).hasToString(from);
            assertThat(t.percent()).isEqualByComparingTo(new BigDecimal("4"));
        });
        assertThat(latest.tiers()).anySatisfy(t -> assertThat(t.percent()).isEqualByComparingTo("23"));
    }

    @Test
    void an_fx_change_publishes_all_rates() {
        String from = "2022-0" + (1 + (int) (Math.random() * 9)) + "-0" + (1 + (int) (Math.random() * 9));
        admin().contentType(ContentType.JSON).body("{\"rate\":\"1.3456\",\"effectiveFrom\":\"" + from + "\"}")
                .put("/v1/fx-rates/HKD").then().statusCode(201);
        List<ConsumerRecord<String, String>> records = recordsOf(CatalogEvent.FX_RATES_KEY,
                list -> list.stream().anyMatch(r -> r.value().contains(from)));
        CatalogEvent.FxRatesSnapshot latest = (CatalogEvent.FxRatesSnapshot) decode(records.get(records.size() - 1));
        assertThat(latest.rates()).anySatisfy(r -> {
            assertThat(r.currency()).isEqualTo("HKD");
            assertThat(r.rate()).isEqualByComparingTo("1.3456");
            assertThat(r.effectiveFrom()).hasToString(from);
        });
    }

    @Test
    void a_promotion_change_publishes_its_snapshot() {
        String e3 = createE3();
        String id = "PROMO-" + UUID.randomUUID().toString().substring(0, 8);
        admin().contentType(ContentType.JSON).body("""
                {"name":"Launch","offerIds":["%s"],"plans":[{"term":"P1Y","billing":"ANNUAL"}],
                 "discount":{"type":"PERCENT","value":"15"},"minSeats":null,"maxSeats":2400,
                 "acquireFrom":"2022-01-10","acquireUntil":"2022-03-31","autoApply":false}
                """.formatted(e3)).put("/v1/promotions/" + id).then().statusCode(201);
        List<ConsumerRecord<String, String>> records = recordsOf(CatalogEvent.promotionKey(id), list -> !list.isEmpty());
        assertThat(records).hasSize(1);
        CatalogEvent.PromotionSnapshot snapshot = (CatalogEvent.PromotionSnapshot) decode(records.get(0));
        assertThat(snapshot.promotion().offerIds()).containsExactly(e3);
        assertThat(snapshot.promotion().discountValue()).isEqualByComparingTo("15");
        assertThat(snapshot.promotion().maxSeats()).isEqualTo(2400);
        assertThat(snapshot.promotion().minSeats()).isNull();
        assertThat(snapshot.promotion().acquireUntil()).hasToString("2022-03-31");
    }

    /** DESIGN.md section 3: the catalog's now is the lowest watermark over every partition; other events are ignored. */
    @Test
    void the_clock_follows_the_watermarks_of_every_partition() throws Exception {
        Instant before = CatalogApi.now();
        Instant target = before.plus(3, ChronoUnit.DAYS);
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            // a subscription event and an unreadable record: not the catalog's business, skipped
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, 0, "cust-1", EventJson.write(EventEnvelope.wrap(
                    new SubscriptionEvent.SubscriptionSuspended(null), Instant.now(), target, "cust-1", "sub-1", "admin")))).get();
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, 0, "cust-1", "not json")).get();
            for (int p = 0; p < Topics.KEYED_PARTITIONS - 1; p++) {
                producer.send(watermark(target, p)).get();
            }
            Thread.sleep(1500);
            // one partition without a watermark: the clock stays
            assertThat(CatalogApi.now()).isEqualTo(before);
            producer.send(watermark(target, Topics.KEYED_PARTITIONS - 1)).get();
            // a redelivery of an earlier watermark never moves the clock back
            producer.send(watermark(before, 0)).get();
        }
        await().atMost(20, TimeUnit.SECONDS).until(() -> CatalogApi.now().equals(target));
        admin().get("/admin/clock").then().body("mode", equalTo("SIMULATED")).body("now", equalTo(target.toString()));
        // at defaults to the new now
        String e3 = createE3();
        admin().queryParam("term", "P1Y").queryParam("billing", "ANNUAL").get("/v1/offers/" + e3 + "/price")
                .then().statusCode(200).body("at", equalTo(target.toString()));
    }

    static ProducerRecord<String, String> watermark(Instant upTo, int partition) {
        EventEnvelope envelope = EventEnvelope.wrap(new SubscriptionEvent.Watermark(upTo, partition), Instant.now(),
                upTo, null, null, "system");
        return new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, partition, "watermark", EventJson.write(envelope));
    }
}
