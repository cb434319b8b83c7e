package dev.nce.subscription.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Issue 15 item 7: D9 counts externalSeats, so a customer token may not PATCH them; only partner roles may. */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
class ExternalSeatsDefectApiTest {

    @Test
    void a_customer_token_patching_its_own_external_seats_is_403_and_they_stay_unchanged() {
        String customer = Api.customer("Seat Raiser");
        Api.json().body("{\"externalSeats\":{\"M365_BUSINESS_PREMIUM\":2}}").patch("/v1/customers/" + customer)
                .then().statusCode(200).body("externalSeats.M365_BUSINESS_PREMIUM", equalTo(2));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(customer))).contentType("application/json")
                .body("{\"externalSeats\":{\"M365_BUSINESS_PREMIUM\":0}}").patch("/v1/customers/" + customer)
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        Api.admin().get("/v1/customers/" + customer).then().body("externalSeats.M365_BUSINESS_PREMIUM", equalTo(2));
        // the customer may still change its own name
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(customer))).contentType("application/json")
                .body("{\"name\":\"Seat Raiser Ltd\"}").patch("/v1/customers/" + customer)
                .then().statusCode(200).body("name", equalTo("Seat Raiser Ltd"));
    }
}
