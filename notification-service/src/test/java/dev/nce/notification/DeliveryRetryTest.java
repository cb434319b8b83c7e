package dev.nce.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nce.contracts.events.BillingEvent;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.notification.support.Events;
import dev.nce.notification.support.GreenMailResource;
import dev.nce.notification.support.WebhookReceiver;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Webhook deliveries are retried with backoff and keep their Webhook-Id; an endpoint that never answers ends FAILED
 * (the test profile shortens 72 h to 20 s) without holding up the other endpoint or the e-mail.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
class DeliveryRetryTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String register(String customer, String url, String secret) {
        return given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\",\"kinds\":[\"INVOICE_ISSUED\"],"
                        + "\"customerId\":\"" + customer + "\"}")
                .post("/v1/webhook-endpoints").then().statusCode(201).extract().path("endpointId");
    }

    @Test
    void failing_receiver_is_retried_with_the_same_webhook_id_and_a_dead_one_ends_failed() throws Exception {
        String customer = "cust-retry-" + UUID.randomUUID();
        try (Events events = new Events(); WebhookReceiver receiver = new WebhookReceiver("retry-secret-0123456789")) {
            events.subscription(customer, customer, new SubscriptionEvent.CustomerCreated(customer, "Northwind", "EUR",
                    customer + "@example.com", Map.of()), Instant.parse("2022-01-01T00:00:00Z"));
            await().atMost(Duration.ofSeconds(120)).until(() -> given().header("Authorization", ADMIN)
                    .get("/v1/customers/" + customer + "/notifications").statusCode() == 200);
            String good = register(customer, receiver.url(), receiver.secret());
            String dead = register(customer, "http://127.0.0.1:" + closedPort() + "/hook", "dead-secret-0123456789");
            receiver.failNext(2, 503);

            events.invoice(customer, new BillingEvent.InvoiceIssued("inv-r-" + customer, "2022-02-000007", customer,
                    "2022-02", LocalDate.parse("2022-03-01"), "EUR", new BigDecimal("12.34"), new BigDecimal("12.34"), 2),
                    Instant.parse("2022-03-01T01:00:00Z"));

            await().atMost(Duration.ofSeconds(120)).until(() -> receiver.received().size() == 1);
            assertThat(receiver.attemptIds()).hasSize(3).containsOnly(receiver.received().get(0).webhookId());
            assertThat(receiver.received().get(0).signatureValid()).isTrue();
            assertThat(JsonPath.from(receiver.received().get(0).body()).getString("facts.invoice.total")).isEqualTo("12.34");

            // issue 15 item 16: while the dead endpoint is still retrying its row is SCHEDULED, and then sentAt is null
            List<Map<String, Object>> retrying = rows(customer).getList("items");
            assertThat(retrying).allSatisfy(r -> assertThat(r.get("sentAt") == null)
                    .as("status %s with sentAt %s", r.get("status"), r.get("sentAt"))
                    .isEqualTo("SCHEDULED".equals(r.get("status"))));
            await().atMost(Duration.ofSeconds(120)).until(() -> rows(customer).getList("items.status").stream()
                    .noneMatch("SCHEDULED"::equals));
            JsonPath list = rows(customer);
            assertThat(list.getInt("totalCount")).isEqualTo(3);
            assertThat(list.getList("items.kind")).containsOnly("INVOICE_ISSUED");
            assertThat(list.getList("items.channel")).containsExactly("EMAIL", "WEBHOOK", "WEBHOOK");
            assertThat(list.getList("items.dueAt")).containsOnly("2022-03-01T01:00:00Z");
            assertThat(list.getList("items.sentAt")).containsOnly("2022-03-01T01:00:00Z");
            List<Map<String, Object>> items = list.getList("items");
            Map<String, Object> goodRow = items.stream().filter(i -> good.equals(i.get("endpointId"))).findFirst().orElseThrow();
            Map<String, Object> deadRow = items.stream().filter(i -> dead.equals(i.get("endpointId"))).findFirst().orElseThrow();
            assertThat(goodRow.get("status")).isEqualTo("SENT");
            assertThat(deadRow.get("status")).isEqualTo("FAILED");
            assertThat(items.get(0).get("status")).isEqualTo("SENT");
            assertThat(GreenMailResource.messagesTo(customer + "@example.com")).extracting(GreenMailResource::subject)
                    .containsExactly("Invoice 2022-02-000007 for 2022-02: 12.34 EUR");

            // the detail shows what was said and why the dead endpoint FAILED
            JsonPath detail = given().header("Authorization", ADMIN)
                    .get("/v1/customers/" + customer + "/notifications/" + items.get(0).get("notificationId"))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(detail.getString("subject")).isEqualTo("Invoice 2022-02-000007 for 2022-02: 12.34 EUR");
            assertThat(detail.getString("body")).contains("Hello Northwind,", "Total: 12.34 EUR");
            assertThat(detail.getString("status")).isEqualTo("PROCESSED");
            assertThat(detail.getList("deliveries.channel")).containsExactly("EMAIL", "WEBHOOK", "WEBHOOK");
            Map<String, Object> failed = detail.<Map<String, Object>>getList("deliveries").stream()
                    .filter(d -> dead.equals(d.get("endpointId"))).findFirst().orElseThrow();
            assertThat(failed.get("status")).isEqualTo("FAILED");
            assertThat((Integer) failed.get("attempts")).isGreaterThanOrEqualTo(2);
            assertThat((String) failed.get("lastError")).contains("ConnectException");
            Map<String, Object> sent = detail.<Map<String, Object>>getList("deliveries").stream()
                    .filter(d -> good.equals(d.get("endpointId"))).findFirst().orElseThrow();
            assertThat(sent.get("attempts")).isEqualTo(3);
            assertThat(sent.get("messageId")).isEqualTo(receiver.received().get(0).webhookId());
            // issue 15 item 3: the customer itself sees only a generic status, never the receiver's error text
            JsonPath own = given().header("Authorization", TestTokens.bearer(TestTokens.customer(customer)))
                    .get("/v1/customers/" + customer + "/notifications/" + items.get(0).get("notificationId"))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(own.getList("deliveries.lastError")).contains("delivery-failed")
                    .noneMatch(e -> e != null && e.toString().contains("Exception"));
            given().header("Authorization", TestTokens.bearer(TestTokens.customer("someone-else")))
                    .get("/v1/customers/" + customer + "/notifications/" + items.get(0).get("notificationId"))
                    .then().statusCode(404);
            given().header("Authorization", ADMIN).get("/v1/customers/" + customer + "/notifications/not-an-id")
                    .then().statusCode(404).body("code", org.hamcrest.Matchers.equalTo("not-found"));
        }
    }

    private static JsonPath rows(String customer) {
        return given().header("Authorization", ADMIN).get("/v1/customers/" + customer + "/notifications").then()
                .statusCode(200).extract().jsonPath();
    }
}
