package dev.nce.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.notification.support.Events;
import dev.nce.notification.support.GreenMailResource;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST contract of notification-service (API.md): auth, scoping, paging, validation, webhook endpoints. */
@QuarkusTest
@QuarkusTestResource(NotificationTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
class NotificationApiTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    static final String CUSTOMER = "cust-api-" + UUID.randomUUID();
    static final String OTHER = "cust-api-other-" + UUID.randomUUID();
    static final String SUB = "sub-api-" + UUID.randomUUID();

    private static boolean published;

    @BeforeEach
    void customersWithASubscription() {
        if (published) {
            return;
        }
        published = true;
        try (Events events = new Events()) {
            for (String c : new String[] {CUSTOMER, OTHER}) {
                events.subscription(c, c, new SubscriptionEvent.CustomerCreated(c, "Fabrikam " + c, "USD",
                        c + "@example.com", Map.of()), Instant.parse("2022-01-01T00:00:00Z"));
            }
            Instant purchase = Instant.parse("2024-06-03T10:00:00Z");
            events.subscription(CUSTOMER, SUB, new SubscriptionEvent.SubscriptionCreated(
                    Events.snapshot(SUB, CUSTOMER, Term.P1Y, 3, SubscriptionStatus.ACTIVE, EndOfTermAction.RENEW,
                            LocalDate.parse("2024-06-03"), purchase),
                    new SeatBatchInfo("b-1", 1, 3, purchase, purchase.plus(Duration.ofHours(168))), "PURCHASE", null),
                    purchase);
            // a customer never created: its events are ignored (DESIGN.md section 5)
            events.subscription("cust-ghost", "sub-ghost", new SubscriptionEvent.SubscriptionCreated(
                    Events.snapshot("sub-ghost", "cust-ghost", Term.P1M, 3, SubscriptionStatus.ACTIVE,
                            EndOfTermAction.RENEW, LocalDate.parse("2024-06-03"), purchase), null, "PURCHASE", null),
                    purchase);
        }
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> given().header("Authorization", ADMIN)
                .get("/v1/customers/" + CUSTOMER + "/notifications").then().extract().statusCode() == 200
                && given().header("Authorization", ADMIN).get("/v1/customers/" + CUSTOMER + "/notifications")
                .then().extract().<Integer>path("totalCount") == 3);
    }

    private static String endpointBody(String url, String customerId) {
        return "{\"url\":\"" + url + "\",\"secret\":\"s3cret-value-0123456789\"" + (customerId == null ? "" : ",\"customerId\":\""
                + customerId + "\"") + "}";
    }

    @Test
    void list_shows_scheduled_rows_in_api_md_order_with_every_field() {
        JsonPath list = given().header("Authorization", ADMIN).get("/v1/customers/" + CUSTOMER + "/notifications")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getInt("totalCount")).isEqualTo(3);
        assertThat(list.getList("items.kind")).containsExactly("WINDOW_CLOSING", "NOTICE_UPCOMING", "NOTICE_DEADLINE");
        assertThat(list.getList("items.dueAt")).containsExactly("2024-06-09T10:00:00Z", "2025-04-27T09:00:00Z",
                "2025-05-04T09:00:00Z");
        assertThat(list.getList("items.status")).containsOnly("SCHEDULED");
        assertThat(list.getList("items.channel")).containsOnly("EMAIL");
        Map<String, Object> first = list.getMap("items[0]");
        assertThat(first).containsOnlyKeys("notificationId", "kind", "subscriptionId", "termStartDate", "batchId",
                "dueAt", "sentAt", "channel", "status", "invoiceId", "endpointId");
        assertThat(first).containsEntry("batchId", "b-1").containsEntry("subscriptionId", SUB)
                .containsEntry("sentAt", null).containsEntry("termStartDate", "2024-06-03"); // issue 15 item 16
        assertThat(list.getString("items[1].termStartDate")).isEqualTo("2024-06-03");
    }

    @Test
    void list_pages_and_filters() {
        JsonPath page = given().header("Authorization", ADMIN).queryParam("limit", 1).queryParam("offset", 1)
                .get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(page.getInt("totalCount")).isEqualTo(3);
        assertThat(page.getList("items.kind")).containsExactly("NOTICE_UPCOMING");
        JsonPath filtered = given().header("Authorization", ADMIN).queryParam("kind", "NOTICE_DEADLINE")
                .get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(200).extract().jsonPath();
        assertThat(filtered.getInt("totalCount")).isEqualTo(1);
        assertThat(given().header("Authorization", ADMIN).queryParam("offset", 10)
                .get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();
    }

    @Test
    void list_refusals_are_problem_json() {
        given().get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearer(TestTokens.forged()))
                .get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(401);
        for (String limit : new String[] {"0", "1001", "abc", "-1"}) {
            given().header("Authorization", ADMIN).queryParam("limit", limit)
                    .get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(400)
                    .body("code", equalTo("validation-failed")).body("field", equalTo("limit"));
        }
        given().header("Authorization", ADMIN).queryParam("offset", "-1")
                .get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(400).body("field", equalTo("offset"));
        given().header("Authorization", ADMIN).queryParam("kind", "NOPE")
                .get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(400).body("field", equalTo("kind"));
        given().header("Authorization", ADMIN).get("/v1/customers/cust-ghost/notifications").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).get("/v1/customers/never-seen/notifications").then().statusCode(404);
    }

    @Test
    void a_customer_token_sees_only_its_own_customer() {
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(CUSTOMER)))
                .get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(200).body("totalCount", equalTo(3));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(OTHER)))
                .get("/v1/customers/" + CUSTOMER + "/notifications").then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void webhook_endpoint_lifecycle_never_returns_the_secret_and_adds_webhook_rows() {
        String key = UUID.randomUUID().toString();
        var created = given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/nce\",\"secret\":\"s3cret-value-0123456789\",\"kinds\":[\"NOTICE_UPCOMING\","
                        + "\"NOTICE_DEADLINE\"],\"customerId\":\"" + CUSTOMER + "\"}")
                .post("/v1/webhook-endpoints").then().statusCode(201)
                .body("url", equalTo("https://hooks.example.com/nce")).body("customerId", equalTo(CUSTOMER))
                .body("$", not(hasKey("secret"))).body("createdAt", notNullValue())
                .extract().jsonPath();
        String id = created.getString("endpointId");
        assertThat(created.getList("kinds")).containsExactly("NOTICE_UPCOMING", "NOTICE_DEADLINE");
        // the same Idempotency-Key and body: the first answer again, no second endpoint
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"url\":\"https://hooks.example.com/nce\",\"secret\":\"s3cret-value-0123456789\",\"kinds\":[\"NOTICE_UPCOMING\","
                        + "\"NOTICE_DEADLINE\"],\"customerId\":\"" + CUSTOMER + "\"}")
                .post("/v1/webhook-endpoints").then().statusCode(201).body("endpointId", equalTo(id));

        // pending notifications of matching kinds now also show a WEBHOOK row for the endpoint
        JsonPath list = given().header("Authorization", ADMIN).get("/v1/customers/" + CUSTOMER + "/notifications")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getInt("totalCount")).isEqualTo(5);
        assertThat(list.getList("items.channel")).containsExactly("EMAIL", "EMAIL", "WEBHOOK", "EMAIL", "WEBHOOK");
        assertThat(list.getString("items[2].endpointId")).isEqualTo(id);

        String own = TestTokens.bearer(TestTokens.customer(CUSTOMER));
        String other = TestTokens.bearer(TestTokens.customer(OTHER));
        given().header("Authorization", own).get("/v1/webhook-endpoints").then().statusCode(200)
                .body("totalCount", equalTo(1)).body("items[0].endpointId", equalTo(id))
                .body("items[0]", not(hasKey("secret")));
        given().header("Authorization", other).get("/v1/webhook-endpoints").then().statusCode(200)
                .body("totalCount", equalTo(0));
        given().header("Authorization", other).get("/v1/webhook-endpoints/" + id).then().statusCode(404);
        given().header("Authorization", other).delete("/v1/webhook-endpoints/" + id).then().statusCode(404);
        given().header("Authorization", own).get("/v1/webhook-endpoints/" + id).then().statusCode(200)
                .body("endpointId", equalTo(id));

        given().header("Authorization", own).delete("/v1/webhook-endpoints/" + id).then().statusCode(204);
        given().header("Authorization", ADMIN).get("/v1/webhook-endpoints/" + id).then().statusCode(404);
        given().header("Authorization", ADMIN).delete("/v1/webhook-endpoints/" + id).then().statusCode(404);
        given().header("Authorization", ADMIN).get("/v1/customers/" + CUSTOMER + "/notifications").then()
                .statusCode(200).body("totalCount", equalTo(3));
        given().header("Authorization", ADMIN).delete("/v1/webhook-endpoints/not-a-uuid").then().statusCode(404)
                .body("code", equalTo("not-found"));
    }

    @Test
    void webhook_endpoint_refusals() {
        String own = TestTokens.bearer(TestTokens.customer(CUSTOMER));
        // partner-wide endpoints are partner-admin only
        given().header("Authorization", own).contentType(ContentType.JSON).body(endpointBody("https://x.example.com/h", null))
                .post("/v1/webhook-endpoints").then().statusCode(403).contentType("application/problem+json")
                .body("code", equalTo("forbidden"));
        given().contentType(ContentType.JSON).body(endpointBody("https://x.example.com/h", CUSTOMER))
                .post("/v1/webhook-endpoints").then().statusCode(401);
        for (String url : new String[] {"ftp://x.example.com/h", "not a url", "/relative", "https://u:p@x.example.com/"}) {
            given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(endpointBody(url, CUSTOMER))
                    .post("/v1/webhook-endpoints").then().statusCode(400).body("code", equalTo("validation-failed"))
                    .body("field", equalTo("url"));
        }
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"https://x.example.com/h\",\"customerId\":\"" + CUSTOMER + "\"}")
                .post("/v1/webhook-endpoints").then().statusCode(400).body("field", equalTo("secret"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"https://x.example.com/h\",\"secret\":\"s\",\"kinds\":[\"BOGUS\"]}")
                .post("/v1/webhook-endpoints").then().statusCode(400).body("code", equalTo("validation-failed"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"https://x.example.com/h\",\"secret\":\"s\",\"colour\":\"red\"}")
                .post("/v1/webhook-endpoints").then().statusCode(400).body("field", equalTo("colour"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(endpointBody("https://x.example.com/h", "no-such-customer"))
                .post("/v1/webhook-endpoints").then().statusCode(404).body("code", equalTo("not-found"));
        // another customer's id with a customer token: it does not exist for that token
        given().header("Authorization", own).contentType(ContentType.JSON).body(endpointBody("https://x.example.com/h", OTHER))
                .post("/v1/webhook-endpoints").then().statusCode(404);
        assertThat(given().header("Authorization", ADMIN).queryParam("customerId", CUSTOMER).get("/v1/webhook-endpoints")
                .then().statusCode(200).extract().<Integer>path("totalCount")).isZero();
        given().header("Authorization", ADMIN).queryParam("limit", 0).get("/v1/webhook-endpoints").then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    @Test
    void partner_wide_endpoint_takes_every_kind_when_none_is_given() {
        JsonPath created = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body(endpointBody("http://127.0.0.1:9/unused", null)).post("/v1/webhook-endpoints").then().statusCode(201)
                .body("customerId", equalTo(null)).extract().jsonPath();
        assertThat(created.getList("kinds")).hasSize(9).contains("INVOICE_ISSUED", "WINDOW_CLOSING", "TRIAL_ENDING");
        String id = created.getString("endpointId");
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(CUSTOMER))).get("/v1/webhook-endpoints/" + id)
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(CUSTOMER))).delete("/v1/webhook-endpoints/" + id)
                .then().statusCode(404);
        given().header("Authorization", ADMIN).delete("/v1/webhook-endpoints/" + id).then().statusCode(204);
    }

    @Test
    void metrics_show_the_reminder_backlog() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("notifications_scheduled", "notification_deliveries_pending",
                "notification_deliveries_failed");
        double scheduled = metrics.lines().filter(l -> l.startsWith("notifications_scheduled"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElseThrow();
        assertThat(scheduled).isGreaterThanOrEqualTo(3); // this class's customer has 3 pending rows
    }
}
