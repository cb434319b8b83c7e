package dev.nce.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import dev.nce.stack.DevTokens;
import dev.nce.stack.Service;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** API.md "Conventions" and "Errors": 401 without or with a forged token, 403 without the role, 404 across customers. */
@Order(3)
@ExtendWith(E2EStack.class)
class AuthE2ETest {

    @Test
    void noTokenIsUnauthorizedProblem() {
        Api.anonymous(Service.CATALOG).when().get("/v1/offers")
                .then().statusCode(401)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void forgedTokenIsUnauthorized() {
        Api.withToken(Service.CATALOG, DevTokens.forged().admin()).when().get("/v1/offers")
                .then().statusCode(401)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .body("code", equalTo("unauthorized"));
    }

    @Test
    void adminTokenReadsOffers() {
        Api.admin(Service.CATALOG).when().get("/v1/offers").then().statusCode(200);
    }

    @Test
    void customerCannotCreateCustomers() {
        Api.customer(Service.SUBSCRIPTION, "c-auth-1")
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Forbidden Ltd", "billingCurrency", "USD", "contactEmail", "ops@forbidden.example"))
                .when().post("/v1/customers")
                .then().statusCode(403)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .body("code", equalTo("forbidden"));
    }

    @Test
    void customerSeesItselfButNotAnotherCustomer() {
        String alpha = Api.createCustomer("Alpha Auth", "it@alpha-auth.example");
        String beta = Api.createCustomer("Beta Auth", "it@beta-auth.example");

        Api.customer(Service.SUBSCRIPTION, alpha).when().get("/v1/customers/" + alpha)
                .then().statusCode(200).body("customerId", equalTo(alpha));
        Api.customer(Service.SUBSCRIPTION, alpha).when().get("/v1/customers/" + beta)
                .then().statusCode(404)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .body("code", equalTo("not-found"));
    }
}
