package dev.nce.e2e;

import static org.hamcrest.Matchers.containsString;

import dev.nce.stack.Service;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every service of the e2e stack is ready and serves its OpenAPI document. */
@Order(1)
@ExtendWith(E2EStack.class)
class StackReadinessTest {

    @ParameterizedTest
    @EnumSource(Service.class)
    void isReady(Service s) {
        Api.anonymous(s).when().get("/q/health/ready").then().statusCode(200);
    }

    @ParameterizedTest
    @EnumSource(Service.class)
    void servesOpenApi(Service s) {
        Api.anonymous(s).when().get("/q/openapi").then().statusCode(200).body(containsString("openapi"));
    }
}
