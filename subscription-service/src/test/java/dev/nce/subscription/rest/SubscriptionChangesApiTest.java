package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
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
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Quantity (R-D1, R-C5, D5), cancel (R-C4), suspend/resume (R-E1, D20), D17 settings, D7 notice, the state table. */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(3)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SubscriptionChangesApiTest {

    static final String E5 = "CFQ7TTC0LFK5:0001";
    static final String P3Y_FIXED = "CFQ7TTC0P3YF:0001";

    static {
        FakeCatalog.register(E5, "57.00", "54.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL", "P3Y/ANNUAL");
        FakeCatalog.register(new FakeCatalog.Offer(P3Y_FIXED, "No increase", new BigDecimal("20.00"),
                new BigDecimal("18.00"), List.of("P3Y/ANNUAL"), true, false, null, List.of()));
    }

    static List<String> eventTypes(String id) {
        return admin().get("/v1/subscriptions/" + id + "/events").then().statusCode(200).extract().jsonPath().getList("items.type");
    }

    @Test
    @Order(1)
    void r_d1_r_c5_d5_increase_then_reduce_newest_batch_first() {
        Api.advanceTo("2022-04-01T10:00:00Z");
        String customer = Api.customer("Seats");
        String id = Api.buy(customer, E5, "P1Y", "ANNUAL", 10);
        Api.advanceTo("2022-04-05T12:00:00Z");
        Api.patch(id, "{\"quantity\":13}").then().statusCode(200).body("quantity", equalTo(13))
                .body("refundableQuantity", equalTo(13)).body("endDate", equalTo("2023-03-31"));
        Api.advanceTo("2022-04-06T08:00:00Z");
        Api.patch(id, "{\"quantity\":15}").then().statusCode(200).body("refundableQuantity", equalTo(15));
        admin().get("/v1/subscriptions/" + id + "/refundable-quantity").then()
                .body("totalQuantity", equalTo(15))
                .body("details.quantity", equalTo(List.of(10, 3, 2)))
                .body("details.allowedUntil", equalTo(List.of("2022-04-08T10:00:00Z", "2022-04-12T12:00:00Z",
                        "2022-04-13T08:00:00Z")));
        // after the purchase window: only the added seats, newest first
        Api.advanceTo("2022-04-09T00:00:00Z");
        Api.get(id).then().body("refundableQuantity", equalTo(5)).body("cancellationAllowedUntil", nullValue());
        Api.patch(id, "{\"quantity\":9}").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("reduction-exceeds-refundable")).body("rule", equalTo("R-C5"))
                .body("refundableQuantity", equalTo(5)).body("allowedUntil", equalTo("2022-04-13T08:00:00Z"));
        JsonPath reduced = Api.patch(id, "{\"quantity\":11}").then().statusCode(200).extract().jsonPath();
        assertThat(reduced.getInt("quantity")).isEqualTo(11);
        assertThat(reduced.getInt("refundableQuantity")).isEqualTo(1);
        JsonPath events = admin().get("/v1/subscriptions/" + id + "/events").then().extract().jsonPath();
        assertThat(events.getList("items.type")).containsExactly("SubscriptionCreated", "QuantityChanged",
                "QuantityChanged", "QuantityChanged");
        assertThat(events.getInt("items[1].payload.batchesAdded[0].quantity")).isEqualTo(3);
        assertThat(events.getString("items[1].payload.batchesAdded[0].windowEnd")).isEqualTo("2022-04-12T12:00:00Z");
        assertThat(events.getString("items[1].effectiveAt")).isEqualTo("2022-04-05T12:00:00Z");
        // D5: 2 seats from the newest batch (+2), then 2 from the +3 batch
        assertThat(events.getList("items[3].payload.batchesReduced.quantity")).containsExactly(2, 2);
        assertThat(events.getInt("items[3].payload.previousQuantity")).isEqualTo(15);
        assertThat(events.getInt("items[3].payload.newQuantity")).isEqualTo(11);
        // PATCH quantity 0 is a validation error: use cancel
        Api.patch(id, "{\"quantity\":0}").then().statusCode(400).body("field", equalTo("quantity"));
        // after every window: nothing is refundable, a reduction names 0
        Api.advanceTo("2022-04-14T00:00:00Z");
        Api.patch(id, "{\"quantity\":10}").then().statusCode(409).body("refundableQuantity", equalTo(0));
        Api.get(id).then().body("quantity", equalTo(11));
    }

    @Test
    @Order(2)
    void r_c4_cancel_inside_the_window_only() {
        String customer = Api.customer("Cancels");
        String inside = Api.buy(customer, E5, "P1Y", "MONTHLY", 4);
        String outside = Api.buy(customer, E5, "P1Y", "MONTHLY", 4);
        Api.advanceTo("2022-04-20T23:59:59Z");
        // an action POST takes no body and no Content-Type
        admin().post("/v1/subscriptions/" + inside + "/cancel").then().statusCode(200)
                .body("status", equalTo("DELETED")).body("refundableQuantity", equalTo(0));
        admin().post("/v1/subscriptions/" + inside + "/cancel").then().statusCode(409).body("code", equalTo("invalid-state"));
        Api.get(inside).then().statusCode(200).body("status", equalTo("DELETED"));
        JsonPath events = admin().get("/v1/subscriptions/" + inside + "/events").then().extract().jsonPath();
        assertThat(events.getString("items[1].type")).isEqualTo("SubscriptionCancelled");
        assertThat(events.getString("items[1].payload.cancelledAt")).isEqualTo("2022-04-20T23:59:59Z");
        assertThat(events.getList("items[1].payload.batchesRemoved.quantity")).containsExactly(4);
        Api.advanceTo("2022-04-21T00:00:00Z");
        // a seat-add window does not reopen cancellation of the whole subscription
        Api.patch(outside, "{\"quantity\":6}").then().statusCode(200);
        admin().post("/v1/subscriptions/" + outside + "/cancel").then().statusCode(409)
                .body("code", equalTo("cancellation-window-closed")).body("rule", equalTo("R-C4"))
                .body("allowedUntil", equalTo("2022-04-21T00:00:00Z"));
        Api.get(outside).then().body("status", equalTo("ACTIVE")).body("quantity", equalTo(6));
    }

    @Test
    @Order(3)
    void r_e1_d20_suspend_and_resume() {
        String customer = Api.customer("Suspends");
        String id = Api.buy(customer, E5, "P1Y", "MONTHLY", 3);
        json().body("{\"quantity\":3}").put("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(200);
        admin().post("/v1/subscriptions/" + id + "/suspend").then().statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("autoRenew", equalTo(false)).body("endOfTermAction", equalTo("EXPIRE"))
                .body("scheduledChanges", nullValue());
        admin().post("/v1/subscriptions/" + id + "/suspend").then().statusCode(409).body("code", equalTo("invalid-state"));
        // while SUSPENDED: no increase, no settings; a reduction inside the window is allowed
        Api.patch(id, "{\"quantity\":4}").then().statusCode(409).body("code", equalTo("invalid-state"));
        Api.patch(id, "{\"autoRenew\":true}").then().statusCode(409).body("code", equalTo("invalid-state"));
        json().body("{\"quantity\":2}").put("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(409);
        Api.patch(id, "{\"quantity\":2}").then().statusCode(200).body("quantity", equalTo(2));
        admin().post("/v1/subscriptions/" + id + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("autoRenew", equalTo(false)).body("endOfTermAction", equalTo("EXPIRE"));
        admin().post("/v1/subscriptions/" + id + "/resume").then().statusCode(409).body("code", equalTo("invalid-state"));
        Api.patch(id, "{\"autoRenew\":true}").then().statusCode(200).body("endOfTermAction", equalTo("RENEW"));
        assertThat(eventTypes(id)).containsExactly("SubscriptionCreated", "ScheduledChangesSet", "SubscriptionSuspended",
                "QuantityChanged", "SubscriptionResumed", "EndOfTermActionChanged");
    }

    @Test
    @Order(4)
    void d17_r_d3_settings_clear_scheduled_changes_and_validate() {
        String customer = Api.customer("Settings");
        String id = Api.buy(customer, E5, "P1Y", "MONTHLY", 8);
        json().body("{\"quantity\":5,\"billing\":\"ANNUAL\"}").put("/v1/subscriptions/" + id + "/scheduled-changes")
                .then().statusCode(200).body("scheduledChanges.quantity", equalTo(5))
                .body("scheduledChanges.billing", equalTo("ANNUAL")).body("scheduledChanges.term", nullValue());
        Api.patch(id, "{\"autoRenew\":true,\"endOfTermAction\":\"CANCEL\"}").then().statusCode(400)
                .body("field", equalTo("endOfTermAction"));
        Api.patch(id, "{\"endOfTermAction\":\"EXPIRE\"}").then().statusCode(400).body("field", equalTo("endOfTermAction"));
        Api.patch(id, "{\"autoRenew\":\"maybe\"}").then().statusCode(400).body("field", equalTo("autoRenew"));
        Api.patch(id, "{\"autoRenew\":false}").then().statusCode(200).body("autoRenew", equalTo(false))
                .body("endOfTermAction", equalTo("EXTENDED_SERVICE_TERM")).body("scheduledChanges", nullValue());
        // autoRenew false leaves a non-RENEW action unchanged; an explicit action sets it
        Api.patch(id, "{\"endOfTermAction\":\"CANCEL\"}").then().statusCode(200).body("endOfTermAction", equalTo("CANCEL"));
        Api.patch(id, "{\"autoRenew\":false}").then().statusCode(200).body("endOfTermAction", equalTo("CANCEL"));
        // R-F3: scheduled changes need RENEW
        json().body("{\"quantity\":5}").put("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(409)
                .body("code", equalTo("invalid-state")).body("rule", equalTo("R-F3"));
        admin().contentType("application/merge-patch+json").body("{\"autoRenew\":true}").patch("/v1/subscriptions/" + id)
                .then().statusCode(200).body("endOfTermAction", equalTo("RENEW"));
        // R-A2 at renewal scheduling
        json().body("{\"term\":\"P1M\",\"billing\":\"ANNUAL\"}").put("/v1/subscriptions/" + id + "/scheduled-changes")
                .then().statusCode(422).body("code", equalTo("plan-not-available"));
        json().body("{\"term\":\"P3Y\",\"billing\":\"TRIENNIAL\"}").put("/v1/subscriptions/" + id + "/scheduled-changes")
                .then().statusCode(422).body("code", equalTo("plan-not-available"));
        json().body("{\"offerId\":\"" + P3Y_FIXED + "\"}").put("/v1/subscriptions/" + id + "/scheduled-changes")
                .then().statusCode(422).body("code", equalTo("upgrade-not-eligible"));
        json().body("{}").put("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(400);
        json().body("{\"quantity\":7}").put("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(200);
        // R-D3: an immediate quantity change deletes them
        Api.patch(id, "{\"quantity\":9}").then().statusCode(200).body("scheduledChanges", nullValue());
        admin().delete("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(409);
        JsonPath events = admin().get("/v1/subscriptions/" + id + "/events").then().extract().jsonPath();
        assertThat(events.getList("items.type")).containsExactly("SubscriptionCreated", "ScheduledChangesSet",
                "ScheduledChangesCleared", "EndOfTermActionChanged", "EndOfTermActionChanged", "EndOfTermActionChanged",
                "ScheduledChangesSet", "QuantityChanged", "ScheduledChangesCleared");
        assertThat(events.getString("items[2].payload.reason")).isEqualTo("auto-renew-off");
        assertThat(events.getString("items[8].payload.reason")).isEqualTo("quantity-changed");
        // before 2026 no term is in EST scope: no EST price in the event
        assertThat(events.getString("items[3].payload.estUnitPrice")).isNull();
        assertThat(events.getString("items[3].payload.endOfTermAction")).isEqualTo("EXTENDED_SERVICE_TERM");
    }

    @Test
    @Order(5)
    void r_d1_offer_without_mid_term_increase_and_other_refusals() {
        String customer = Api.customer("Refusals");
        String id = Api.buy(customer, P3Y_FIXED, "P3Y", "ANNUAL", 5);
        Api.patch(id, "{\"quantity\":6}").then().statusCode(409).body("code", equalTo("invalid-state")).body("rule", equalTo("R-D1"));
        Api.patch(id, "{\"quantity\":5}").then().statusCode(200).body("version", equalTo(0));
        Api.patch(id, "{\"colour\":\"red\"}").then().statusCode(400).body("field", equalTo("colour"));
        admin().get("/v1/subscriptions/nope").then().statusCode(404).body("code", equalTo("not-found"));
        Api.patch("0190f7a5-0000-7000-8000-000000000000", "{\"quantity\":2}").then().statusCode(404);
        admin().post("/v1/subscriptions/0190f7a5-0000-7000-8000-000000000000/cancel").then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(TestTokens.customer("other"))).get("/v1/subscriptions/" + id)
                .then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(customer))).get("/v1/subscriptions/" + id)
                .then().statusCode(200);
        given().get("/v1/subscriptions/" + id).then().statusCode(401);
        // renew is for EST or EXPIRED only
        admin().post("/v1/subscriptions/" + id + "/renew").then().statusCode(409).body("code", equalTo("invalid-state"));
        admin().queryParam("limit", 5000).get("/v1/subscriptions/" + id + "/events").then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    @Test
    @Order(6)
    void d7_notice_deadline_refuses_changes_at_renewal_after_it() {
        String customer = Api.customer("Notice");
        Api.advanceTo("2022-05-01T00:00:00Z");
        String id = Api.buy(customer, E5, "P1M", "MONTHLY", 2);
        Api.get(id).then().body("renewalDate", equalTo("2022-06-01")).body("noticeDeadline", equalTo("2022-05-25"));
        Api.advanceTo("2022-05-25T23:59:59Z");
        json().body("{\"quantity\":1}").put("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(200);
        admin().delete("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(200)
                .body("scheduledChanges", nullValue());
        Api.advanceTo("2022-05-26T00:00:00Z");
        Api.patch(id, "{\"autoRenew\":false}").then().statusCode(409).body("code", equalTo("notice-period-passed"))
                .body("rule", equalTo("D7")).body("noticeDeadline", equalTo("2022-05-25"));
        Api.patch(id, "{\"endOfTermAction\":\"CANCEL\"}").then().statusCode(409).body("code", equalTo("notice-period-passed"));
        json().body("{\"quantity\":1}").put("/v1/subscriptions/" + id + "/scheduled-changes").then().statusCode(409)
                .body("code", equalTo("notice-period-passed"));
        // immediate actions are not touched by D7
        admin().post("/v1/subscriptions/" + id + "/suspend").then().statusCode(200);
        admin().post("/v1/subscriptions/" + id + "/resume").then().statusCode(200);
        // returning to RENEW is always allowed
        Api.patch(id, "{\"autoRenew\":true}").then().statusCode(200).body("autoRenew", equalTo(true))
                .body("warnings", nullValue());
        assertThat(eventTypes(id)).containsExactly("SubscriptionCreated", "ScheduledChangesSet", "ScheduledChangesCleared",
                "SubscriptionSuspended", "SubscriptionResumed", "EndOfTermActionChanged");
    }
}
