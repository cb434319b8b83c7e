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
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** R-I1..R-I6 upgrades over the REST API (clock from 2028-09-04, after the classes before). */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(9)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeApiTest {

    static final String STD = "CFQ7TTC0UPST:0001";
    static final String PREM = "CFQ7TTC0UPPR:0001";
    /** No capGroup (uncapped, D9), upgradable to the capped PREM. */
    static final String UNCAPPED = "CFQ7TTC0UPUN:0001";

    static String customer;
    static String destination;
    static String intoSource;

    static {
        List<String> plans = List.of("P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
        FakeCatalog.register(new FakeCatalog.Offer(STD, "Business Standard", new BigDecimal("12.50"), null, plans, true, true,
                "M365_BUSINESS_STANDARD", List.of(PREM)));
        FakeCatalog.register(new FakeCatalog.Offer(PREM, "Business Premium", new BigDecimal("22.00"), null, plans, true, true,
                "M365_BUSINESS_PREMIUM", List.of()));
        FakeCatalog.register(new FakeCatalog.Offer(UNCAPPED, "Uncapped Suite", new BigDecimal("10.00"), null, plans, true,
                true, null, List.of(PREM)));
    }

    static Response upgrade(String id, String body) {
        return json().body(body).post("/v1/subscriptions/" + id + "/upgrades");
    }

    static JsonPath events(String id) {
        return admin().queryParam("limit", 1000).get("/v1/subscriptions/" + id + "/events").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    @Order(1)
    void r_i4_partial_upgrade_creates_a_child_with_the_same_end_and_the_source_windows() {
        Api.advanceTo("2028-09-04T09:00:00Z");
        customer = Api.customer("Upgrader");
        String source = Api.buy(customer, STD, "P1Y", "ANNUAL", 10);
        destination = Api.buy(customer, PREM, "P1Y", "ANNUAL", 5);
        intoSource = Api.buy(customer, STD, "P1Y", "ANNUAL", 4);
        Api.advanceTo("2028-09-06T09:00:00Z");
        Api.patch(source, "{\"quantity\":15}").then().statusCode(200);

        JsonPath r = upgrade(source, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":7}").then().statusCode(200)
                .extract().jsonPath();
        assertThat(r.getString("source.subscriptionId")).isEqualTo(source);
        assertThat(r.getInt("source.quantity")).isEqualTo(8);
        assertThat(r.getString("source.offerId")).isEqualTo(STD);
        assertThat(r.getInt("source.refundableQuantity")).isEqualTo(8);
        String child = r.getString("target.subscriptionId");
        assertThat(child).isNotEqualTo(source);
        assertThat(r.getString("target.offerId")).isEqualTo(PREM);
        assertThat(r.getString("target.parentSubscriptionId")).isEqualTo(source);
        assertThat(r.getInt("target.quantity")).isEqualTo(7);
        assertThat(r.getString("target.unitPrice")).isEqualTo("22.00");
        assertThat(r.getString("target.startDate")).isEqualTo("2028-09-06");
        assertThat(r.getString("target.endDate")).isEqualTo("2029-09-03");
        assertThat(r.getString("target.term")).isEqualTo("P1Y");
        assertThat(r.getString("target.billing")).isEqualTo("ANNUAL");
        // R-C3: the 5 increase seats (window to 09-13) and 2 purchase seats (window to 09-11) keep their windows
        assertThat(r.getInt("target.refundableQuantity")).isEqualTo(7);
        assertThat(r.getString("target.cancellationAllowedUntil")).isEqualTo("2028-09-13T09:00:00Z");
        admin().get("/v1/subscriptions/" + child + "/refundable-quantity").then().statusCode(200)
                .body("totalQuantity", equalTo(7))
                .body("details.allowedUntil", equalTo(List.of("2028-09-11T09:00:00Z", "2028-09-13T09:00:00Z")));

        JsonPath sourceEvents = events(source);
        List<String> types = sourceEvents.getList("items.type");
        assertThat(types.get(types.size() - 1)).isEqualTo("SubscriptionUpgraded");
        Map<String, Object> payload = sourceEvents.getMap("items[" + (types.size() - 1) + "].payload");
        assertThat(payload).containsEntry("movedQuantity", 7).containsEntry("upgradeDate", "2028-09-06")
                .containsEntry("fullUpgrade", false).containsEntry("targetCreated", true)
                .containsEntry("sourceOfferId", STD).containsEntry("sourceUnitPrice", "12.50");
        assertThat(sourceEvents.getInt("items[" + (types.size() - 1) + "].payload.source.quantity")).isEqualTo(8);
        assertThat(sourceEvents.getString("items[" + (types.size() - 1) + "].payload.target.subscriptionId")).isEqualTo(child);
        // D8/R-C3: the moved seats left the increase batch (5, newest first) and then the purchase batch (2)
        assertThat(sourceEvents.getList("items[" + (types.size() - 1) + "].payload.sourceBatchesReduced.quantity"))
                .containsExactly(5, 2);
        JsonPath childEvents = events(child);
        assertThat(childEvents.getString("items[0].type")).isEqualTo("SubscriptionCreated");
        assertThat(childEvents.getString("items[0].payload.origin")).isEqualTo("PARTIAL_UPGRADE");
    }

    @Test
    @Order(2)
    void r_i3_full_upgrade_keeps_the_id_and_takes_the_target_offer_and_price() {
        String id = Api.buy(customer, STD, "P1M", "MONTHLY", 3);
        JsonPath r = upgrade(id, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":3}").then().statusCode(200)
                .extract().jsonPath();
        assertThat(r.getString("source.subscriptionId")).isEqualTo(id);
        assertThat(r.getString("target.subscriptionId")).isEqualTo(id);
        assertThat(r.getString("target.offerId")).isEqualTo(PREM);
        assertThat(r.getString("target.unitPrice")).isEqualTo("26.40");
        assertThat(r.getInt("target.quantity")).isEqualTo(3);
        Api.get(id).then().body("offerId", equalTo(PREM)).body("offerName", equalTo("Business Premium"))
                .body("parentSubscriptionId", equalTo(null));
        JsonPath e = events(id);
        int last = e.getList("items").size() - 1;
        assertThat(e.getString("items[" + last + "].type")).isEqualTo("SubscriptionUpgraded");
        assertThat(e.getBoolean("items[" + last + "].payload.fullUpgrade")).isTrue();
        assertThat(e.getString("items[" + last + "].payload.sourceUnitPrice")).isEqualTo("15.00");
        assertThat(e.getList("items[" + last + "].payload.sourceBatchesReduced")).isEmpty(); // seats stay in place
    }

    @Test
    @Order(3)
    void r_i1_eligibilities_and_refusals_change_nothing() {
        String std = Api.buy(customer, STD, "P1Y", "MONTHLY", 2);
        String prem = Api.buy(customer, PREM, "P1Y", "MONTHLY", 2);
        admin().get("/v1/subscriptions/" + std + "/upgrade-eligibilities").then().statusCode(200)
                .body("totalCount", equalTo(1)).body("items[0].targetOfferId", equalTo(PREM))
                .body("items[0].eligible", equalTo(true)).body("items[0].reason", equalTo(null));
        admin().get("/v1/subscriptions/" + prem + "/upgrade-eligibilities").then().statusCode(200)
                .body("totalCount", equalTo(0));
        // no downgrades
        upgrade(prem, "{\"targetOfferId\":\"" + STD + "\",\"quantity\":1}").then().statusCode(422)
                .body("code", equalTo("upgrade-not-eligible")).body("rule", equalTo("R-I1"));
        upgrade(std, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":3}").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("field", equalTo("quantity"));
        upgrade(std, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":1,\"targetSubscriptionId\":\"sub_nope\"}")
                .then().statusCode(404);
        json().post("/v1/subscriptions/" + std + "/suspend").then().statusCode(200);
        upgrade(std, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":1}").then().statusCode(409)
                .body("code", equalTo("invalid-state"));
        admin().get("/v1/subscriptions/" + std + "/upgrade-eligibilities").then().statusCode(200)
                .body("items[0].eligible", equalTo(false)).body("items[0].reason", equalTo("invalid-state"));
        Api.get(std).then().body("quantity", equalTo(2)).body("offerId", equalTo(STD));
        Api.get(prem).then().body("quantity", equalTo(2)).body("offerId", equalTo(PREM));
    }

    @Test
    @Order(4)
    void r_i5_into_an_existing_subscription() {
        // the destination's window is still open (until 2028-09-11T09:00Z)
        upgrade(intoSource, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":4,\"targetSubscriptionId\":\"" + destination + "\"}")
                .then().statusCode(422).body("code", equalTo("upgrade-not-eligible")).body("rule", equalTo("R-I5"));
        Api.advanceTo("2028-09-20T10:00:00Z");
        String monthlyDestination = Api.buy(customer, PREM, "P1M", "MONTHLY", 1);
        upgrade(intoSource, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":4,\"targetSubscriptionId\":\"" + monthlyDestination + "\"}")
                .then().statusCode(422).body("rule", equalTo("R-I5"));
        JsonPath r = upgrade(intoSource, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":4,\"targetSubscriptionId\":\""
                + destination + "\"}").then().statusCode(200).extract().jsonPath();
        assertThat(r.getString("source.status")).isEqualTo("DELETED");
        assertThat(r.getString("target.subscriptionId")).isEqualTo(destination);
        assertThat(r.getInt("target.quantity")).isEqualTo(9);
        assertThat(r.getString("target.endDate")).isEqualTo("2029-09-03");
        JsonPath e = events(intoSource);
        int last = e.getList("items").size() - 1;
        assertThat(e.getString("items[" + last + "].type")).isEqualTo("SubscriptionUpgraded");
        assertThat(e.getBoolean("items[" + last + "].payload.targetCreated")).isFalse();
        assertThat(e.getBoolean("items[" + last + "].payload.fullUpgrade")).isTrue();
        assertThat(e.getInt("items[" + last + "].payload.target.quantity")).isEqualTo(9);
    }

    @Test
    @Order(5)
    void d9_a_partial_upgrade_from_an_uncapped_offer_into_a_capped_one_counts_only_the_moved_seats() {
        String id = Api.buy(customer, UNCAPPED, "P1Y", "MONTHLY", 6);
        JsonPath r = upgrade(id, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":4}").then().statusCode(200)
                .extract().jsonPath();
        assertThat(r.getInt("source.quantity")).isEqualTo(2);
        assertThat(r.getString("source.offerId")).isEqualTo(UNCAPPED);
        assertThat(r.getInt("target.quantity")).isEqualTo(4);
        assertThat(r.getString("target.offerId")).isEqualTo(PREM);
        assertThat(r.getString("target.parentSubscriptionId")).isEqualTo(id);
    }
}
