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
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** R-J / D15 trials over the REST API (clock from 2028-10-02, after the classes before). */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrialApiTest {

    static final String TRIAL_OFFER = "CFQ7TTC0TRIA:0001";
    static final String NO_TRIAL = "CFQ7TTC0NOTR:0001";

    static String customer;
    static String converting;
    static String expiring;
    static String scheduled;

    static {
        // base 20.00: P1Y/MONTHLY 21.00 (2028), P1M 24.00
        FakeCatalog.register(TRIAL_OFFER, "20.00", "19.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
        FakeCatalog.register(NO_TRIAL, "20.00", "19.00", "P1M/MONTHLY", "P1Y/MONTHLY");
        FakeCatalog.TRIAL_OFFERS.add(TRIAL_OFFER);
    }

    static Response trial(String customerId, String offerId) {
        return json().body("{\"offerId\":\"" + offerId + "\"}").post("/v1/customers/" + customerId + "/trials");
    }

    static Response convert(String id, String body) {
        return json().body(body).post("/v1/subscriptions/" + id + "/trial-conversions");
    }

    @Test
    @Order(1)
    void d15_a_trial_is_25_free_seats_for_30_days() {
        Api.advanceTo("2028-10-02T06:00:00Z");
        customer = Api.customer("Trial Customer");
        JsonPath t = trial(customer, TRIAL_OFFER).then().statusCode(201).extract().jsonPath();
        converting = t.getString("subscriptionId");
        assertThat(t.getBoolean("trial")).isTrue();
        assertThat(t.getInt("quantity")).isEqualTo(25);
        assertThat(t.getString("term")).isEqualTo("P1M");
        assertThat(t.getString("billing")).isEqualTo("MONTHLY");
        assertThat(t.getString("unitPrice")).isEqualTo("0.00");
        assertThat(t.getString("trialEndsAt")).isEqualTo("2028-11-01T06:00:00Z");
        assertThat(t.getString("endDate")).isEqualTo("2028-11-01");
        assertThat(t.getBoolean("autoRenew")).isTrue();
        assertThat(t.getString("endOfTermAction")).isEqualTo("RENEW");
        assertThat(admin().get("/v1/subscriptions/" + converting + "/events").then().extract().jsonPath()
                .getString("items[0].payload.origin")).isEqualTo("TRIAL");
        trial(customer, NO_TRIAL).then().statusCode(422).body("code", equalTo("plan-not-available"));
        // R-J1: fixed quantity
        Api.patch(converting, "{\"quantity\":30}").then().statusCode(409).body("code", equalTo("invalid-state"));
        expiring = trial(customer, TRIAL_OFFER).then().statusCode(201).extract().path("subscriptionId");
        Api.patch(expiring, "{\"autoRenew\":false}").then().statusCode(200).body("autoRenew", equalTo(false))
                .body("endOfTermAction", equalTo("EXPIRE"));
        scheduled = trial(customer, TRIAL_OFFER).then().statusCode(201).extract().path("subscriptionId");
        json().body("{\"quantity\":10,\"term\":\"P1M\"}").put("/v1/subscriptions/" + scheduled + "/scheduled-changes")
                .then().statusCode(200);
    }

    @Test
    @Order(2)
    void r_j3_mid_term_conversion_to_a_new_term_and_into_an_existing_subscription() {
        String t = trial(customer, TRIAL_OFFER).then().statusCode(201).extract().path("subscriptionId");
        convert(t, "{\"term\":\"P1Y\",\"billing\":\"MONTHLY\",\"quantity\":24}").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("field", equalTo("quantity"));
        JsonPath r = convert(t, "{\"term\":\"P1Y\",\"billing\":\"MONTHLY\",\"quantity\":30}").then().statusCode(200)
                .extract().jsonPath();
        assertThat(r.getString("source.subscriptionId")).isEqualTo(t);
        assertThat(r.getString("target.subscriptionId")).isEqualTo(t);
        assertThat(r.getBoolean("target.trial")).isFalse();
        assertThat(r.getInt("target.quantity")).isEqualTo(30);
        assertThat(r.getString("target.term")).isEqualTo("P1Y");
        assertThat(r.getString("target.unitPrice")).isEqualTo("21.00");
        assertThat(r.getString("target.startDate")).isEqualTo("2028-10-02");
        assertThat(r.getString("target.endDate")).isEqualTo("2029-10-01");
        convert(t, "{\"term\":\"P1Y\",\"billing\":\"MONTHLY\",\"quantity\":30}").then().statusCode(409)
                .body("code", equalTo("invalid-state"));

        String paid = Api.buy(customer, TRIAL_OFFER, "P1Y", "MONTHLY", 5);
        String t2 = trial(customer, TRIAL_OFFER).then().statusCode(201).extract().path("subscriptionId");
        JsonPath into = convert(t2, "{\"targetSubscriptionId\":\"" + paid + "\"}").then().statusCode(200).extract().jsonPath();
        assertThat(into.getString("source.status")).isEqualTo("DELETED");
        assertThat(into.getString("target.subscriptionId")).isEqualTo(paid);
        assertThat(into.getInt("target.quantity")).isEqualTo(30);
        List<String> types = admin().get("/v1/subscriptions/" + paid + "/events").then().extract().jsonPath().getList("items.type");
        assertThat(types).containsSubsequence("SubscriptionCreated", "TrialConverted");
    }

    @Test
    @Order(3)
    void r_j2_d15_at_the_end_auto_renew_converts_and_auto_renew_off_expires() {
        Api.advanceTo("2028-11-01T06:00:00Z");
        JsonPath c = Api.get(converting).then().statusCode(200).extract().jsonPath();
        assertThat(c.getBoolean("trial")).isFalse();
        assertThat(c.getString("status")).isEqualTo("ACTIVE");
        assertThat(c.getString("term")).isEqualTo("P1Y");
        assertThat(c.getString("billing")).isEqualTo("MONTHLY");
        assertThat(c.getInt("quantity")).isEqualTo(25);
        assertThat(c.getString("unitPrice")).isEqualTo("21.00");
        assertThat(c.getString("startDate")).isEqualTo("2028-11-01");
        assertThat(c.getString("endDate")).isEqualTo("2029-10-31");
        JsonPath e = admin().get("/v1/subscriptions/" + converting + "/events").then().extract().jsonPath();
        int last = e.getList("items").size() - 1;
        assertThat(e.getString("items[" + last + "].type")).isEqualTo("TrialConverted");
        assertThat(e.getString("items[" + last + "].payload.convertedAt")).isEqualTo("2028-11-01T06:00:00Z");
        assertThat(e.getInt("items[" + last + "].payload.quantity")).isEqualTo(25);

        Api.get(expiring).then().body("status", equalTo("EXPIRED")).body("trial", equalTo(true));
        json().post("/v1/subscriptions/" + expiring + "/renew").then().statusCode(409).body("code", equalTo("invalid-state"));
        Api.get(scheduled).then().body("trial", equalTo(false)).body("quantity", equalTo(10)).body("term", equalTo("P1M"))
                .body("unitPrice", equalTo("24.00")).body("scheduledChanges", equalTo(null));
    }
}
