package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** The platform clock (DESIGN.md section 3) and the due work: R-F2/R-F3 renewals, R-A6, D10, D17, D20. */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(5)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClockAdvanceApiTest {

    static final String E3 = "CFQ7TTC0CLK3:0001";
    static String renewing;
    static String scheduled;
    static String expiring;
    static String cancelling;
    static String suspended;
    static String estBound;
    static String customer;

    static {
        FakeCatalog.register(E3, "36.00", "34.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL", "P3Y/ANNUAL");
    }

    @Inject
    EntityManager em;

    @AfterEach
    void catalogBack() {
        FakeCatalog.down = false;
    }

    @Transactional
    long watermarkRows(String upTo) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM outbox WHERE msg_key = 'watermark' AND payload LIKE ?1")
                .setParameter(1, "%\"upTo\":\"" + upTo + "\"%").getSingleResult()).longValue();
    }

    static JsonPath events(String id) {
        return admin().queryParam("limit", 1000).get("/v1/subscriptions/" + id + "/events").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    @Order(1)
    void clock_contract() {
        Api.advanceTo("2024-06-10T00:00:00Z");
        json().body("{\"to\":\"2024-06-09\"}").post("/admin/clock/advance").then().statusCode(409)
                .body("code", equalTo("clock-backwards"));
        json().body("{\"to\":\"2024-06-10T00:00:00Z\"}").post("/admin/clock/advance").then().statusCode(200)
                .body("mode", equalTo("SIMULATED")).body("now", equalTo("2024-06-10T00:00:00Z"));
        json().body("{\"to\":\"June\"}").post("/admin/clock/advance").then().statusCode(400).body("field", equalTo("to"));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer("c"))).contentType("application/json")
                .body("{\"to\":\"2030-01-01\"}").post("/admin/clock/advance").then().statusCode(403);
        given().contentType("application/json").body("{\"to\":\"2030-01-01\"}").post("/admin/clock/advance")
                .then().statusCode(401);
        // a watermark on each of the 12 partitions for the instant reached
        assertThat(watermarkRows("2024-06-10T00:00:00Z")).isEqualTo(12);
    }

    @Test
    @Order(2)
    void buy_the_subscriptions_that_the_clock_will_move() {
        customer = Api.customer("Clockwork");
        renewing = Api.buy(customer, E3, "P1Y", "MONTHLY", 10);
        scheduled = Api.buy(customer, E3, "P1Y", "MONTHLY", 10);
        expiring = Api.buy(customer, E3, "P1M", "MONTHLY", 2);
        cancelling = Api.buy(customer, E3, "P1Y", "ANNUAL", 3);
        suspended = Api.buy(customer, E3, "P1Y", "ANNUAL", 4);
        Api.get(renewing).then().body("unitPrice", equalTo("36.00"));
        json().body("{\"quantity\":4,\"billing\":\"ANNUAL\"}").put("/v1/subscriptions/" + scheduled + "/scheduled-changes")
                .then().statusCode(200);
        Api.patch(expiring, "{\"autoRenew\":false}").then().statusCode(200).body("endOfTermAction", equalTo("EXTENDED_SERVICE_TERM"));
        Api.patch(cancelling, "{\"endOfTermAction\":\"CANCEL\"}").then().statusCode(200);
        admin().post("/v1/subscriptions/" + suspended + "/suspend").then().statusCode(200);
    }

    @Test
    @Order(3)
    void d17_outside_est_scope_a_p1m_expires_then_d10_disables_after_7_days_and_deletes_after_90() {
        Api.advanceTo("2024-07-10T00:00:00Z");
        Api.get(expiring).then().body("status", equalTo("EXPIRED")).body("noticeDeadline", nullValue());
        Api.advanceTo("2024-07-16T23:59:59Z");
        Api.get(expiring).then().body("status", equalTo("EXPIRED"));
        Api.advanceTo("2024-07-17T00:00:00Z");
        Api.get(expiring).then().body("status", equalTo("DISABLED"));
        Api.advanceTo("2024-10-15T00:00:00Z");
        Api.get(expiring).then().body("status", equalTo("DELETED"));
        JsonPath history = events(expiring);
        assertThat(history.getList("items.type")).containsExactly("SubscriptionCreated", "EndOfTermActionChanged",
                "SubscriptionExpired", "SubscriptionDisabled", "SubscriptionDeleted");
        assertThat(history.getList("items.effectiveAt")).endsWith("2024-07-10T00:00:00Z", "2024-07-17T00:00:00Z",
                "2024-10-15T00:00:00Z");
        assertThat(history.getList("items.actor")).endsWith("system", "system", "system");
        assertThat(history.getString("items[2].payload.endedTerm.startDate")).isEqualTo("2024-06-10");
        assertThat(history.getString("items[2].payload.endedTerm.endDate")).isEqualTo("2024-07-09");
        // nothing more is due for a deleted subscription
        admin().post("/v1/subscriptions/" + expiring + "/renew").then().statusCode(409);
    }

    @Test
    @Order(4)
    void r_a6_r_f2_r_f3_renewal_requotes_applies_scheduled_changes_in_one_quote_call() {
        Api.advanceTo("2025-06-09T23:59:59Z");
        Api.get(renewing).then().body("unitPrice", equalTo("36.00")).body("startDate", equalTo("2024-06-10"));
        FakeCatalog.QUOTE_CALLS.set(0);
        Api.advanceTo("2025-06-10T00:00:00Z");
        // renewals due at one instant are priced by one POST /v1/price-quotes
        assertThat(FakeCatalog.QUOTE_CALLS.get()).isEqualTo(1);
        // R-A6: the +5 % P1Y/MONTHLY tier starts at this subscription's first renewal after 2025-04-01
        Api.get(renewing).then().body("status", equalTo("ACTIVE")).body("unitPrice", equalTo("37.80"))
                .body("startDate", equalTo("2025-06-10")).body("endDate", equalTo("2026-06-09"))
                .body("renewalDate", equalTo("2026-06-10")).body("noticeDeadline", equalTo("2026-05-11"))
                .body("originalStartDate", equalTo("2024-06-10")).body("quantity", equalTo(10))
                .body("cancellationAllowedUntil", equalTo("2025-06-17T00:00:00Z")).body("refundableQuantity", equalTo(10));
        JsonPath renewed = events(renewing);
        assertThat(renewed.getString("items[-1].type")).isEqualTo("SubscriptionRenewed");
        assertThat(renewed.getString("items[-1].effectiveAt")).isEqualTo("2025-06-10T00:00:00Z");
        assertThat(renewed.getString("items[-1].payload.previousTerm.startDate")).isEqualTo("2024-06-10");
        assertThat(renewed.getString("items[-1].payload.batch.windowEnd")).isEqualTo("2025-06-17T00:00:00Z");
        assertThat(renewed.getString("items[-1].payload.subscription.unitPrice")).isEqualTo("37.80");
        assertThat(renewed.getString("items[-1].payload.appliedChanges")).isNull();
        // R-F3: scheduled quantity and billing apply exactly at renewal (P1Y/ANNUAL = B)
        Api.get(scheduled).then().body("quantity", equalTo(4)).body("billing", equalTo("ANNUAL"))
                .body("unitPrice", equalTo("36.00")).body("scheduledChanges", nullValue());
        JsonPath applied = events(scheduled);
        assertThat(applied.getInt("items[-1].payload.appliedChanges.quantity")).isEqualTo(4);
        assertThat(applied.getString("items[-1].payload.appliedChanges.billing")).isEqualTo("ANNUAL");
        // D17 CANCEL: DISABLED at the renewal instant; D20: still suspended -> EXPIRED
        Api.get(cancelling).then().body("status", equalTo("DISABLED"));
        Api.get(suspended).then().body("status", equalTo("EXPIRED"));
        assertThat(events(cancelling).getString("items[-1].type")).isEqualTo("SubscriptionDisabled");
    }

    @Test
    @Order(5)
    void d10_renew_in_grace_starts_a_new_term_at_that_instant() {
        Api.advanceTo("2025-06-20T12:00:00Z");
        admin().post("/v1/subscriptions/" + suspended + "/renew").then().statusCode(200)
                .body("status", equalTo("ACTIVE")).body("startDate", equalTo("2025-06-20")).body("endDate", equalTo("2026-06-19"))
                .body("autoRenew", equalTo(true)).body("unitPrice", equalTo("36.00"))
                .body("cancellationAllowedUntil", equalTo("2025-06-27T12:00:00Z"));
        assertThat(events(suspended).getString("items[-1].type")).isEqualTo("SubscriptionReactivated");
        // DISABLED is not renewable
        admin().post("/v1/subscriptions/" + cancelling + "/renew").then().statusCode(409).body("code", equalTo("invalid-state"));
        Api.advanceTo("2025-09-08T00:00:00Z");
        Api.get(cancelling).then().body("status", equalTo("DELETED"));
    }

    @Test
    @Order(6)
    void d17_extended_service_term_month_to_month() {
        estBound = Api.buy(customer, E3, "P1Y", "ANNUAL", 6);
        Api.get(estBound).then().body("startDate", equalTo("2025-09-08")).body("endDate", equalTo("2026-09-07"));
        // EST tier not yet in force: the event carries the EST price quoted for the EST start
        Api.patch(estBound, "{\"autoRenew\":false}").then().statusCode(200);
        assertThat(events(estBound).getString("items[-1].payload.estUnitPrice")).isEqualTo("44.50");
        Api.advanceTo("2026-09-08T00:00:00Z");
        Api.get(estBound).then().body("status", equalTo("ACTIVE")).body("inExtendedServiceTerm", equalTo(true))
                .body("startDate", equalTo("2026-09-08")).body("endDate", equalTo("2026-10-07"))
                .body("renewalDate", equalTo("2026-10-08")).body("noticeDeadline", nullValue())
                .body("unitPrice", equalTo("44.50")).body("term", equalTo("P1Y")).body("billing", equalTo("ANNUAL"))
                .body("cancellationAllowedUntil", nullValue());
        JsonPath started = events(estBound);
        assertThat(started.getString("items[-1].type")).isEqualTo("ExtendedTermStarted");
        assertThat(started.getString("items[-1].payload.endedTerm.endDate")).isEqualTo("2026-09-07");
        assertThat(started.getString("items[-1].payload.monthEnd")).isEqualTo("2026-10-07");
        // in EST: no quantity change, no settings, no suspend
        Api.patch(estBound, "{\"quantity\":7}").then().statusCode(409).body("code", equalTo("invalid-state"));
        Api.patch(estBound, "{\"autoRenew\":true}").then().statusCode(409);
        admin().post("/v1/subscriptions/" + estBound + "/suspend").then().statusCode(409);
        Api.advanceTo("2026-10-08T00:00:00Z");
        Api.get(estBound).then().body("startDate", equalTo("2026-10-08")).body("endDate", equalTo("2026-11-07"));
        assertThat(events(estBound).getString("items[-1].type")).isEqualTo("ExtendedTermMonthStarted");
        // cancel at any time in EST
        Api.advanceTo("2026-10-20T00:00:00Z");
        admin().post("/v1/subscriptions/" + estBound + "/cancel").then().statusCode(200).body("status", equalTo("DELETED"));
    }

    @Test
    @Order(7)
    void a_catalog_outage_stops_the_advance_at_the_last_completed_step() {
        String c = Api.customer("Outage");
        String sub = Api.buy(c, E3, "P1M", "MONTHLY", 1);
        String renewal = Api.get(sub).then().extract().path("renewalDate");
        FakeCatalog.down = true;
        json().body("{\"to\":\"" + renewal + "T12:00:00Z\"}").post("/admin/clock/advance").then().statusCode(503)
                .body("code", equalTo("catalog-unavailable"));
        assertThat(Api.now()).isBefore(java.time.Instant.parse(renewal + "T00:00:00Z"));
        Api.get(sub).then().body("startDate", equalTo("2026-10-20"));
        FakeCatalog.down = false;
        Api.advanceTo(renewal + "T12:00:00Z");
        Api.get(sub).then().body("startDate", equalTo(renewal));
        List<String> types = events(sub).getList("items.type");
        assertThat(types).containsExactly("SubscriptionCreated", "SubscriptionRenewed");
    }
}
