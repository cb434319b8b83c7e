package dev.nce.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.stack.Service;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 6 over the real broker: a partial upgrade (R-I4, R-I6 with D18 for monthly plans) and a trial that converts
 * at its end with auto-renew on (R-J2, D15), checked on the subscription events topic itself (a plain KafkaConsumer
 * reading {@link Topics#SUBSCRIPTION_EVENTS}, key = customerId, so one customer's events are in order) and in the
 * invoices billing derives from them. Offers: source 10.00 -> P1Y/MONTHLY 10.50, target 20.00 -> 21.00, trial offer
 * 8.00 -> 8.40 (R-A4: 5 % from 2025-04-01).
 */
@Order(50)
@ExtendWith({E2EStack.class, WallTime.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeAndTrialEventsJourneyTest {

    static final String SOURCE_OFFER = "E2EUPGRADE:0001";
    static final String TARGET_OFFER = "E2EUPGRADE:0002";
    static final String TRIAL_OFFER = "E2ETRIAL:0001";
    static String upgrader, trialCustomer, source, child, trial;
    static String upfrontUpgrader, upfrontSource, upfrontChild;
    static final Map<String, String> roleOf = new HashMap<>();
    @Test
    @Order(1)
    void purchase_and_trial_on_the_second_of_november() {
        Instant purchase = Instant.parse("2026-11-02T00:00:00Z");
        assertThat(Api.clockNow(Service.SUBSCRIPTION)).isBeforeOrEqualTo(purchase);
        // the source offer has no cap group (uncapped, D9) and upgrades into a capped one
        Journeys.offer(TARGET_OFFER, "E2E Upgrade Target", List.of("P1Y/MONTHLY", "P1Y/ANNUAL"), Map.of("USD", "20.00"), null, false,
                List.of(), "E2E_UPGRADE_TARGET");
        Journeys.offer(SOURCE_OFFER, "E2E Upgrade Source", List.of("P1Y/MONTHLY", "P1Y/ANNUAL"), Map.of("USD", "10.00"), null, false,
                List.of(TARGET_OFFER), null);
        Journeys.offer(TRIAL_OFFER, "E2E Trial", List.of("P1M/MONTHLY", "P1Y/MONTHLY"), Map.of("USD", "8.00"), null, true,
                List.of(), null);
        upgrader = Journeys.customer("Upgrade Events Ltd", "USD");
        upfrontUpgrader = Journeys.customer("Upfront Upgrade Ltd", "USD");
        trialCustomer = Journeys.customer("Trial Events Ltd", "USD");
        Journeys.advance(purchase);
        JsonPath bought = Journeys.purchase(upgrader, SOURCE_OFFER, "P1Y", "MONTHLY", 10);
        assertThat(bought.getString("unitPrice")).isEqualTo("10.50");
        assertThat(bought.getString("endDate")).isEqualTo("2027-11-01");
        source = bought.getString("subscriptionId");
        roleOf.put(source, "source");
        JsonPath annual = Journeys.purchase(upfrontUpgrader, SOURCE_OFFER, "P1Y", "ANNUAL", 10);
        assertThat(annual.getString("unitPrice")).isEqualTo("10.00");
        upfrontSource = annual.getString("subscriptionId");
        roleOf.put(upfrontSource, "upfrontSource");

        Journeys.advance(Instant.parse("2026-11-02T10:00:00Z"));
        JsonPath t = Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON).body(Map.of("offerId", TRIAL_OFFER))
                .when().post("/v1/customers/" + trialCustomer + "/trials").then().statusCode(201).extract().jsonPath();
        assertThat(t.getBoolean("trial")).isTrue();
        assertThat(t.getInt("quantity")).isEqualTo(25);
        assertThat(t.getString("unitPrice")).isEqualTo("0.00");
        assertThat(t.getString("trialEndsAt")).isEqualTo("2026-12-02T10:00:00Z");   // D15: 30 x 24 h
        assertThat(t.getBoolean("autoRenew")).isTrue();
        trial = t.getString("subscriptionId");
        roleOf.put(trial, "trial");
    }

    /** R-I4: 4 of 10 seats move to a new subscription with the source's end date; the source keeps 6. */
    @Test
    @Order(2)
    void partial_upgrade_on_the_twelfth() {
        Journeys.advance(Instant.parse("2026-11-12T00:00:00Z"));
        JsonPath up = Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON)
                .body(Map.of("targetOfferId", TARGET_OFFER, "quantity", 4))
                .when().post("/v1/subscriptions/" + source + "/upgrades").then().statusCode(200).extract().jsonPath();
        assertThat(up.getString("source.subscriptionId")).isEqualTo(source);
        assertThat(up.getInt("source.quantity")).isEqualTo(6);
        child = up.getString("target.subscriptionId");
        assertThat(child).isNotEqualTo(source);
        roleOf.put(child, "child");
        assertThat(up.getString("target.offerId")).isEqualTo(TARGET_OFFER);
        assertThat(up.getInt("target.quantity")).isEqualTo(4);
        assertThat(up.getString("target.parentSubscriptionId")).isEqualTo(source);
        assertThat(up.getString("target.endDate")).isEqualTo("2027-11-01");
        assertThat(up.getString("target.unitPrice")).isEqualTo("21.00");

        // CONVENTIONS.md: the new child is announced by its own SubscriptionCreated (origin PARTIAL_UPGRADE), then the
        // upgrade itself; one customer = one partition, so this order is the order every consumer sees.
        List<EventEnvelope> events = eventsOf(upgrader, 4);
        System.out.println("[e2e] upgrader events: " + events.stream().map(EventEnvelope::type).toList());
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("CustomerCreated", "SubscriptionCreated", "SubscriptionCreated", "SubscriptionUpgraded");
        assertThat(events.get(1).payload().path("origin").asText()).isEqualTo("PURCHASE");
        assertThat(events.get(1).subjectId()).isEqualTo(source);
        EventEnvelope childCreated = events.get(2);
        assertThat(childCreated.subjectId()).isEqualTo(child);
        assertThat(childCreated.effectiveAt()).isEqualTo(Instant.parse("2026-11-12T00:00:00Z"));
        assertThat(childCreated.payload().path("origin").asText()).isEqualTo("PARTIAL_UPGRADE");
        assertThat(childCreated.payload().path("subscription").path("parentSubscriptionId").asText()).isEqualTo(source);
        assertThat(childCreated.payload().path("subscription").path("endDate").asText()).isEqualTo("2027-11-01");
        assertThat(childCreated.payload().path("subscription").path("quantity").asInt()).isEqualTo(4);
        EventEnvelope upgraded = events.get(3);
        JsonNode p = upgraded.payload();
        assertThat(upgraded.effectiveAt()).isEqualTo(Instant.parse("2026-11-12T00:00:00Z"));
        assertThat(upgraded.subjectId()).isEqualTo(source);
        assertThat(p.path("source").path("subscriptionId").asText()).isEqualTo(source);
        assertThat(p.path("source").path("quantity").asInt()).isEqualTo(6);
        assertThat(p.path("target").path("subscriptionId").asText()).isEqualTo(child);
        assertThat(p.path("target").path("parentSubscriptionId").asText()).isEqualTo(source);
        assertThat(p.path("target").path("endDate").asText()).isEqualTo("2027-11-01");
        assertThat(p.path("target").path("offerId").asText()).isEqualTo(TARGET_OFFER);
        assertThat(p.path("movedQuantity").asInt()).isEqualTo(4);
        assertThat(p.path("upgradeDate").asText()).isEqualTo("2026-11-12");
        assertThat(p.path("fullUpgrade").asBoolean()).isFalse();
        assertThat(p.path("targetCreated").asBoolean()).isTrue();
        assertThat(p.path("sourceOfferId").asText()).isEqualTo(SOURCE_OFFER);
    }

    /** R-I4 on an upfront plan: 4 of 10 P1Y/ANNUAL seats move on 11-12; D18: UPGRADE_CREDIT / UPGRADE_CHARGE lines. */
    @Test
    @Order(3)
    void partial_upgrade_of_an_upfront_subscription() {
        JsonPath up = Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON)
                .body(Map.of("targetOfferId", TARGET_OFFER, "quantity", 4))
                .when().post("/v1/subscriptions/" + upfrontSource + "/upgrades").then().statusCode(200).extract().jsonPath();
        upfrontChild = up.getString("target.subscriptionId");
        roleOf.put(upfrontChild, "upfrontChild");
        assertThat(up.getInt("source.quantity")).isEqualTo(6);
        assertThat(up.getString("target.billing")).isEqualTo("ANNUAL");
        assertThat(up.getString("target.unitPrice")).isEqualTo("20.00");
        assertThat(up.getString("target.endDate")).isEqualTo("2027-11-01");
    }

    /** R-J2 / D15: at trialEndsAt with auto-renew on, the trial itself becomes a P1Y/MONTHLY paid subscription. */
    @Test
    @Order(4)
    void trial_converts_at_its_end() {
        Journeys.advance(Instant.parse("2026-12-02T10:00:00Z"));
        Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + trial).then().statusCode(200)
                .body("trial", org.hamcrest.Matchers.equalTo(false))
                .body("term", org.hamcrest.Matchers.equalTo("P1Y"))
                .body("billing", org.hamcrest.Matchers.equalTo("MONTHLY"))
                .body("quantity", org.hamcrest.Matchers.equalTo(25))
                .body("unitPrice", org.hamcrest.Matchers.equalTo("8.40"))
                .body("startDate", org.hamcrest.Matchers.equalTo("2026-12-02"))
                .body("endDate", org.hamcrest.Matchers.equalTo("2027-12-01"));

        List<EventEnvelope> events = eventsOf(trialCustomer, 3);
        System.out.println("[e2e] trial customer events: " + events.stream().map(EventEnvelope::type).toList());
        assertThat(events).extracting(EventEnvelope::type)
                .containsExactly("CustomerCreated", "SubscriptionCreated", "TrialConverted");
        assertThat(events.get(1).payload().path("origin").asText()).isEqualTo("TRIAL");
        EventEnvelope converted = events.get(2);
        JsonNode p = converted.payload();
        assertThat(converted.effectiveAt()).isEqualTo(Instant.parse("2026-12-02T10:00:00Z"));
        assertThat(converted.actor()).isEqualTo("system");
        assertThat(p.path("source").path("subscriptionId").asText()).isEqualTo(trial);
        assertThat(p.path("target").path("subscriptionId").asText()).isEqualTo(trial);
        assertThat(p.path("target").path("trial").asBoolean()).isFalse();
        assertThat(p.path("target").path("term").asText()).isEqualTo("P1Y");
        assertThat(p.path("target").path("billing").asText()).isEqualTo("MONTHLY");
        assertThat(p.path("quantity").asInt()).isEqualTo(25);
        assertThat(p.path("convertedAt").asText()).isEqualTo("2026-12-02T10:00:00Z");
    }

    /**
     * D18 (monthly plans): the upgrade ends the source's 10-seat CYCLE segment on 11-11 and starts 6 seats plus the
     * child's 4 at 21.00 on 11-12 (R-I6: the upgrade day belongs to the target). The free trial has no lines; the
     * converted subscription is billed from 12-02 (BL-3, D1 UP per line).
     */
    @Test
    @Order(5)
    void billing_lines_of_the_upgrade_and_the_conversion() {
        Journeys.advance(Instant.parse("2027-01-02T00:00:00Z"));
        List<Map<String, Object>> up = Journeys.invoices(upgrader);
        assertThat(up).extracting(i -> i.get("period")).containsExactly("2026-11", "2026-12");
        assertThat(lines(up.get(0))).containsExactlyInAnyOrder(
                "source CYCLE 2026-11-02..2026-11-11 x10 10.50 10/30 35.00",
                "source CYCLE 2026-11-12..2026-11-30 x6 10.50 19/30 39.90",
                "child CYCLE 2026-11-12..2026-11-30 x4 21.00 19/30 53.20");
        assertThat(up.get(0).get("total")).isEqualTo("128.10");
        assertThat(lines(up.get(1))).containsExactlyInAnyOrder(
                "source CYCLE 2026-12-01..2026-12-31 x6 10.50 31/31 63.00",
                "child CYCLE 2026-12-01..2026-12-31 x4 21.00 31/31 84.00");
        assertThat(up.get(1).get("total")).isEqualTo("147.00");

        // BL-6 NEW = 10.00 x 12 x 10; R-I6/BL-7: the unused 355 of 365 days of 4 seats credited at 10.00 and charged
        // at 20.00 for the same days (from the upgrade day inclusive), each rounded UP on its absolute value (D1).
        List<Map<String, Object>> upfront = Journeys.invoices(upfrontUpgrader);
        assertThat(upfront).extracting(i -> i.get("period")).containsExactly("2026-11");
        assertThat(lines(upfront.get(0))).containsExactlyInAnyOrder(
                "upfrontSource NEW 2026-11-02..2027-11-01 x10 10.00 365/365 1200.00",
                "upfrontSource UPGRADE_CREDIT 2026-11-12..2027-11-01 x4 10.00 355/365 -466.85",
                "upfrontChild UPGRADE_CHARGE 2026-11-12..2027-11-01 x4 20.00 355/365 933.70");
        assertThat(upfront.get(0).get("total")).isEqualTo("1666.85");

        List<Map<String, Object>> tr = Journeys.invoices(trialCustomer);
        assertThat(tr).extracting(i -> i.get("period")).containsExactly("2026-12");
        assertThat(lines(tr.get(0))).containsExactly("trial CYCLE 2026-12-02..2026-12-31 x25 8.40 30/31 203.23");
        assertThat(tr.get(0).get("total")).isEqualTo("203.23");
    }

    /** Every event of one customer on the subscription events topic, in partition order, Watermarks left out. */
    static List<EventEnvelope> eventsOf(String customerId, int atLeast) {
        List<EventEnvelope> found = new ArrayList<>();
        await("events of " + customerId).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            found.clear();
            found.addAll(readTopic(customerId));
            return found.size() >= atLeast;
        });
        return found;
    }

    private static List<EventEnvelope> readTopic(String customerId) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, E2EStack.get().config().bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<EventEnvelope> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer =
                     new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            // The key is the customerId, so all of its events sit in one partition, in order (CONVENTIONS.md).
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.SUBSCRIPTION_EVENTS)) {
                partitions.add(new TopicPartition(info.topic(), info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (customerId.equals(r.key())) {
                        EventEnvelope e = EventJson.readEnvelope(r.value());
                        if (!"Watermark".equals(e.type())) {
                            events.add(e);
                        }
                    }
                }
            }
        }
        return events;
    }

    static List<String> lines(Map<String, Object> invoice) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) invoice.get("lines");
        return lines.stream().map(l -> roleOf.getOrDefault((String) l.get("subscriptionId"), "?") + " " + l.get("chargeType")
                + " " + l.get("chargeStartDate") + ".." + l.get("chargeEndDate") + " x" + l.get("quantity") + " "
                + l.get("unitPrice") + " " + l.get("daysActive") + "/" + l.get("daysInPeriod") + " " + l.get("amount")).toList();
    }
}
