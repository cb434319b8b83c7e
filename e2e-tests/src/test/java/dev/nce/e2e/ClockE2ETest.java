package dev.nce.e2e;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.nce.stack.Service;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md section 3: one simulated clock for the platform, moved by subscription-service; the others catch up and
 * report it in {@code GET /admin/clock}; it never goes backwards. Runs right after readiness: the stack's clock starts
 * at 2022-01-01T00:00:00Z.
 */
@Order(2)
@ExtendWith(E2EStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClockE2ETest {

    private static final Instant FEB_1 = Instant.parse("2022-02-01T00:00:00Z");

    @Test
    @Order(1)
    void advanceIsSeenByEveryService() {
        String now = Api.admin(Service.SUBSCRIPTION)
                .contentType(ContentType.JSON)
                .body(Map.of("to", "2022-02-01T00:00:00Z"))
                .when().post("/admin/clock/advance")
                .then().statusCode(200)
                .extract().path("now");
        assertEquals(FEB_1, Instant.parse(now));
        assertEquals(FEB_1, Api.clockNow(Service.SUBSCRIPTION));

        for (Service s : new Service[] {Service.CATALOG, Service.BILLING, Service.NOTIFICATION}) {
            await(s.moduleName() + " reaches " + FEB_1).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> !Api.clockNow(s).isBefore(FEB_1));
        }
    }

    @Test
    @Order(2)
    void advanceToAnEarlierInstantIsClockBackwards() {
        Api.admin(Service.SUBSCRIPTION)
                .contentType(ContentType.JSON)
                .body(Map.of("to", "2022-01-15T00:00:00Z"))
                .when().post("/admin/clock/advance")
                .then().statusCode(409)
                .contentType(startsWith(Api.PROBLEM_JSON))
                .body("code", equalTo("clock-backwards"));
        assertFalse(Api.clockNow(Service.SUBSCRIPTION).isBefore(FEB_1), "a refused advance changed the clock");
    }
}
