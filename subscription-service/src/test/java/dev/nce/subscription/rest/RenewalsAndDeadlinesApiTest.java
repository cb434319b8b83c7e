package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * API.md "Renewals and deadlines" (issue 21): renewal prices from the catalog at the renewal date (scheduled changes,
 * EST, D17), monthlyDelta = (renewal - current) x next quantity, every deadline kind with its settled dueAt, and a
 * customer token limited to its own rows (clock from 2032-01-05, after the classes before).
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(15)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RenewalsAndDeadlinesApiTest {

    // base 10.00: P1Y/ANNUAL 10.00, P1Y/MONTHLY 10.50 (uplift from 2025-04), P1M 12.00, EST 12.36 (P1M x 1.03)
    static final String OFFER = "CFQ7TTC0RNWL:0001";

    static String a;
    static String b;
    static String annual;
    static String monthly;
    static String est;
    static String trial;
    static String other;

    static {
        FakeCatalog.register(OFFER, "10.00", "9.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
        FakeCatalog.TRIAL_OFFERS.add(OFFER);
    }

    @Test
    @Order(1)
    void setup_two_customers_with_every_kind_of_term_end() {
        Api.advanceTo("2032-01-05T10:00:00Z");
        a = Api.customer("Renewals A");
        b = Api.customer("Renewals B");
        annual = Api.buy(a, OFFER, "P1Y", "ANNUAL", 10);
        Api.patch(annual, "{\"quantity\":8}").then().statusCode(200);
        json().body("{\"billing\":\"MONTHLY\",\"quantity\":12}").put("/v1/subscriptions/" + annual + "/scheduled-changes")
                .then().statusCode(200);
        monthly = Api.buy(a, OFFER, "P1M", "MONTHLY", 5);
        est = Api.purchase(a, "{\"offerId\":\"" + OFFER + "\",\"term\":\"P1M\",\"billing\":\"MONTHLY\",\"quantity\":3,"
                + "\"endOfTermAction\":\"EXTENDED_SERVICE_TERM\"}").then().statusCode(201).extract().path("subscriptionId");
        trial = json().body("{\"offerId\":\"" + OFFER + "\"}").post("/v1/customers/" + a + "/trials").then()
                .statusCode(201).body("trialEndsAt", equalTo("2032-02-04T10:00:00Z")).extract().path("subscriptionId");
        other = Api.buy(b, OFFER, "P1Y", "ANNUAL", 2);
    }

    @Test
    @Order(2)
    void renewals_quote_the_next_terms_price_with_scheduled_changes_and_est() {
        JsonPath feb = admin().queryParam("from", "2032-02-01").queryParam("to", "2032-02-28")
                .queryParam("customerId", a).get("/v1/renewals").then().statusCode(200).extract().jsonPath();
        assertThat(feb.getInt("totalCount")).isEqualTo(2);
        Map<String, Object> m = row(feb, monthly);
        assertThat(m).containsEntry("renewalDate", "2032-02-05").containsEntry("noticeDeadline", "2032-01-29")
                .containsEntry("currentUnitPrice", "12.00").containsEntry("renewalUnitPrice", "12.00")
                .containsEntry("monthlyDelta", "0.00").containsEntry("currency", "USD")
                .containsEntry("customerName", "Renewals A").containsEntry("endOfTermAction", "RENEW")
                .containsEntry("outcome", "RENEW").containsEntry("quantity", 5);
        // D17: EST month price P1M x 1.03 = 12.36; (12.36 - 12.00) x 3 = 1.08
        Map<String, Object> e = row(feb, est);
        assertThat(e).containsEntry("renewalUnitPrice", "12.36").containsEntry("monthlyDelta", "1.08")
                .containsEntry("outcome", "EXTENDED_SERVICE_TERM").containsEntry("endOfTermAction", "EXTENDED_SERVICE_TERM");

        JsonPath jan33 = admin().queryParam("from", "2033-01-01").queryParam("to", "2033-01-31")
                .get("/v1/renewals").then().statusCode(200).extract().jsonPath();
        // R-F3: billing MONTHLY scheduled -> P1Y/MONTHLY 10.50; (10.50 - 10.00) x 12 (the next quantity) = 6.00
        Map<String, Object> y = row(jan33, annual);
        assertThat(y).containsEntry("renewalDate", "2033-01-05").containsEntry("noticeDeadline", "2032-12-06")
                .containsEntry("quantity", 8).containsEntry("nextQuantity", 12)
                .containsEntry("currentUnitPrice", "10.00").containsEntry("renewalUnitPrice", "10.50")
                .containsEntry("monthlyDelta", "6.00");
        assertThat(jan33.getString("items.find { it.subscriptionId == '" + annual + "' }.scheduledChanges.billing"))
                .isEqualTo("MONTHLY");
        assertThat(row(jan33, other)).containsEntry("renewalUnitPrice", "10.00").containsEntry("monthlyDelta", "0.00")
                .containsEntry("customerName", "Renewals B");
    }

    @Test
    @Order(3)
    void deadlines_of_every_kind_with_their_settled_due_instants() {
        JsonPath d = admin().queryParam("within", "P31D").queryParam("customerId", a).get("/v1/deadlines").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = d.getList("items");
        // three windows close at the same instant, 168 h after the purchases, with their refundable seats (R-C5)
        assertThat(items.subList(0, 3)).extracting(r -> r.get("kind"), r -> r.get("dueAt"))
                .containsOnly(org.assertj.core.groups.Tuple.tuple("WINDOW_CLOSING", "2032-01-12T10:00:00Z"));
        assertThat(items.subList(0, 3)).extracting(r -> r.get("subscriptionId"), r -> r.get("refundableQuantity"))
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(annual, 8),
                        org.assertj.core.groups.Tuple.tuple(monthly, 5), org.assertj.core.groups.Tuple.tuple(est, 3));
        assertThat(items.subList(0, 3)).allSatisfy(r -> assertThat(r.get("batchId")).isNotNull());
        // D7 deadline 2032-01-29 -> due 00:00Z the day after; the lock 24 h before the renewal instant
        assertThat(items.subList(3, items.size())).extracting(r -> r.get("kind") + " " + r.get("dueAt") + " "
                        + (r.get("subscriptionId").equals(monthly) ? "monthly" : r.get("subscriptionId").equals(est)
                        ? "est" : r.get("subscriptionId").equals(trial) ? "trial" : "?"))
                .containsExactlyInAnyOrder(
                        "NOTICE_DEADLINE 2032-01-30T00:00:00Z monthly",
                        "NOTICE_DEADLINE 2032-01-30T00:00:00Z est",
                        "SCHEDULED_CHANGE_LOCK 2032-02-04T00:00:00Z monthly",
                        "TRIAL_ENDING 2032-02-04T10:00:00Z trial",
                        "RENEWAL 2032-02-05T00:00:00Z monthly",
                        "EST_START 2032-02-05T00:00:00Z est");
        assertThat(d.getList("items.dueAt", String.class)).isSorted();
        assertThat(d.getInt("totalCount")).isEqualTo(9);

        // the default P7D reaches the window end (now + 168 h) and nothing after it
        assertThat(admin().queryParam("customerId", a).get("/v1/deadlines").then().statusCode(200).extract()
                .jsonPath().getList("items.kind", String.class)).containsExactly("WINDOW_CLOSING", "WINDOW_CLOSING",
                "WINDOW_CLOSING");
        admin().queryParam("within", "seven days").get("/v1/deadlines").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("field", equalTo("within"));
        admin().queryParam("from", "2032-13-01").get("/v1/renewals").then().statusCode(400)
                .body("field", equalTo("from"));
    }

    @Test
    @Order(4)
    void a_customer_token_sees_only_its_own_rows() {
        String tokenB = TestTokens.bearer(TestTokens.customer(b));
        JsonPath r = given().header("Authorization", tokenB).queryParam("from", "2032-01-01")
                .queryParam("to", "2033-12-31").get("/v1/renewals").then().statusCode(200).extract().jsonPath();
        assertThat(r.getList("items.subscriptionId", String.class)).containsExactly(other);
        JsonPath d = given().header("Authorization", tokenB).queryParam("within", "P31D").get("/v1/deadlines").then()
                .statusCode(200).extract().jsonPath();
        assertThat(d.getList("items.subscriptionId", String.class)).containsExactly(other);
        assertThat(d.getInt("items[0].refundableQuantity")).isEqualTo(2);
        given().header("Authorization", tokenB).queryParam("customerId", a).get("/v1/deadlines").then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().header("Authorization", tokenB).queryParam("customerId", a).get("/v1/renewals").then().statusCode(404);
        given().get("/v1/deadlines").then().statusCode(401);
    }

    private static Map<String, Object> row(JsonPath page, String subscriptionId) {
        return page.getMap("items.find { it.subscriptionId == '" + subscriptionId + "' }");
    }
}
