package dev.nce.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.notification.support.Events;
import dev.nce.notification.support.GreenMailResource;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * D8 WINDOW_CLOSING with R-I3/R-C3 partial upgrades: the seats moved to the child leave the source's newest batch
 * (SubscriptionUpgraded.sourceBatchesReduced), so that emptied batch gets no alert; the child's batch, carrying the
 * source batch's window end, gets one with the moved count; the source's other batch keeps its own.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
class UpgradeWindowClosingTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    @Test
    void d8_a_source_batch_emptied_by_a_partial_upgrade_gets_no_window_closing_and_the_child_batch_gets_one() {
        String customer = "cust-upg-" + UUID.randomUUID();
        String source = "sub-src-" + UUID.randomUUID();
        String child = "sub-child-" + UUID.randomUUID();
        String email = customer + "@example.com";
        int partition = Events.partitionOf(customer);
        LocalDate start = LocalDate.parse("2031-03-02");
        Instant purchase = Instant.parse("2031-03-02T10:00:00Z");
        Instant increase = Instant.parse("2031-03-03T10:00:00Z");
        Instant upgrade = Instant.parse("2031-03-04T10:00:00Z");
        Instant b2WindowEnd = increase.plus(Duration.ofHours(168));
        try (Events events = new Events()) {
            events.subscription(customer, customer, new SubscriptionEvent.CustomerCreated(customer, "Fabrikam", "USD",
                    email, Map.of()), Instant.parse("2031-02-01T00:00:00Z"));
            events.subscription(customer, source, new SubscriptionEvent.SubscriptionCreated(
                    Events.snapshot(source, customer, Term.P1Y, 6, SubscriptionStatus.ACTIVE, EndOfTermAction.RENEW,
                            start, purchase),
                    new SeatBatchInfo("b1", 1, 6, purchase, purchase.plus(Duration.ofHours(168))), "PURCHASE", null),
                    purchase);
            events.subscription(customer, source, new SubscriptionEvent.QuantityChanged(
                    Events.snapshot(source, customer, Term.P1Y, 10, SubscriptionStatus.ACTIVE, EndOfTermAction.RENEW,
                            start, purchase),
                    6, 10, List.of(new BatchChange("b2", 4, b2WindowEnd)), List.of()), increase);
            // 4 seats move to a new child subscription: newest batch first, so b2 is emptied (R-I3, R-C3)
            events.subscription(customer, source, new SubscriptionEvent.SubscriptionUpgraded(
                    Events.snapshot(source, customer, Term.P1Y, 6, SubscriptionStatus.ACTIVE, EndOfTermAction.RENEW,
                            start, purchase),
                    Events.snapshot(child, customer, "CFQ7TTC0LFLZ:0001", Term.P1Y, 4, SubscriptionStatus.ACTIVE,
                            EndOfTermAction.RENEW, LocalDate.parse("2031-03-04"), upgrade),
                    4, LocalDate.parse("2031-03-04"), false, true, "CFQ7TTC0LF8Q:0001", new BigDecimal("37.80"),
                    List.of(new SeatBatchInfo("c1", 1, 4, upgrade, b2WindowEnd)),
                    List.of(new BatchChange("b2", 4, null))), upgrade);
            events.watermark(Instant.parse("2031-03-12T00:00:00Z"), partition);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> windowClosingRows(customer).size() == 3
                && windowClosingRows(customer).stream().noneMatch(r -> "SCHEDULED".equals(r.get("status"))));

        List<Map<String, Object>> rows = windowClosingRows(customer);
        assertThat(rows).extracting(r -> r.get("subscriptionId") + "/" + r.get("batchId") + " " + r.get("status") + " "
                + r.get("dueAt")).containsExactlyInAnyOrder(
                source + "/b1 SENT 2031-03-08T10:00:00Z",
                source + "/b2 CANCELLED 2031-03-09T10:00:00Z",
                child + "/c1 SENT 2031-03-09T10:00:00Z");
        assertThat(GreenMailResource.messagesTo(email)).extracting(GreenMailResource::subject)
                .filteredOn(s -> s.startsWith("Cancellation window"))
                .containsExactlyInAnyOrder(
                        "Cancellation window for 6 seats of Microsoft 365 E3 closes at 2031-03-09 10:00 UTC",
                        "Cancellation window for 4 seats of Microsoft 365 E3 closes at 2031-03-10 10:00 UTC");
    }

    static List<Map<String, Object>> windowClosingRows(String customer) {
        JsonPath list = given().header("Authorization", ADMIN)
                .get("/v1/customers/" + customer + "/notifications")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = list.getList("items");
        return items.stream().filter(r -> "WINDOW_CLOSING".equals(r.get("kind"))).toList();
    }
}
