package dev.nce.e2e;

import static io.restassured.RestAssured.given;

import dev.nce.stack.Service;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** rest-assured entry points for the e2e stack, plus the few fixtures several journeys need (API.md shapes). */
final class Api {

    static final String PROBLEM_JSON = "application/problem+json";

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private Api() {
    }

    /** No Authorization header. */
    static RequestSpecification anonymous(Service s) {
        return given().baseUri(E2EStack.url(s));
    }

    static RequestSpecification withToken(Service s, String token) {
        return anonymous(s).auth().oauth2(token);
    }

    /** A partner-admin. */
    static RequestSpecification admin(Service s) {
        return withToken(s, E2EStack.tokens().admin());
    }

    static RequestSpecification customer(Service s, String customerId) {
        return withToken(s, E2EStack.tokens().customer(customerId));
    }

    /** {@code POST /v1/customers} as partner-admin; returns the new customerId. */
    static String createCustomer(String name, String email) {
        return admin(Service.SUBSCRIPTION)
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "billingCurrency", "USD", "contactEmail", email))
                .when().post("/v1/customers")
                .then().statusCode(201)
                .extract().path("customerId");
    }

    /** {@code PUT /v1/offers/{offerId}}: a P1M/P1Y monthly offer at 10.00 USD base from 2022-01-01 (201 or 200). */
    static void putOffer(String offerId, String name) {
        Map<String, Object> offer = new java.util.LinkedHashMap<>();
        offer.put("offerId", offerId);
        offer.put("name", name);
        offer.put("productFamily", "E2E");
        offer.put("plans", List.of(Map.of("term", "P1M", "billing", "MONTHLY"), Map.of("term", "P1Y", "billing", "MONTHLY")));
        offer.put("prices", List.of(Map.of("effectiveFrom", "2022-01-01", "currency", "USD", "basePrice", "10.00")));
        offer.put("capGroup", null);
        offer.put("renewable", true);
        offer.put("midTermIncrease", true);
        offer.put("trialAvailable", false);
        offer.put("upgradePaths", List.of());
        int status = admin(Service.CATALOG)
                .contentType(ContentType.JSON)
                .body(offer)
                .when().put("/v1/offers/" + offerId)
                .then().extract().statusCode();
        if (status != 200 && status != 201) {
            throw new AssertionError("PUT /v1/offers/" + offerId + " answered " + status);
        }
    }

    /** {@code GET /admin/clock} of a service: its {@code now}. */
    static Instant clockNow(Service s) {
        String now = admin(s).when().get("/admin/clock").then().statusCode(200).extract().path("now");
        return Instant.parse(now);
    }

    /** {@code POST /admin/clock/advance} on subscription-service; expects 200. */
    static void advanceClock(Instant to) {
        admin(Service.SUBSCRIPTION)
                .contentType(ContentType.JSON)
                .body(Map.of("to", to.toString()))
                .when().post("/admin/clock/advance")
                .then().statusCode(200);
    }
}
