package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** R-G1 mid-term term changes and the R-A9 three-year rules over the REST API (clock from 2027-08-02). */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(8)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TermChangeAndThreeYearApiTest {

    static final String E6 = "CFQ7TTC0TERM:0001";
    static final String FIXED_P3Y = "CFQ7TTC0FIX3:0001";
    static final String EXPIRING = "CFQ7TTC0EXPR:0001";

    static String customer;

    static {
        // base 40.00, P3Y base 38.00: P1M = 48.00, P1Y/MONTHLY = 42.00 (2027, +5 %), P3Y/MONTHLY = 39.90
        FakeCatalog.register(E6, "40.00", "38.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL", "P3Y/MONTHLY", "P3Y/ANNUAL");
        FakeCatalog.register(new FakeCatalog.Offer(FIXED_P3Y, "Fixed P3Y", new BigDecimal("30.00"), new BigDecimal("28.00"),
                List.of("P1Y/ANNUAL", "P3Y/ANNUAL", "P3Y/MONTHLY"), true, false, null, List.of()));
        FakeCatalog.register(new FakeCatalog.Offer(EXPIRING, "Expiring", new BigDecimal("20.00"), new BigDecimal("19.00"),
                List.of("P1Y/ANNUAL", "P3Y/ANNUAL"), false, true, null, List.of()));
    }

    static Response termChange(String id, String term, String billing) {
        return json().body("{\"term\":\"" + term + "\",\"billing\":\"" + billing + "\"}")
                .post("/v1/subscriptions/" + id + "/term-changes");
    }

    @Test
    @Order(1)
    void r_g1_p1m_lengthened_to_p1y_starts_a_new_term_at_the_change() {
        Api.advanceTo("2027-08-02T10:00:00Z");
        customer = Api.customer("Term Changer");
        String id = Api.buy(customer, E6, "P1M", "MONTHLY", 5);
        Api.get(id).then().body("unitPrice", equalTo("48.00")).body("endDate", equalTo("2027-09-01"));
        json().body("{\"quantity\":8}").put("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(200);
        Api.advanceTo("2027-08-20T12:00:00Z");

        JsonPath p = termChange(id, "P1Y", "MONTHLY").then().statusCode(200).extract().jsonPath();
        assertThat(p.getString("subscriptionId")).isEqualTo(id);
        assertThat(p.getString("term")).isEqualTo("P1Y");
        assertThat(p.getString("billing")).isEqualTo("MONTHLY");
        assertThat(p.getString("unitPrice")).isEqualTo("42.00");
        assertThat(p.getString("startDate")).isEqualTo("2027-08-20");
        assertThat(p.getString("endDate")).isEqualTo("2028-08-19");
        assertThat(p.getString("originalStartDate")).isEqualTo("2027-08-02");
        assertThat(p.getString("cancellationAllowedUntil")).isEqualTo("2027-08-27T12:00:00Z");
        assertThat(p.getInt("refundableQuantity")).isEqualTo(5);
        assertThat(p.getInt("quantity")).isEqualTo(5);
        assertThat((Object) p.get("scheduledChanges")).isNull();

        JsonPath events = admin().queryParam("limit", 1000).get("/v1/subscriptions/" + id + "/events").then().statusCode(200)
                .extract().jsonPath();
        List<String> types = events.getList("items.type");
        assertThat(types).containsSubsequence("SubscriptionCreated", "ScheduledChangesSet", "ScheduledChangesCleared",
                "TermLengthened");
        String last = "items[" + (types.size() - 1) + "].payload.";
        assertThat(events.getString(last + "previousTermLength")).isEqualTo("P1M");
        assertThat(events.getString(last + "previousBilling")).isEqualTo("MONTHLY");
        assertThat(events.getString(last + "previousUnitPrice")).isEqualTo("48.00");
        assertThat(events.getString(last + "changeDate")).isEqualTo("2027-08-20");
        assertThat(events.getString(last + "previousTerm.endDate")).isEqualTo("2027-09-01");
        assertThat(events.getString(last + "subscription.endDate")).isEqualTo("2028-08-19");
        assertThat(events.getInt(last + "batch.quantity")).isEqualTo(5);
        assertThat(events.getString(last + "batch.windowEnd")).isEqualTo("2027-08-27T12:00:00Z");

        // and P1Y/MONTHLY -> P3Y/MONTHLY the same way
        termChange(id, "P3Y", "MONTHLY").then().statusCode(200).body("term", equalTo("P3Y"))
                .body("unitPrice", equalTo("39.90")).body("endDate", equalTo("2030-08-19"));
    }

    @Test
    @Order(2)
    void r_g1_refusals_in_api_order_change_nothing() {
        String monthly = Api.buy(customer, E6, "P1Y", "MONTHLY", 2);
        int version = Api.get(monthly).then().extract().path("version");
        termChange(monthly, "P1M", "MONTHLY").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("term-shortening-not-allowed")).body("rule", equalTo("R-G1"));
        termChange(monthly, "P1Y", "ANNUAL").then().statusCode(409).body("code", equalTo("term-change-not-allowed"))
                .body("rule", equalTo("R-G1"));
        termChange(monthly, "P3Y", "ANNUAL").then().statusCode(409).body("code", equalTo("term-change-not-allowed"));
        json().body("{\"term\":\"P3Y\"}").post("/v1/subscriptions/" + monthly + "/term-changes").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("field", equalTo("billing"));
        termChange("sub_nope", "P3Y", "MONTHLY").then().statusCode(404);
        Api.get(monthly).then().body("version", equalTo(version)).body("term", equalTo("P1Y"));

        // R-A9: a P3Y has no mid-term billing-frequency change
        String p3y = Api.buy(customer, E6, "P3Y", "ANNUAL", 1);
        termChange(p3y, "P3Y", "MONTHLY").then().statusCode(409).body("code", equalTo("term-change-not-allowed"));
        // P1Y/ANNUAL -> P3Y/ANNUAL at the P3Y price
        String fixed = Api.buy(customer, FIXED_P3Y, "P1Y", "ANNUAL", 1);
        termChange(fixed, "P3Y", "ANNUAL").then().statusCode(200).body("term", equalTo("P3Y")).body("unitPrice", equalTo("28.00"));
        // state table: SUSPENDED is invalid-state before the R-G1 codes
        json().post("/v1/subscriptions/" + monthly + "/suspend").then().statusCode(200);
        termChange(monthly, "P1M", "MONTHLY").then().statusCode(409).body("code", equalTo("invalid-state"));
    }

    @Test
    @Order(3)
    void r_g1_plan_not_sold_is_422() {
        FakeCatalog.register(new FakeCatalog.Offer("CFQ7TTC0NOP3:0001", "No P3Y", new BigDecimal("10.00"), null,
                List.of("P1M/MONTHLY", "P1Y/MONTHLY"), true, true, null, List.of()));
        String id = Api.buy(customer, "CFQ7TTC0NOP3:0001", "P1M", "MONTHLY", 1);
        termChange(id, "P3Y", "MONTHLY").then().statusCode(422).body("code", equalTo("plan-not-available"));
        Api.get(id).then().body("term", equalTo("P1M"));
    }

    @Test
    @Order(4)
    void r_a9_mid_term_increase_false_refuses_increases_only() {
        String id = Api.buy(customer, FIXED_P3Y, "P3Y", "ANNUAL", 10);
        Api.patch(id, "{\"quantity\":11}").then().statusCode(409).body("code", equalTo("invalid-state"))
                .body("rule", equalTo("R-D1"));
        Api.get(id).then().body("quantity", equalTo(10));
        // a reduction inside the window is still allowed (R-C5)
        Api.patch(id, "{\"quantity\":9}").then().statusCode(200).body("quantity", equalTo(9));
    }

    @Test
    @Order(5)
    void r_a9_d17_a_non_renewable_offer_ends_at_term_end() {
        String p3y = Api.buy(customer, EXPIRING, "P3Y", "ANNUAL", 3);
        Api.get(p3y).then().body("autoRenew", equalTo(false)).body("endOfTermAction", equalTo("CANCEL"))
                .body("endDate", equalTo("2030-08-19"));
        Api.patch(p3y, "{\"autoRenew\":true}").then().statusCode(409).body("code", equalTo("invalid-state"));
        String p1y = Api.buy(customer, EXPIRING, "P1Y", "ANNUAL", 3);
        Api.get(p1y).then().body("endDate", equalTo("2028-08-19"));
        Api.advanceTo("2028-08-20T00:00:00Z");
        // D17: in EST scope the non-renewable term ends with CANCEL: DISABLED at the renewal instant, never EST
        Api.get(p1y).then().body("status", equalTo("DISABLED")).body("inExtendedServiceTerm", equalTo(false));
        Api.get(p3y).then().body("status", equalTo("ACTIVE"));
    }
}
