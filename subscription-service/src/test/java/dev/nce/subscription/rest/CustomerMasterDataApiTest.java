package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.contracts.events.EventJson;
import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Issue 18, API.md "Customers": master data on POST/PATCH/GET, its checks, and the customer events that carry it. */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(1)
class CustomerMasterDataApiTest {

    private static final String FULL = "{\"name\":\"Contoso\",\"billingCurrency\":\"EUR\",\"contactEmail\":\"it@contoso.example\","
            + "\"legalName\":\"Contoso SARL\",\"address\":{\"line1\":\"1 rue de la Paix\",\"city\":\"Paris\","
            + "\"postalCode\":\"75002\",\"country\":\"fr\"},\"taxIds\":[{\"type\":\"EU_VAT\",\"value\":\"fr 40 303 265 045\"}],"
            + "\"paymentTermsDays\":14,\"microsoftTenantId\":\"0F8FAD5B-D9CB-469F-A165-70867728950E\","
            + "\"billingContactEmails\":[\"ap@contoso.example\",\"cfo@contoso.example\"]}";

    @Inject
    EntityManager em;

    @SuppressWarnings("unchecked")
    @Transactional
    List<String> envelopes(String customerId) {
        return (List<String>) em.createNativeQuery("SELECT envelope FROM event_history WHERE subject_id = ?1 ORDER BY id")
                .setParameter(1, customerId).getResultList();
    }

    @Test
    void master_data_is_stored_normalised_returned_and_carried_by_the_events() throws Exception {
        String id = json().body(FULL).post("/v1/customers").then().statusCode(201)
                .body("legalName", equalTo("Contoso SARL")).body("address.country", equalTo("FR"))
                .body("address.line2", nullValue()).body("taxIds[0].type", equalTo("EU_VAT"))
                .body("taxIds[0].value", equalTo("FR40303265045")).body("taxExempt", equalTo("NONE"))
                .body("paymentTermsDays", equalTo(14))
                .body("microsoftTenantId", equalTo("0f8fad5b-d9cb-469f-a165-70867728950e"))
                .body("billingContactEmails.size()", equalTo(2)).extract().path("customerId");
        admin().get("/v1/customers/" + id).then().statusCode(200).body("address.city", equalTo("Paris"))
                .body("billingContactEmails[1]", equalTo("cfo@contoso.example"));
        json().body("{\"taxExempt\":\"REVERSE\",\"paymentTermsDays\":null,\"billingContactEmails\":null}")
                .patch("/v1/customers/" + id).then().statusCode(200).body("taxExempt", equalTo("REVERSE"))
                .body("paymentTermsDays", equalTo(30)).body("billingContactEmails", nullValue())
                .body("legalName", equalTo("Contoso SARL"));
        List<String> envelopes = envelopes(id);
        assertThat(envelopes).hasSize(2);
        JsonNode created = EventJson.mapper().readTree(envelopes.get(0)).get("payload").get("details");
        assertThat(created.get("taxIds").get(0).get("value").asText()).isEqualTo("FR40303265045");
        assertThat(created.get("address").get("country").asText()).isEqualTo("FR");
        assertThat(created.get("paymentTermsDays").asInt()).isEqualTo(14);
        JsonNode updated = EventJson.mapper().readTree(envelopes.get(1)).get("payload").get("details");
        assertThat(updated.get("taxExempt").asText()).isEqualTo("REVERSE");
        assertThat(updated.get("paymentTermsDays").asInt()).isEqualTo(30);
        assertThat(updated.get("billingContactEmails").isNull()).isTrue();
    }

    @Test
    void a_customer_without_master_data_answers_nulls_and_the_defaults() {
        String id = Api.customer("Plain");
        admin().get("/v1/customers/" + id).then().statusCode(200).body("legalName", nullValue())
                .body("address", nullValue()).body("taxIds", nullValue()).body("taxExempt", equalTo("NONE"))
                .body("paymentTermsDays", equalTo(30)).body("microsoftTenantId", nullValue())
                .body("billingContactEmails", nullValue());
    }

    @Test
    void bad_master_data_is_400_naming_the_field_and_changes_nothing() {
        String base = "{\"name\":\"X\",\"billingCurrency\":\"AUD\",\"contactEmail\":\"a@b.example\",";
        json().body(base + "\"taxIds\":[{\"type\":\"AU_ABN\",\"value\":\"51824753556\"},"
                        + "{\"type\":\"AU_ABN\",\"value\":\"51824753557\"}]}")
                .post("/v1/customers").then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("field", equalTo("taxIds[1].value"));
        json().body(base + "\"taxIds\":[{\"type\":\"EU_VAT\",\"value\":\"DE12345\"}]}").post("/v1/customers")
                .then().statusCode(400).body("field", equalTo("taxIds[0].value"));
        json().body(base + "\"paymentTermsDays\":121}").post("/v1/customers").then().statusCode(400)
                .body("field", equalTo("paymentTermsDays"));
        json().body(base + "\"microsoftTenantId\":\"not-a-guid\"}").post("/v1/customers").then().statusCode(400)
                .body("field", equalTo("microsoftTenantId"));
        json().body(base + "\"address\":{\"line1\":\"1 Main St\",\"city\":\"Sydney\",\"country\":\"ZZ\"}}")
                .post("/v1/customers").then().statusCode(400).body("field", equalTo("address.country"));
        json().body(base + "\"taxExempt\":\"SOMETIMES\"}").post("/v1/customers").then().statusCode(400);
        json().body(base + "\"legalName\":\"" + "L".repeat(201) + "\"}").post("/v1/customers").then().statusCode(400)
                .body("field", equalTo("legalName"));
        String id = Api.customer("Patched");
        json().body("{\"taxIds\":[{\"type\":\"AU_ABN\",\"value\":\"51824753557\"}]}").patch("/v1/customers/" + id)
                .then().statusCode(400).body("field", equalTo("taxIds[0].value"));
        json().body("{\"paymentTermsDays\":-1}").patch("/v1/customers/" + id).then().statusCode(400)
                .body("field", equalTo("paymentTermsDays"));
        json().body("{\"billingContactEmails\":[\"nope\"]}").patch("/v1/customers/" + id).then().statusCode(400)
                .body("field", equalTo("billingContactEmails[0]"));
        admin().get("/v1/customers/" + id).then().body("taxIds", nullValue()).body("paymentTermsDays", equalTo(30))
                .body("version", equalTo(0));
    }
}
