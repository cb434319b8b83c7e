package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PurchaseApiTest {

    static final String E3 = "CFQ7TTC0LFLZ:0001";
    static final String D365 = "CFQ7TTC0LH18:0001";
    static final String NON_RENEWABLE = "CFQ7TTC0NORN:0001";

    static {
        FakeCatalog.register(E3, "36.00", "34.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL", "P3Y/ANNUAL", "P3Y/MONTHLY");
        FakeCatalog.register(D365, "65.00", "60.00", "P1Y/ANNUAL", "P3Y/TRIENNIAL");
        FakeCatalog.register(new FakeCatalog.Offer(NON_RENEWABLE, "Expiring P3Y", new BigDecimal("10.00"),
                new BigDecimal("9.00"), List.of("P1Y/ANNUAL", "P3Y/ANNUAL"), false, false, null, List.of()));
    }

    @AfterEach
    void catalogBack() {
        FakeCatalog.down = false;
    }

    @Test
    @Order(1)
    void r_b2_r_a6_purchase_locks_the_price_and_computes_every_date() {
        Api.advanceTo("2022-01-14T09:30:00Z");
        String customer = Api.customer("Purchase One");
        JsonPath p = Api.purchase(customer, "{\"offerId\":\"" + E3 + "\",\"term\":\"P1Y\",\"billing\":\"MONTHLY\",\"quantity\":10}")
                .then().statusCode(201).extract().jsonPath();
        assertThat(p.getString("customerId")).isEqualTo(customer);
        assertThat(p.getString("offerId")).isEqualTo(E3);
        assertThat(p.getString("offerName")).isEqualTo("Offer " + E3);
        assertThat(p.getString("status")).isEqualTo("ACTIVE");
        assertThat(p.getInt("quantity")).isEqualTo(10);
        assertThat(p.getString("unitPrice")).isEqualTo("36.00");
        assertThat(p.getString("currency")).isEqualTo("USD");
        assertThat(p.getString("startDate")).isEqualTo("2022-01-14");
        assertThat(p.getString("endDate")).isEqualTo("2023-01-13");
        assertThat(p.getString("renewalDate")).isEqualTo("2023-01-14");
        assertThat(p.getString("originalStartDate")).isEqualTo("2022-01-14");
        assertThat(p.getString("noticeDeadline")).isEqualTo("2022-12-15");
        // D4: 72 h before 2022-03-12
        assertThat(p.getString("cancellationAllowedUntil")).isEqualTo("2022-01-17T09:30:00Z");
        assertThat(p.getInt("refundableQuantity")).isEqualTo(10);
        assertThat(p.getBoolean("autoRenew")).isTrue();
        assertThat(p.getString("endOfTermAction")).isEqualTo("RENEW");
        assertThat(p.getBoolean("inExtendedServiceTerm")).isFalse();
        assertThat(p.getBoolean("trial")).isFalse();
        assertThat(p.getString("createdAt")).isEqualTo("2022-01-14T09:30:00Z");
        assertThat(p.getMap("")).containsKeys("scheduledChanges", "promotionId", "listUnitPrice", "trialEndsAt",
                "parentSubscriptionId", "migratedFrom");
        assertThat(p.getString("scheduledChanges")).isNull();
        assertThat(p.getInt("version")).isZero();
        assertThat(FakeCatalog.lastAuthorization).startsWith("Bearer ey");

        String id = p.getString("subscriptionId");
        admin().get("/v1/subscriptions/" + id + "/events").then().statusCode(200)
                .body("totalCount", equalTo(1))
                .body("items[0].type", equalTo("SubscriptionCreated"))
                .body("items[0].effectiveAt", equalTo("2022-01-14T09:30:00Z"))
                .body("items[0].customerId", equalTo(customer))
                .body("items[0].subjectId", equalTo(id))
                .body("items[0].actor", equalTo("admin"))
                .body("items[0].payload.origin", equalTo("PURCHASE"))
                .body("items[0].payload.subscription.unitPrice", equalTo("36.00"))
                .body("items[0].payload.subscription.noticeDeadline", equalTo("2022-12-15"))
                .body("items[0].payload.subscription.renewalDate", equalTo("2023-01-14"))
                .body("items[0].payload.subscription.termStartAt", equalTo("2022-01-14T09:30:00Z"))
                .body("items[0].payload.batch.quantity", equalTo(10))
                .body("items[0].payload.batch.windowEnd", equalTo("2022-01-17T09:30:00Z"));
        admin().get("/v1/customers/" + customer + "/subscriptions").then().statusCode(200)
                .body("totalCount", equalTo(1)).body("items[0].subscriptionId", equalTo(id));
    }

    @Test
    @Order(2)
    void r_a4_plans_have_their_own_price_and_dates() {
        String customer = Api.customer("Purchase Plans");
        Api.purchase(customer, "{\"offerId\":\"" + E3 + "\",\"term\":\"P1M\",\"billing\":\"MONTHLY\",\"quantity\":1}")
                .then().statusCode(201).body("unitPrice", equalTo("43.20")).body("endDate", equalTo("2022-02-13"))
                .body("noticeDeadline", equalTo("2022-02-07")).body("termYearStarts", hasSize(0));
        Api.purchase(customer, "{\"offerId\":\"" + E3 + "\",\"term\":\"P3Y\",\"billing\":\"ANNUAL\",\"quantity\":2}")
                .then().statusCode(201).body("unitPrice", equalTo("34.00")).body("endDate", equalTo("2025-01-13"))
                .body("noticeDeadline", equalTo("2024-12-15"))
                .body("termYearStarts", contains("2022-01-14", "2023-01-14", "2024-01-14"));
    }

    @Test
    @Order(3)
    void d17_purchase_renewal_settings() {
        String customer = Api.customer("Purchase Settings");
        Api.purchase(customer, "{\"offerId\":\"" + E3 + "\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\",\"quantity\":1,\"autoRenew\":false}")
                .then().statusCode(201).body("autoRenew", equalTo(false)).body("endOfTermAction", equalTo("EXTENDED_SERVICE_TERM"));
        Api.purchase(customer, "{\"offerId\":\"" + E3 + "\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\",\"quantity\":1,\"endOfTermAction\":\"CANCEL\"}")
                .then().statusCode(201).body("autoRenew", equalTo(false)).body("endOfTermAction", equalTo("CANCEL"));
        // renewable=false: never renews; outside EST scope the platform sets EXPIRE
        Api.purchase(customer, "{\"offerId\":\"" + NON_RENEWABLE + "\",\"term\":\"P3Y\",\"billing\":\"ANNUAL\",\"quantity\":1}")
                .then().statusCode(201).body("autoRenew", equalTo(false)).body("endOfTermAction", equalTo("EXPIRE"));
        Api.purchase(customer, "{\"offerId\":\"" + NON_RENEWABLE + "\",\"term\":\"P3Y\",\"billing\":\"ANNUAL\",\"quantity\":1,\"autoRenew\":true}")
                .then().statusCode(409).body("code", equalTo("invalid-state")).body("rule", equalTo("D17"));
        // coterm NONE is a plain purchase
        Api.purchase(customer, "{\"offerId\":\"" + E3 + "\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\",\"quantity\":1,\"coterm\":{\"type\":\"NONE\"},\"promotionId\":null}")
                .then().statusCode(201).body("endDate", equalTo("2023-01-13"));
    }

    @Test
    @Order(4)
    void refusals_in_api_order_change_nothing() {
        String customer = Api.customer("Purchase Refusals");
        String body = "{\"offerId\":\"" + E3 + "\",\"term\":\"P1Y\",\"billing\":\"MONTHLY\",\"quantity\":1}";
        // 400
        Api.purchase(customer, body.replace("\"quantity\":1", "\"quantity\":0")).then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("field", equalTo("quantity"));
        Api.purchase(customer, body.replace("MONTHLY", "WEEKLY")).then().statusCode(400).body("field", equalTo("billing"));
        Api.purchase(customer, body.replace("}", ",\"seats\":3}")).then().statusCode(400).body("field", equalTo("seats"));
        Api.purchase(customer, body.replace("}", ",\"endOfTermAction\":\"EXPIRE\"}")).then().statusCode(400)
                .body("field", equalTo("endOfTermAction"));
        Api.purchase(customer, body.replace("}", ",\"autoRenew\":true,\"endOfTermAction\":\"CANCEL\"}")).then()
                .statusCode(400).body("field", equalTo("endOfTermAction"));
        Api.purchase(customer, body.replace("}", ",\"coterm\":{}}")).then().statusCode(400).body("field", equalTo("coterm.type"));
        // 404: customer, offer
        Api.purchase("0190f7a5-0000-7000-8000-000000000000", body).then().statusCode(404).body("code", equalTo("not-found"));
        Api.purchase(customer, body.replace(E3, "NOPE:0001")).then().statusCode(404).body("code", equalTo("not-found"))
                .body("field", equalTo("offerId"));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer("someone-else"))).contentType("application/json")
                .body(body).post("/v1/customers/" + customer + "/subscriptions").then().statusCode(404);
        // 422: never-valid pair, pair not sold by the offer, a P1Y co-termed to a P1M (R-B5)
        Api.purchase(customer, body.replace("P1Y", "P1M").replace("MONTHLY", "ANNUAL")).then().statusCode(422)
                .body("code", equalTo("plan-not-available"));
        Api.purchase(customer, body.replace(E3, D365).replace("P1Y", "P3Y").replace("MONTHLY", "MONTHLY")).then()
                .statusCode(422).body("code", equalTo("plan-not-available"));
        String otherCustomer = Api.customer("Purchase Refusals Coterm Target");
        String monthly = Api.buy(otherCustomer, E3, "P1M", "MONTHLY", 1);
        Api.purchase(customer, body.replace("}", ",\"coterm\":{\"type\":\"SUBSCRIPTION\",\"subscriptionId\":\"" + monthly + "\"}}"))
                .then().statusCode(422).body("code", equalTo("coterm-not-allowed")).body("rule", equalTo("R-B5"));
        // 503: the catalog is down, never a guessed price
        FakeCatalog.down = true;
        Api.purchase(customer, body).then().statusCode(503).contentType("application/problem+json")
                .body("code", equalTo("catalog-unavailable"));
        FakeCatalog.down = false;
        admin().get("/v1/customers/" + customer + "/subscriptions").then().body("totalCount", equalTo(0));
    }

    @Test
    @Order(5)
    void idempotency_key_buys_once() {
        String customer = Api.customer("Purchase Idempotent");
        String body = "{\"offerId\":\"" + E3 + "\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\",\"quantity\":3}";
        String first = json().header("Idempotency-Key", "buy-1").body(body).post("/v1/customers/" + customer + "/subscriptions")
                .then().statusCode(201).extract().path("subscriptionId");
        String again = json().header("Idempotency-Key", "buy-1").body(body).post("/v1/customers/" + customer + "/subscriptions")
                .then().statusCode(201).extract().path("subscriptionId");
        assertThat(again).isEqualTo(first);
        admin().get("/v1/customers/" + customer + "/subscriptions").then().body("totalCount", equalTo(1));
    }

    @Test
    @Order(10)
    void r_c1_72h_and_168h_windows_at_the_boundary() {
        String customer = Api.customer("Purchase Windows");
        Api.advanceTo("2022-03-11T23:59:59Z");
        String early = Api.buy(customer, E3, "P1Y", "ANNUAL", 5);
        Api.get(early).then().body("cancellationAllowedUntil", equalTo("2022-03-14T23:59:59Z"));
        Api.advanceTo("2022-03-12T00:00:00Z");
        String late = Api.buy(customer, E3, "P1Y", "ANNUAL", 5);
        Api.get(late).then().body("cancellationAllowedUntil", equalTo("2022-03-19T00:00:00Z"));
        admin().get("/v1/subscriptions/" + late + "/refundable-quantity").then().statusCode(200)
                .body("totalQuantity", equalTo(5)).body("details[0].quantity", equalTo(5))
                .body("details[0].allowedUntil", equalTo("2022-03-19T00:00:00Z"));
        Api.advanceTo("2022-03-14T23:59:59Z");
        Api.get(early).then().body("cancellationAllowedUntil", nullValue()).body("refundableQuantity", equalTo(0));
        admin().get("/v1/subscriptions/" + early + "/refundable-quantity").then().body("totalQuantity", equalTo(0))
                .body("details", hasSize(0));
        Api.get(late).then().body("refundableQuantity", equalTo(5));
    }
}
