package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 1: a customer token PATCHed its own name to 1.2 MB and the event wedged the outbox. Names 200, e-mails
 * 254, ids 64; 400 validation-failed naming the field, and nothing changes.
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
class FieldLimitsDefectApiTest {

    @Test
    void a_customer_token_patching_its_name_to_1_2_mb_is_400_and_the_name_is_unchanged() {
        String customer = Api.customer("Limits Owner");
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(customer))).contentType("application/json")
                .body("{\"name\":\"" + "n".repeat(1_200_000) + "\"}").patch("/v1/customers/" + customer)
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed")).body("field", equalTo("name"));
        Api.admin().get("/v1/customers/" + customer).then().statusCode(200).body("name", equalTo("Limits Owner"));
    }

    @Test
    void names_over_200_and_e_mails_over_254_characters_are_400_and_200_and_254_are_taken() {
        String customer = Api.customer("Limits Edge");
        Api.json().body("{\"name\":\"" + "a".repeat(201) + "\"}").patch("/v1/customers/" + customer)
                .then().statusCode(400).body("field", equalTo("name"));
        Api.json().body("{\"name\":\"" + "a".repeat(200) + "\"}").patch("/v1/customers/" + customer)
                .then().statusCode(200).body("name", equalTo("a".repeat(200)));
        String email255 = "b".repeat(243) + "@example.com";
        assertThat(email255).hasSize(255);
        Api.json().body("{\"contactEmail\":\"" + email255 + "\"}").patch("/v1/customers/" + customer)
                .then().statusCode(400).body("field", equalTo("contactEmail"));
        json().body("{\"name\":\"" + "c".repeat(201) + "\",\"billingCurrency\":\"USD\",\"contactEmail\":\"x@example.com\"}")
                .post("/v1/customers").then().statusCode(400).body("field", equalTo("name"));
        json().body("{\"name\":\"Edge\",\"billingCurrency\":\"USD\",\"contactEmail\":\"" + email255 + "\"}")
                .post("/v1/customers").then().statusCode(400).body("field", equalTo("contactEmail"));
    }

    @Test
    void ids_over_64_characters_in_a_body_are_400_naming_the_field() {
        String customer = Api.customer("Limits Ids");
        Api.purchase(customer, "{\"offerId\":\"CFQ7TTC0LF8Q:0001\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\",\"quantity\":1,"
                        + "\"coterm\":{\"type\":\"SUBSCRIPTION\",\"subscriptionId\":\"" + "s".repeat(65) + "\"}}")
                .then().statusCode(400).body("field", equalTo("coterm.subscriptionId"));
        Api.json().body("{\"externalSeats\":{\"" + "g".repeat(65) + "\":1}}").patch("/v1/customers/" + customer)
                .then().statusCode(400).body("field", equalTo("externalSeats"));
    }
}
