package dev.nce.billing.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.nce.billing.BillingTestDatabase;
import dev.nce.billing.TestEvents;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.testsupport.DeadLetterProbe;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 16 in billing: a subscription event that can never be applied is dead-lettered (not skipped), copied to
 * nce.subscription.events.v1.dlq with its origin, counted, and its customer's invoice is held (missingCustomers, D12)
 * while the other customer of the same run is invoiced; once resolved, the D12 retry on the 2nd invoices it.
 */
@QuarkusTest
@QuarkusTestResource(BillingTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@Order(5)
class DeadLetterBillingTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    static final String HELD = "c-dl-held";
    static final String FREE = "c-dl-free";

    static <T> T await(java.util.concurrent.Callable<T> supplier, java.util.function.Predicate<T> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .until(supplier, until);
    }

    static JsonPath deadLetters() {
        return given().header("Authorization", ADMIN).queryParam("topic", Topics.SUBSCRIPTION_EVENTS)
                .get("/admin/dead-letters").then().statusCode(200).extract().jsonPath();
    }

    static int invoiceCount(String customerId) {
        return given().header("Authorization", ADMIN).get("/v1/customers/" + customerId + "/invoices?period=2025-01")
                .then().statusCode(200).extract().path("totalCount");
    }

    @Test
    void a_poison_event_is_dead_lettered_and_holds_only_its_customers_invoice() {
        TestEvents.customer(HELD, "USD");
        TestEvents.customer(FREE, "USD");
        TestEvents.purchase(HELD, "s-dl-held", Term.P1M, BillingFrequency.MONTHLY, 1, "10.00", "USD", "2025-01-05");
        TestEvents.purchase(FREE, "s-dl-free", Term.P1M, BillingFrequency.MONTHLY, 1, "10.00", "USD", "2025-01-05");
        // a QuantityChanged whose payload is not an object: no retry can apply it
        EventEnvelope poison = new EventEnvelope(UUID.randomUUID(), "QuantityChanged", 1, Instant.now(),
                Instant.parse("2025-01-10T09:00:00Z"), HELD, "s-dl-held", "test", TextNode.valueOf("garbage"));
        TestEvents.send(Topics.SUBSCRIPTION_EVENTS, null, HELD, EventJson.write(poison));

        JsonPath letters = await(DeadLetterBillingTest::deadLetters, p -> p.getInt("totalCount") == 1);
        assertThat(letters.getString("items[0].source")).isEqualTo("CONSUMER");
        assertThat(letters.getString("items[0].consumer")).isEqualTo("subscription-events");
        assertThat(letters.getString("items[0].customerId")).isEqualTo(HELD);
        assertThat(letters.getString("items[0].eventId")).isEqualTo(poison.eventId().toString());
        assertThat(letters.getString("items[0].eventType")).isEqualTo("QuantityChanged");
        assertThat(letters.getString("items[0].status")).isEqualTo("OPEN");
        String id = letters.getString("items[0].deadLetterId");
        long offset = letters.getLong("items[0].offset");
        int partition = letters.getInt("items[0].partition");

        List<ConsumerRecord<String, String>> dlq = DeadLetterProbe.read(Topics.deadLetterOf(Topics.SUBSCRIPTION_EVENTS), 1,
                Duration.ofSeconds(30));
        assertThat(dlq).hasSize(1);
        assertThat(dlq.get(0).key()).isEqualTo(HELD);
        assertThat(dlq.get(0).value()).isEqualTo(EventJson.write(poison));
        assertThat(DeadLetterProbe.header(dlq.get(0), "dlq.original.topic")).isEqualTo(Topics.SUBSCRIPTION_EVENTS);
        assertThat(DeadLetterProbe.header(dlq.get(0), "dlq.original.partition")).isEqualTo(Integer.toString(partition));
        assertThat(DeadLetterProbe.header(dlq.get(0), "dlq.original.offset")).isEqualTo(Long.toString(offset));
        assertThat(DeadLetterProbe.header(dlq.get(0), "dlq.error")).contains("QuantityChanged");
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("nce_dead_letters_total{source=\"CONSUMER\",topic=\"nce.subscription.events.v1\"} 1.0")
                .contains("nce_dead_letters_open{topic=\"nce.subscription.events.v1\"} 1.0");

        TestEvents.watermark(Instant.parse("2025-02-01T00:00:00Z"));
        String runId = await(() -> given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"period\":\"2025-01\"}").post("/v1/invoice-runs"), r -> r.statusCode() / 100 == 2).path("runId");
        JsonPath run = await(() -> given().header("Authorization", ADMIN).get("/v1/invoice-runs/" + runId).then()
                .extract().jsonPath(), r -> "COMPLETED".equals(r.getString("status")));
        assertThat(run.getList("missingCustomers", String.class)).contains(HELD).doesNotContain(FREE);
        assertThat(invoiceCount(FREE)).isEqualTo(1);
        assertThat(invoiceCount(HELD)).isZero();

        // replaying the same bytes fails again: it stays OPEN, the invoice stays held
        given().header("Authorization", ADMIN).post("/admin/dead-letters/" + id + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("invalid-state"));
        assertThat(deadLetters().getString("items[0].status")).isEqualTo("OPEN");

        // the operator settles it; the D12 retry on the 2nd invoices the customer
        given().header("Authorization", ADMIN).post("/admin/dead-letters/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED"));
        TestEvents.watermark(Instant.parse("2025-02-02T02:00:00Z"));
        await(() -> invoiceCount(HELD), n -> n == 1);
        JsonPath held = given().header("Authorization", ADMIN).get("/v1/customers/" + HELD + "/invoices?period=2025-01")
                .then().extract().jsonPath();
        assertThat(held.getString("items[0].issueDate")).isEqualTo("2025-02-02");
        assertThat(held.getString("items[0].subtotal")).isEqualTo(
                given().header("Authorization", ADMIN).get("/v1/customers/" + FREE + "/invoices?period=2025-01").then()
                        .extract().jsonPath().getString("items[0].subtotal"));
    }
}
