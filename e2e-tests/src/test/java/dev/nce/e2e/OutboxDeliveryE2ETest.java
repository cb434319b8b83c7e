package dev.nce.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nce.stack.Service;
import dev.nce.stack.Stack;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md section 6: events leave through the outbox and reach their consumers; a consumer that was down catches
 * up when it comes back and applies each event exactly once.
 */
@Order(5)
@ExtendWith(E2EStack.class)
class OutboxDeliveryE2ETest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);

    @Test
    void customerCreatedReachesNotificationService() {
        String customerId = Api.createCustomer("Outbox Notify Ltd", "billing@outbox-notify.example");

        await("notification-service knows customer " + customerId).atMost(DELIVERY).pollInterval(Duration.ofMillis(250))
                .until(() -> Api.admin(Service.NOTIFICATION).when().get("/v1/customers/" + customerId + "/notifications")
                        .statusCode() == 200);
        Api.admin(Service.NOTIFICATION).when().get("/v1/customers/" + customerId + "/notifications")
                .then().statusCode(200);
    }

    @Test
    void billingConsumesWhatItMissedWhileStoppedExactlyOnce() {
        Stack stack = E2EStack.get();
        String offerId = "E2EOUTBOX001:0001";
        Api.putOffer(offerId, "E2E Outbox Suite");

        long stoppedPid = stack.pid(Service.BILLING).orElseThrow();
        stack.stop(Service.BILLING);
        assertFalse(stack.isRunning(Service.BILLING));
        assertFalse(ProcessHandle.of(stoppedPid).map(ProcessHandle::isAlive).orElse(false), "billing-service still alive");

        String customerId = Api.createCustomer("Outbox Billing Ltd", "billing@outbox-billing.example");
        String subscriptionId = Api.admin(Service.SUBSCRIPTION)
                .contentType(ContentType.JSON)
                .body(Map.of("offerId", offerId, "term", "P1Y", "billing", "MONTHLY", "quantity", 5))
                .when().post("/v1/customers/" + customerId + "/subscriptions")
                .then().statusCode(201)
                .extract().path("subscriptionId");

        stack.start(Service.BILLING); // waits for /q/health/ready

        // The period the purchase falls in; move the clock past its end so billing's watermark closes it.
        Instant purchasedAt = Api.clockNow(Service.SUBSCRIPTION);
        YearMonth period = YearMonth.from(purchasedAt.atZone(ZoneOffset.UTC));
        Instant periodEnd = period.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Api.advanceClock(periodEnd);
        await("billing-service reaches " + periodEnd).atMost(DELIVERY).pollInterval(Duration.ofMillis(250))
                .until(() -> !Api.clockNow(Service.BILLING).isBefore(periodEnd));

        await("a preview line for " + subscriptionId).atMost(DELIVERY).pollInterval(Duration.ofMillis(250))
                .until(() -> !linesOf(customerId, period, subscriptionId).isEmpty());
        List<Map<String, Object>> lines = linesOf(customerId, period, subscriptionId);
        assertEquals(1, lines.size(), "billing applied SubscriptionCreated more than once: " + lines);
        assertEquals(offerId, lines.get(0).get("offerId"));
        assertEquals(5, ((Number) lines.get(0).get("quantity")).intValue());
        assertTrue(stack.isRunning(Service.BILLING));
    }

    private static List<Map<String, Object>> linesOf(String customerId, YearMonth period, String subscriptionId) {
        Response r = Api.admin(Service.BILLING)
                .queryParam("period", period.toString())
                .when().get("/v1/customers/" + customerId + "/invoices/preview");
        assertEquals(200, r.statusCode(), () -> "preview answered " + r.statusCode() + ": " + r.asString());
        List<Map<String, Object>> all = r.jsonPath().getList("lines");
        return all.stream().filter(l -> subscriptionId.equals(l.get("subscriptionId"))).toList();
    }
}
