package dev.nce.e2e;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nce.stack.Service;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** API.md "Errors": malformed JSON is 400 validation-failed, and a refused request changes nothing. */
@Order(4)
@ExtendWith(E2EStack.class)
class MalformedRequestE2ETest {

    private static int customerCount() {
        return Api.admin(Service.SUBSCRIPTION).when().get("/v1/customers")
                .then().statusCode(200).extract().path("totalCount");
    }

    @Test
    void malformedJsonIsValidationFailedAndCreatesNothing() {
        int before = customerCount();
        Api.admin(Service.SUBSCRIPTION)
                .contentType(ContentType.JSON)
                .body("{\"name\": \"Broken Ltd\", \"billingCurrency\": \"USD\", ")
                .when().post("/v1/customers")
                .then().statusCode(400)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .body("code", equalTo("validation-failed"));
        assertEquals(before, customerCount());
    }
}
