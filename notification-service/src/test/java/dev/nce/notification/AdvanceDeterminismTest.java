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
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.contracts.events.TermPeriod;
import dev.nce.notification.support.Events;
import dev.nce.notification.support.GreenMailResource;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md section 3 / D8: one 14-month advance and daily advances give the same rows (kind, termStartDate, batchId,
 * dueAt, status, sentAt), with event time first: a reduction cancels an alert not yet due, an action changed after
 * NOTICE_UPCOMING was sent cancels NOTICE_DEADLINE and sends EXPIRY_UPCOMING at once, DISABLED at the renewal instant.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
class AdvanceDeterminismTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    /** The scenario's events by effective instant, for one customer and subscription. */
    private static TreeMap<Instant, Object> scenario(String customer, String sub) {
        TreeMap<Instant, Object> events = new TreeMap<>();
        LocalDate start = LocalDate.parse("2022-03-01");
        Instant purchase = Instant.parse("2022-03-01T12:00:00Z");
        events.put(Instant.parse("2022-02-20T00:00:00Z"), new SubscriptionEvent.CustomerCreated(customer, "Tailspin",
                "USD", customer + "@example.com", Map.of()));
        SubscriptionSnapshot s5 = Events.snapshot(sub, customer, Term.P1Y, 5, SubscriptionStatus.ACTIVE,
                EndOfTermAction.RENEW, start, purchase);
        events.put(purchase, new SubscriptionEvent.SubscriptionCreated(s5,
                new SeatBatchInfo("b-1", 1, 5, purchase, Instant.parse("2022-03-04T12:00:00Z")), "PURCHASE", null));
        Instant increase = Instant.parse("2022-03-15T08:00:00Z");
        events.put(increase, new SubscriptionEvent.QuantityChanged(Events.snapshot(sub, customer, Term.P1Y, 8,
                SubscriptionStatus.ACTIVE, EndOfTermAction.RENEW, start, purchase), 5, 8,
                List.of(new BatchChange("b-2", 3, Instant.parse("2022-03-22T08:00:00Z"))), List.of()));
        events.put(Instant.parse("2022-03-16T10:00:00Z"), new SubscriptionEvent.QuantityChanged(s5, 8, 5, List.of(),
                List.of(new BatchChange("b-2", 3, null))));
        // after NOTICE_UPCOMING (2023-01-23 09:00), before the deadline 2023-01-30: end-of-term action CANCEL
        events.put(Instant.parse("2023-01-25T10:00:00Z"), new SubscriptionEvent.EndOfTermActionChanged(
                Events.snapshot(sub, customer, Term.P1Y, 5, SubscriptionStatus.ACTIVE, EndOfTermAction.CANCEL, start,
                        purchase), false, EndOfTermAction.CANCEL, null, null));
        events.put(Instant.parse("2023-03-01T00:00:00Z"), new SubscriptionEvent.SubscriptionDisabled(
                Events.snapshot(sub, customer, Term.P1Y, 5, SubscriptionStatus.DISABLED, EndOfTermAction.CANCEL, start,
                        purchase), new TermPeriod(start, LocalDate.parse("2023-02-28"))));
        return events;
    }

    private static String customerOnAnotherPartition(String prefix, int notThis) {
        while (true) {
            String id = prefix + UUID.randomUUID();
            if (Events.partitionOf(id) != notThis) {
                return id;
            }
        }
    }

    private static List<String> rows(String customer) {
        List<Map<String, Object>> items = given().header("Authorization", ADMIN).queryParam("limit", 1000)
                .get("/v1/customers/" + customer + "/notifications").then().statusCode(200).extract().jsonPath()
                .getList("items");
        List<String> rows = new ArrayList<>();
        for (Map<String, Object> i : items) {
            rows.add(i.get("kind") + " " + i.get("termStartDate") + " " + i.get("batchId") + " " + i.get("dueAt") + " "
                    + i.get("status") + " " + i.get("sentAt") + " " + i.get("channel"));
        }
        return rows;
    }

    @Test
    void design_3_one_long_advance_and_daily_advances_give_the_same_rows() {
        String daily = "cust-daily-" + UUID.randomUUID();
        String single = customerOnAnotherPartition("cust-single-", Events.partitionOf(daily));
        Instant end = Instant.parse("2023-05-01T00:00:00Z");
        try (Events events = new Events()) {
            // daily: events in time order, a watermark for its partition at every 00:00Z in between
            TreeMap<Instant, Object> dailyEvents = scenario(daily, "sub-" + daily);
            int dailyPartition = Events.partitionOf(daily);
            Instant day = Instant.parse("2022-02-21T00:00:00Z");
            for (Map.Entry<Instant, Object> e : dailyEvents.entrySet()) {
                while (day.isBefore(e.getKey())) {
                    events.watermark(day, dailyPartition);
                    day = day.plus(Duration.ofDays(1));
                }
                events.subscription(daily, e.getValue() instanceof SubscriptionEvent.CustomerCreated ? daily : "sub-" + daily,
                        e.getValue(), e.getKey());
            }
            while (!day.isAfter(end)) {
                events.watermark(day, dailyPartition);
                day = day.plus(Duration.ofDays(1));
            }
            // single: every event, then one watermark 14 months later
            for (Map.Entry<Instant, Object> e : scenario(single, "sub-" + single).entrySet()) {
                events.subscription(single, e.getValue() instanceof SubscriptionEvent.CustomerCreated ? single
                        : "sub-" + single, e.getValue(), e.getKey());
            }
            events.watermark(end, Events.partitionOf(single));
        }
        List<String> expected = List.of(
                "WINDOW_CLOSING 2022-03-01 b-1 2022-03-03T12:00:00Z SENT 2022-03-03T12:00:00Z EMAIL",
                "WINDOW_CLOSING 2022-03-01 b-2 2022-03-21T08:00:00Z CANCELLED null EMAIL",
                "EXPIRY_UPCOMING 2022-03-01 null 2023-01-23T09:00:00Z SENT 2023-01-25T10:00:00Z EMAIL",
                "NOTICE_UPCOMING 2022-03-01 null 2023-01-23T09:00:00Z SENT 2023-01-23T09:00:00Z EMAIL",
                "NOTICE_DEADLINE 2022-03-01 null 2023-01-30T09:00:00Z CANCELLED null EMAIL",
                "DISABLED 2022-03-01 null 2023-03-01T00:00:00Z SENT 2023-03-01T00:00:00Z EMAIL");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                .until(() -> rows(daily).equals(expected) && rows(single).equals(expected));
        assertThat(rows(single)).isEqualTo(rows(daily)).isEqualTo(expected);
        // the late EXPIRY_UPCOMING states the cancellation
        assertThat(GreenMailResource.messagesTo(daily + "@example.com")).extracting(GreenMailResource::subject)
                .contains("Microsoft 365 E3 will be cancelled at the end of its term on 2023-02-28", "Microsoft 365 E3 is disabled");
    }
}
