package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(1)
class CustomerApiTest {

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    @Transactional
    List<String> eventTypes(String customerId) {
        return (List<String>) em.createNativeQuery("SELECT type FROM event_history WHERE subject_id = ?1 ORDER BY id")
                .setParameter(1, customerId).getResultList();
    }

    @Test
    void create_get_patch_and_events() {
        String id = json().body("{\"name\":\"Contoso\",\"billingCurrency\":\"aud\",\"contactEmail\":\"it@contoso.example\","
                        + "\"externalSeats\":{\"M365_BUSINESS_PREMIUM\":20}}")
                .post("/v1/customers").then().statusCode(201)
                .body("name", equalTo("Contoso")).body("billingCurrency", equalTo("AUD"))
                .body("externalSeats.M365_BUSINESS_PREMIUM", equalTo(20))
                .body("createdAt", equalTo(Api.now().toString()))
                .extract().path("customerId");
        admin().get("/v1/customers/" + id).then().statusCode(200).body("contactEmail", equalTo("it@contoso.example"));
        json().body("{\"name\":\"Contoso Ltd\",\"externalSeats\":null}").patch("/v1/customers/" + id)
                .then().statusCode(200).body("name", equalTo("Contoso Ltd")).body("externalSeats.size()", equalTo(0));
        admin().contentType("application/merge-patch+json").body("{\"contactEmail\":\"ops@contoso.example\"}")
                .patch("/v1/customers/" + id).then().statusCode(200).body("contactEmail", equalTo("ops@contoso.example"));
        assertThat(eventTypes(id)).containsExactly("CustomerCreated", "CustomerUpdated", "CustomerUpdated");
    }

    @Test
    void billing_currency_is_immutable_and_a_refusal_changes_nothing() {
        String id = Api.customer("Fabrikam");
        json().body("{\"billingCurrency\":\"EUR\",\"name\":\"Other\"}").patch("/v1/customers/" + id)
                .then().statusCode(409).contentType("application/problem+json").body("code", equalTo("invalid-state"));
        admin().get("/v1/customers/" + id).then().body("name", equalTo("Fabrikam")).body("billingCurrency", equalTo("USD"));
        // the same value is no change
        json().body("{\"billingCurrency\":\"USD\"}").patch("/v1/customers/" + id).then().statusCode(200);
        assertThat(eventTypes(id)).containsExactly("CustomerCreated");
    }

    @Test
    void validation_names_the_field() {
        for (String currency : new String[] {"ZZZ", "XXX", "US"}) {
            json().body("{\"name\":\"X\",\"billingCurrency\":\"" + currency + "\",\"contactEmail\":\"a@b.example\"}")
                    .post("/v1/customers").then().statusCode(400).body("code", equalTo("validation-failed"))
                    .body("field", equalTo("billingCurrency"));
        }
        json().body("{\"name\":\"X\",\"billingCurrency\":\"USD\",\"contactEmail\":\"nope\"}").post("/v1/customers")
                .then().statusCode(400).body("field", equalTo("contactEmail"));
        json().body("{\"billingCurrency\":\"USD\",\"contactEmail\":\"a@b.example\"}").post("/v1/customers")
                .then().statusCode(400).body("field", equalTo("name"));
        json().body("{\"name\":\"X\",\"billingCurrency\":\"USD\",\"contactEmail\":\"a@b.example\",\"vat\":1}")
                .post("/v1/customers").then().statusCode(400).body("field", equalTo("vat"));
        String id = Api.customer("Validated");
        json().body("{\"color\":\"red\"}").patch("/v1/customers/" + id).then().statusCode(400).body("field", equalTo("color"));
        json().body("{\"externalSeats\":{\"X\":-1}}").patch("/v1/customers/" + id).then().statusCode(400)
                .body("field", equalTo("externalSeats.X"));
    }

    @Test
    void auth_and_customer_scope() {
        String mine = Api.customer("Scoped One");
        String other = Api.customer("Scoped Two");
        given().get("/v1/customers/" + mine).then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearer(TestTokens.forged())).get("/v1/customers/" + mine)
                .then().statusCode(401);
        String token = TestTokens.bearer(TestTokens.customer(mine));
        given().header("Authorization", token).get("/v1/customers/" + mine).then().statusCode(200);
        given().header("Authorization", token).get("/v1/customers/" + other).then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().header("Authorization", token).get("/v1/customers").then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", token).contentType("application/json")
                .body("{\"name\":\"x\",\"billingCurrency\":\"USD\",\"contactEmail\":\"a@b.example\"}")
                .post("/v1/customers").then().statusCode(403);
        admin().get("/v1/customers/not-an-id").then().statusCode(404).body("code", equalTo("not-found"));
        admin().get("/v1/customers/0190f7a5-0000-7000-8000-000000000000").then().statusCode(404);
    }

    @Test
    void list_filters_orders_and_pages() {
        String a = Api.customer("Paging Alpha");
        String b = Api.customer("Paging Beta");
        admin().queryParam("q", "paging").get("/v1/customers").then().statusCode(200)
                .body("totalCount", equalTo(2)).body("items[0].customerId", equalTo(a)).body("items[1].customerId", equalTo(b));
        admin().queryParam("q", "PAGING.BETA@").get("/v1/customers").then().body("totalCount", equalTo(1));
        admin().queryParam("q", "paging").queryParam("limit", 1).queryParam("offset", 1).get("/v1/customers")
                .then().body("totalCount", equalTo(2)).body("items.size()", equalTo(1)).body("items[0].customerId", equalTo(b));
        admin().queryParam("limit", 0).get("/v1/customers").then().statusCode(400).body("field", equalTo("limit"));
        admin().queryParam("limit", 1001).get("/v1/customers").then().statusCode(400).body("field", equalTo("limit"));
        admin().queryParam("offset", -1).get("/v1/customers").then().statusCode(400).body("field", equalTo("offset"));
        admin().get("/v1/customers/" + a).then().body("externalSeats.size()", equalTo(0)).body("version", equalTo(0));
    }

    @Test
    void idempotency_key_replays_a_customer_creation() {
        String body = "{\"name\":\"Once\",\"billingCurrency\":\"USD\",\"contactEmail\":\"once@example.com\"}";
        String first = json().header("Idempotency-Key", "cust-once").body(body).post("/v1/customers")
                .then().statusCode(201).extract().path("customerId");
        String second = json().header("Idempotency-Key", "cust-once").body(body).post("/v1/customers")
                .then().statusCode(201).extract().path("customerId");
        assertThat(second).isEqualTo(first);
        admin().queryParam("q", "once@").get("/v1/customers").then().body("totalCount", equalTo(1));
        json().header("Idempotency-Key", "cust-once").body(body.replace("Once", "Twice")).post("/v1/customers")
                .then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
        admin().get("/v1/customers/" + first).then().body("name", equalTo("Once")).body("version", equalTo(0))
                .body("externalSeats.M365", nullValue());
    }
}
