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
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** R-B5 coterm at purchase and D9 seat caps over the REST API (clock from 2027-06-15, after the classes before). */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(7)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CotermAndSeatCapApiTest {

    static final String E5 = "CFQ7TTC0COTM:0001";
    static final String PREMIUM = "CFQ7TTC0PREM:0001";
    static final String BASIC = "CFQ7TTC0BASC:0001";

    static String customer;
    static String target;

    static {
        FakeCatalog.register(E5, "57.00", "54.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL", "P3Y/ANNUAL");
        FakeCatalog.register(new FakeCatalog.Offer(PREMIUM, "Business Premium", new BigDecimal("22.00"), new BigDecimal("21.00"),
                List.of("P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL"), true, true, "M365_BUSINESS_PREMIUM", List.of()));
        FakeCatalog.register(new FakeCatalog.Offer(BASIC, "Business Basic", new BigDecimal("6.00"), new BigDecimal("5.50"),
                List.of("P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL"), true, true, "M365_BUSINESS_BASIC", List.of()));
    }

    static String body(String offer, String term, String billing, int quantity, String coterm) {
        return "{\"offerId\":\"" + offer + "\",\"term\":\"" + term + "\",\"billing\":\"" + billing + "\",\"quantity\":"
                + quantity + (coterm == null ? "" : ",\"coterm\":" + coterm) + "}";
    }

    @Test
    @Order(1)
    void r_b5_calendar_month_shortens_the_first_term_and_keeps_the_full_length_charge_end() {
        Api.advanceTo("2027-03-10T10:00:00Z");
        customer = Api.customer("Coterm Customer");
        target = Api.buy(customer, E5, "P1Y", "ANNUAL", 10);
        Api.get(target).then().body("endDate", equalTo("2028-03-09"));
        Api.advanceTo("2027-06-15T08:00:00Z");

        JsonPath p = Api.purchase(customer, body(E5, "P1Y", "MONTHLY", 4, "{\"type\":\"CALENDAR_MONTH\"}"))
                .then().statusCode(201).extract().jsonPath();
        // default end 2028-06-14 -> the latest month end before it
        assertThat(p.getString("startDate")).isEqualTo("2027-06-15");
        assertThat(p.getString("endDate")).isEqualTo("2028-05-31");
        assertThat(p.getString("renewalDate")).isEqualTo("2028-06-01");
        assertThat(p.getString("noticeDeadline")).isEqualTo("2028-05-02");
        JsonPath events = Api.created(p.getString("subscriptionId"));
        assertThat(events.getString("items[0].payload.subscription.endDate")).isEqualTo("2028-05-31");
        assertThat(events.getString("items[0].payload.subscription.chargePeriodEndDate")).isEqualTo("2028-06-14");
    }

    @Test
    @Order(2)
    void r_b5_subscription_aligned_p1y_and_p1m() {
        JsonPath p1y = Api.purchase(customer, body(E5, "P1Y", "ANNUAL", 3, "{\"type\":\"SUBSCRIPTION\",\"subscriptionId\":\"" + target + "\"}"))
                .then().statusCode(201).extract().jsonPath();
        assertThat(p1y.getString("endDate")).isEqualTo("2028-03-09");
        assertThat(Api.created(p1y.getString("subscriptionId")).getString("items[0].payload.subscription.chargePeriodEndDate"))
                .isEqualTo("2028-06-14");
        // a P1M ends on the target's day of month: the latest 9th on or before its default end 2027-07-14
        JsonPath p1m = Api.purchase(customer, body(E5, "P1M", "MONTHLY", 2, "{\"type\":\"SUBSCRIPTION\",\"subscriptionId\":\"" + target + "\"}"))
                .then().statusCode(201).extract().jsonPath();
        assertThat(p1m.getString("endDate")).isEqualTo("2027-07-09");
        assertThat(p1m.getString("renewalDate")).isEqualTo("2027-07-10");
    }

    @Test
    @Order(3)
    void r_b5_refused_targets_are_422_and_change_nothing() {
        String monthly = Api.buy(customer, E5, "P1M", "MONTHLY", 1);
        String other = Api.customer("Coterm Other");
        String foreign = Api.buy(other, E5, "P1Y", "ANNUAL", 1);
        String cancelled = Api.buy(customer, E5, "P1Y", "ANNUAL", 1);
        json().post("/v1/subscriptions/" + cancelled + "/cancel").then().statusCode(200);
        int before = Api.subscriptionCount(customer);

        for (String refusedTarget : List.of(monthly, foreign, cancelled)) {
            Api.purchase(customer, body(E5, "P1Y", "ANNUAL", 1, "{\"type\":\"SUBSCRIPTION\",\"subscriptionId\":\"" + refusedTarget + "\"}"))
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("coterm-not-allowed")).body("rule", equalTo("R-B5"))
                    .body("field", equalTo("coterm.subscriptionId"));
        }
        Api.purchase(customer, body(E5, "P1Y", "ANNUAL", 1, "{\"type\":\"SUBSCRIPTION\"}"))
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("field", equalTo("coterm.subscriptionId"));
        Api.purchase(customer, body(E5, "P1Y", "ANNUAL", 1, "{\"type\":\"SUBSCRIPTION\",\"subscriptionId\":\"sub_doesnotexist\"}"))
                .then().statusCode(404).body("code", equalTo("not-found"));
        assertThat(Api.subscriptionCount(customer)).isEqualTo(before);
    }

    @Test
    @Order(10)
    void d9_cap_counts_external_seats_and_names_cap_count_and_request() {
        String c = json().body("{\"name\":\"Cap Customer\",\"billingCurrency\":\"USD\",\"contactEmail\":\"cap@example.com\","
                + "\"externalSeats\":{\"M365_BUSINESS_PREMIUM\":50}}").post("/v1/customers").then().statusCode(201)
                .extract().path("customerId");
        String big = Api.buy(c, PREMIUM, "P1Y", "MONTHLY", 200);
        Api.purchase(c, body(PREMIUM, "P1M", "MONTHLY", 51, null)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("seat-cap-exceeded")).body("rule", equalTo("D9"))
                .body("cap", equalTo(300)).body("currentCount", equalTo(250)).body("requestedQuantity", equalTo(51));
        assertThat(Api.subscriptionCount(c)).isEqualTo(1);
        // another capGroup has its own cap (combined mode is off by default)
        Api.buy(c, BASIC, "P1M", "MONTHLY", 290);
        String small = Api.buy(c, PREMIUM, "P1M", "MONTHLY", 49);
        // increase: 200 + 49 + 50 external = 299, one more seat is allowed, two are not
        Api.patch(small, "{\"quantity\":51}").then().statusCode(409).body("code", equalTo("seat-cap-exceeded"))
                .body("currentCount", equalTo(250)).body("requestedQuantity", equalTo(51));
        Api.get(small).then().body("quantity", equalTo(49));
        Api.patch(small, "{\"quantity\":50}").then().statusCode(200).body("quantity", equalTo(50));
        // scheduled changes are checked too (D9)
        json().body("{\"quantity\":201}").put("/v1/subscriptions/" + big + "/scheduled-changes").then().statusCode(409)
                .body("code", equalTo("seat-cap-exceeded"));
        Api.get(big).then().body("scheduledChanges", equalTo(null));
        // a suspended subscription still counts
        json().post("/v1/subscriptions/" + small + "/suspend").then().statusCode(200);
        Api.purchase(c, body(PREMIUM, "P1M", "MONTHLY", 1, null)).then().statusCode(409).body("currentCount", equalTo(300));
    }

    @Test
    @Order(11)
    void d9_parallel_purchases_cannot_both_pass() throws Exception {
        String c = Api.customer("Cap Race");
        List<Integer> statuses = Api.race(2, () ->
                Api.purchase(c, body(PREMIUM, "P1Y", "MONTHLY", 200, null)).then().extract().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(Api.subscriptionCount(c)).isEqualTo(1);
    }

    @Test
    @Order(12)
    void d9_a_renewal_whose_scheduled_quantity_exceeds_the_cap_keeps_the_quantity_and_clears_them() {
        String c = Api.customer("Cap Renewal");
        String monthly = Api.buy(c, PREMIUM, "P1M", "MONTHLY", 100);   // 2027-06-15 .. 2027-07-14
        json().body("{\"quantity\":250}").put("/v1/subscriptions/" + monthly + "/scheduled-changes").then().statusCode(200);
        Api.buy(c, PREMIUM, "P1Y", "MONTHLY", 100);
        Api.advanceTo("2027-07-15T00:00:00Z");
        Api.get(monthly).then().statusCode(200).body("status", equalTo("ACTIVE")).body("quantity", equalTo(100))
                .body("startDate", equalTo("2027-07-15")).body("scheduledChanges", equalTo(null));
        List<String> types = admin().queryParam("limit", 1000).get("/v1/subscriptions/" + monthly + "/events")
                .then().statusCode(200).extract().jsonPath().getList("items.type");
        assertThat(types).containsSubsequence("ScheduledChangesSet", "ScheduledChangesCleared", "SubscriptionRenewed");
        String reason = admin().queryParam("limit", 1000).get("/v1/subscriptions/" + monthly + "/events").then()
                .extract().jsonPath().getString("items.find { it.type == 'ScheduledChangesCleared' }.payload.reason");
        assertThat(reason).isEqualTo("seat-cap-exceeded");
    }
}
