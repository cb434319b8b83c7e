package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** D25: PATCH microsoftSubscriptionId links a subscription to Partner Center; SubscriptionLinked carries it. */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(50)
class MicrosoftLinkApiTest {

    static final String BASIC = "CFQ7TTC0LH18:0001";
    static final String MICROSOFT_ID = "aaaa0001-0000-4000-8000-000000000001";

    static {
        FakeCatalog.register(BASIC, "6.00", "6.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
    }

    @Test
    void d25PatchLinksAndUnlinksAndEachChangeIsOneEvent() {
        String customer = Api.customer("Linked");
        String id = Api.buy(customer, BASIC, "P1Y", "ANNUAL", 3);
        Api.get(id).then().body("microsoftSubscriptionId", nullValue());

        Api.patch(id, "{\"microsoftSubscriptionId\": \"AAAA0001-0000-4000-8000-000000000001\"}").then()
                .statusCode(200).body("microsoftSubscriptionId", equalTo(MICROSOFT_ID)).body("quantity", equalTo(3));
        Api.patch(id, "{\"microsoftSubscriptionId\": \"" + MICROSOFT_ID + "\"}").then().statusCode(200);
        Api.patch(id, "{\"microsoftSubscriptionId\": \"not-a-guid\"}").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("field", equalTo("microsoftSubscriptionId"));

        JsonPath events = admin().get("/v1/subscriptions/" + id + "/events").then().statusCode(200).extract()
                .jsonPath();
        assertThat(events.getList("items.type")).containsExactly("SubscriptionCreated", "SubscriptionLinked");
        assertThat(events.getString("items[1].payload.subscription.microsoftSubscriptionId")).isEqualTo(MICROSOFT_ID);
        assertThat(events.getString("items[1].payload.previousMicrosoftSubscriptionId")).isNull();

        Api.patch(id, "{\"microsoftSubscriptionId\": \"\"}").then().statusCode(200)
                .body("microsoftSubscriptionId", nullValue());
        JsonPath after = admin().get("/v1/subscriptions/" + id + "/events").then().extract().jsonPath();
        assertThat(after.getList("items.type")).hasSize(3);
        assertThat(after.getString("items[2].payload.previousMicrosoftSubscriptionId")).isEqualTo(MICROSOFT_ID);
    }
}
