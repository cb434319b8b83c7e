package dev.nce.subscription.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 4: an upgrade into, or a coterm to, another customer's subscription quoted and checked the seat cap
 * first (a 409 detail showed the other customer's seats) and answered 422 where an unknown id is 404. Ownership comes
 * first and another customer's id answers exactly like an unknown one.
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
class CrossCustomerIdDefectApiTest {

    static final String STD = "CFQ7TTC0XCST:0001";
    static final String PREM = "CFQ7TTC0XCPR:0001";
    static final String UNKNOWN = "00000000-0000-4000-8000-00000000dead";

    static {
        List<String> plans = List.of("P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
        FakeCatalog.register(new FakeCatalog.Offer(STD, "Cross Standard", new BigDecimal("12.50"), null, plans, true, true,
                "XC_STANDARD", List.of(PREM)));
        FakeCatalog.register(new FakeCatalog.Offer(PREM, "Cross Premium", new BigDecimal("22.00"), null, plans, true, true,
                "XC_PREMIUM", List.of()));
    }

    private static JsonPath refusal(String token, String path, String body) {
        return given().header("Authorization", token).contentType("application/json").body(body).post(path)
                .then().extract().jsonPath();
    }

    private static void assertSameAsUnknown(JsonPath foreign, JsonPath unknown, String foreignId) {
        assertThat(foreign.getInt("status")).isEqualTo(404).isEqualTo(unknown.getInt("status"));
        assertThat(foreign.getString("code")).isEqualTo("not-found").isEqualTo(unknown.getString("code"));
        assertThat(foreign.getString("field")).isEqualTo(unknown.getString("field"));
        assertThat(foreign.getString("detail").replace(foreignId, "ID"))
                .isEqualTo(unknown.getString("detail").replace(UNKNOWN, "ID"));
    }

    @Test
    void an_upgrade_into_another_customers_subscription_is_404_like_an_unknown_id_before_any_seat_cap_check() {
        String mine = Api.customer("Cross Upgrader");
        String theirs = Api.customer("Cross Victim");
        String source = Api.buy(mine, STD, "P1Y", "ANNUAL", 10);
        // 299 of the victim's seats: counted into the cap check, a 409 would disclose them
        String victim = Api.buy(theirs, PREM, "P1Y", "ANNUAL", 299);
        String token = TestTokens.bearer(TestTokens.customer(mine));
        String path = "/v1/subscriptions/" + source + "/upgrades";
        JsonPath foreign = refusal(token, path, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":5,\"targetSubscriptionId\":\""
                + victim + "\"}");
        JsonPath unknown = refusal(token, path, "{\"targetOfferId\":\"" + PREM + "\",\"quantity\":5,\"targetSubscriptionId\":\""
                + UNKNOWN + "\"}");
        assertSameAsUnknown(foreign, unknown, victim);
        assertThat(foreign.getString("detail")).doesNotContain("299");
        Api.get(source).then().statusCode(200).body("quantity", org.hamcrest.Matchers.equalTo(10));
    }

    @Test
    void a_coterm_to_another_customers_subscription_is_404_like_an_unknown_id_for_a_customer_token() {
        String mine = Api.customer("Cross Cotermer");
        String theirs = Api.customer("Cross Coterm Victim");
        String victim = Api.buy(theirs, STD, "P1Y", "ANNUAL", 3);
        String token = TestTokens.bearer(TestTokens.customer(mine));
        String path = "/v1/customers/" + mine + "/subscriptions";
        String body = "{\"offerId\":\"" + STD + "\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\",\"quantity\":1,"
                + "\"coterm\":{\"type\":\"SUBSCRIPTION\",\"subscriptionId\":\"%s\"}}";
        JsonPath foreign = refusal(token, path, body.formatted(victim));
        JsonPath unknown = refusal(token, path, body.formatted(UNKNOWN));
        assertSameAsUnknown(foreign, unknown, victim);
        assertThat(Api.subscriptionCount(mine)).isZero();
    }
}
