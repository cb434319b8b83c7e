package dev.nce.billing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.billing.BillingTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 18: the seller profile a deployment gives by configuration (Helm values) is there from the first start. */
@QuarkusTest
@TestProfile(InitialSellerProfileTest.FirstStart.class)
@QuarkusTestResource(BillingTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class InitialSellerProfileTest {

    @Inject
    InitialSellerProfile initial;

    public static class FirstStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nce.seller-profile.initial", "{\"legalName\":\"Contoso Cloud GmbH\",\"address\":{\"line1\":"
                    + "\"Hauptstrasse 1\",\"city\":\"Berlin\",\"postalCode\":\"10115\",\"country\":\"DE\"},"
                    + "\"taxRegistrations\":[{\"country\":\"DE\",\"taxId\":\"DE123456789\"}],"
                    + "\"email\":\"billing@contoso-cloud.example\",\"invoiceFooter\":\"Thank you\"}");
        }
    }

    @Test
    void the_configured_profile_is_stored_at_the_first_start_and_a_later_put_wins() {
        String admin = TestTokens.bearer(TestTokens.partnerAdmin());
        given().header("Authorization", admin).get("/admin/seller-profile").then().statusCode(200)
                .body("legalName", equalTo("Contoso Cloud GmbH"))
                .body("address.city", equalTo("Berlin"))
                .body("taxRegistrations[0].taxId", equalTo("DE123456789"))
                .body("invoiceFooter", equalTo("Thank you"));
        given().header("Authorization", admin).contentType("application/json")
                .body("{\"legalName\":\"Contoso Cloud AG\",\"address\":{\"line1\":\"Hauptstrasse 1\",\"city\":\"Berlin\","
                        + "\"postalCode\":\"10115\",\"country\":\"DE\"}}")
                .put("/admin/seller-profile").then().statusCode(200);
        initial.onStart(null); // what a restart does: a profile exists, so the configured one is not written again
        given().header("Authorization", admin).get("/admin/seller-profile").then().statusCode(200)
                .body("legalName", equalTo("Contoso Cloud AG"));
    }
}
