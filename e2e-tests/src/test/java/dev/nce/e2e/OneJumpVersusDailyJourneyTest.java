package dev.nce.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.stack.Service;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DESIGN.md sections 3 and 8: one scenario, run once as a single 14-month clock advance and once as daily advances
 * (each waiting until billing, notification and catalog have caught up), gives the same invoices (period, issue
 * date, total, lines; ids excepted) and the same notification rows (kind, subscription by scenario role,
 * termStartDate, batch, dueAt, status, sentAt, channel). Both runs start from a freshly restarted stack (databases and
 * broker wiped, clock 2022-01-01T00:00:00Z), so even the dates are equal. This class must stay LAST in the order: the
 * fresh restarts throw away what the earlier classes built.
 */
@Order(90)
@ExtendWith({E2EStack.class, WallTime.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OneJumpVersusDailyJourneyTest {

    static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    static final Instant END = Instant.parse("2023-03-02T00:00:00Z");   // 14 months and a day: the Feb 2023 run is in
    static final String OFFER = "E2EJUMP:0001";
    static final String TRIAL_OFFER = "E2EJUMPTRIAL:0001";

    static Outcome oneJump;
    static Outcome daily;
    /** What one run leaves behind, with every id replaced by its scenario role. */
    record Outcome(Map<String, List<String>> invoices, Map<String, List<String>> notifications) {}

    @Test
    @Order(1)
    void one_jump_of_fourteen_months() {
        E2EStack.restartFresh();
        Scenario s = Scenario.setUp();
        long t = System.nanoTime();
        Journeys.advance(END);
        System.out.printf("[e2e] one 14-month advance took %.1f s%n", (System.nanoTime() - t) / 1e9);
        oneJump = s.outcome();
        // not a vacuous comparison: 14 invoices per customer, the P1Y/ANNUAL NEW and RENEW lines among them
        assertThat(oneJump.invoices().get("X")).filteredOn(l -> !l.startsWith(" ")).hasSize(14);
        assertThat(oneJump.invoices().get("Y")).filteredOn(l -> !l.startsWith(" ")).hasSize(14);
        assertThat(String.join("\n", oneJump.invoices().get("X"))).contains(" NEW ").contains(" RENEW ");
        assertThat(oneJump.notifications().get("Y")).anyMatch(r -> r.startsWith("EXPIRED "));
    }

    @Test
    @Order(2)
    void daily_advances_over_the_same_fourteen_months() {
        E2EStack.restartFresh();
        Scenario s = Scenario.setUp();
        long t = System.nanoTime();
        int steps = 0;
        long inAdvance = 0;
        for (Instant day = START.plus(1, ChronoUnit.DAYS); !day.isAfter(END); day = day.plus(1, ChronoUnit.DAYS)) {
            long a = System.nanoTime();
            Api.advanceClock(day);
            inAdvance += System.nanoTime() - a;
            steps++;
            // Each advance is its own due-work pass in subscription-service and its own Watermark on every partition;
            // billing and notification read those records one at a time, in order, whether or not the test waits
            // for them each day. Waiting weekly keeps them close behind without idle round trips on every day.
            if (steps % 7 == 0) {
                awaitAllAt(day);
            }
        }
        awaitAllAt(END);
        System.out.printf("[e2e] %d daily advances took %.1f s (%.1f s in POST /admin/clock/advance)%n", steps,
                (System.nanoTime() - t) / 1e9, inAdvance / 1e9);
        daily = s.outcome();
    }

    @Test
    @Order(3)
    void both_runs_issue_the_same_invoices_and_notifications() {
        assertThat(daily.invoices()).isEqualTo(oneJump.invoices());
        for (String customer : oneJump.notifications().keySet()) {
            assertThat(daily.notifications().get(customer)).as("notification rows of %s", customer)
                    .containsExactlyElementsOf(oneJump.notifications().get(customer));
        }
        assertThat(daily.notifications().keySet()).isEqualTo(oneJump.notifications().keySet());
    }

    /** Waits (tight polling: 425 of these) until billing, notification and catalog report {@code to}. */
    static void awaitAllAt(Instant to) {
        long deadline = System.nanoTime() + Journeys.CATCH_UP.toNanos();
        for (Service s : new Service[] {Service.BILLING, Service.NOTIFICATION, Service.CATALOG}) {
            while (Api.clockNow(s).isBefore(to)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError(s.moduleName() + " did not reach " + to);
                }
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * The scenario, all set up at 2022-01-01T00:00Z (72-h windows, R-C1), so that nothing has to happen between
     * advances. Customer X (USD): P1Y/MONTHLY x5 renewing, P1M/MONTHLY x3 with a scheduled decrease to 2 at its first
     * renewal, P1Y/ANNUAL x2 renewing (NEW then RENEW lines). Customer Y (EUR at 0.9, D13): P1Y/MONTHLY x4 bought with
     * auto-renew off (outside EST scope: EXPIRED, then DISABLED, D10/D17), P1M/MONTHLY x1 ending with CANCEL
     * (DISABLED at its renewal), and a trial that converts on 2022-01-31 (D15).
     */
    static final class Scenario {
        final Map<String, String> roleOf = new HashMap<>();
        final Map<String, String> customers = new LinkedHashMap<>();   // role -> customerId

        static Scenario setUp() {
            Scenario s = new Scenario();
            assertThat(Api.clockNow(Service.SUBSCRIPTION)).isEqualTo(START);
            Journeys.offer(OFFER, "E2E One Jump", List.of("P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL"), Map.of("USD", "10.00"), null);
            Journeys.offer(TRIAL_OFFER, "E2E One Jump Trial", List.of("P1M/MONTHLY", "P1Y/MONTHLY"), Map.of("USD", "6.00"),
                    null, true, List.of(), null);
            Journeys.fxRate("EUR", "0.9", "2022-01-01");
            String x = Journeys.customer("Jump Customer X", "USD");
            String y = Journeys.customer("Jump Customer Y", "EUR");
            s.customers.put("X", x);
            s.customers.put("Y", y);

            s.buy("X.annualTerm", x, Map.of("offerId", OFFER, "term", "P1Y", "billing", "MONTHLY", "quantity", 5));
            String monthly = s.buy("X.monthlyTerm", x, Map.of("offerId", OFFER, "term", "P1M", "billing", "MONTHLY", "quantity", 3));
            Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON).body(Map.of("quantity", 2))
                    .when().put("/v1/subscriptions/" + monthly + "/scheduled-changes").then().statusCode(200);
            s.buy("X.upfront", x, Map.of("offerId", OFFER, "term", "P1Y", "billing", "ANNUAL", "quantity", 2));

            s.buy("Y.expiring", y, Map.of("offerId", OFFER, "term", "P1Y", "billing", "MONTHLY", "quantity", 4, "autoRenew", false));
            s.buy("Y.cancelling", y, Map.of("offerId", OFFER, "term", "P1M", "billing", "MONTHLY", "quantity", 1,
                    "endOfTermAction", "CANCEL"));
            JsonPath trial = Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON).body(Map.of("offerId", TRIAL_OFFER))
                    .when().post("/v1/customers/" + y + "/trials").then().statusCode(201).extract().jsonPath();
            s.roleOf.put(trial.getString("subscriptionId"), "Y.trial");
            return s;
        }

        String buy(String role, String customer, Map<String, Object> body) {
            String id = Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON).body(body)
                    .when().post("/v1/customers/" + customer + "/subscriptions")
                    .then().statusCode(201).extract().path("subscriptionId");
            roleOf.put(id, role);
            return id;
        }

        Outcome outcome() {
            Map<String, List<String>> invoices = new LinkedHashMap<>();
            Map<String, List<String>> notifications = new LinkedHashMap<>();
            for (Map.Entry<String, String> c : customers.entrySet()) {
                Journeys.awaitDeliveries(c.getValue(), END);   // e-mails go out in wall time, after the rows are due
                List<String> inv = new ArrayList<>();
                Map<String, String> periodOfInvoice = new HashMap<>();
                for (Map<String, Object> i : Journeys.invoices(c.getValue())) {
                    periodOfInvoice.put((String) i.get("invoiceId"), (String) i.get("period"));
                    inv.add(i.get("period") + " " + i.get("invoiceNumber") + " issued " + i.get("issueDate") + " "
                            + i.get("currency") + " total " + i.get("total"));
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> lines = (List<Map<String, Object>>) i.get("lines");
                    List<String> mapped = new ArrayList<>();   // sorted: the API orders lines by subscriptionId
                    for (Map<String, Object> l : lines) {
                        mapped.add("  " + roleOf.getOrDefault((String) l.get("subscriptionId"), "?") + " " + l.get("chargeType")
                                + " " + l.get("chargeStartDate") + ".." + l.get("chargeEndDate") + " x" + l.get("quantity")
                                + " " + l.get("unitPrice") + " " + l.get("pricingCurrency") + " fx " + l.get("fxRate")
                                + " " + l.get("daysActive") + "/" + l.get("daysInPeriod") + " " + l.get("amount"));
                    }
                    mapped.sort(null);
                    inv.addAll(mapped);
                }
                invoices.put(c.getKey(), inv);

                Map<String, String> batchRole = new HashMap<>();
                Map<String, Integer> batchesPerSub = new HashMap<>();
                List<String> rows = new ArrayList<>();
                for (Map<String, Object> r : Journeys.notifications(c.getValue())) {
                    String sub = roleOf.getOrDefault((String) r.get("subscriptionId"), Objects.toString(r.get("subscriptionId")));
                    String batch = "-";
                    if (r.get("batchId") != null) {
                        // batches named by their order of appearance per subscription (the listing is ordered by dueAt)
                        batch = batchRole.computeIfAbsent((String) r.get("batchId"),
                                id -> sub + "#" + batchesPerSub.merge(sub, 1, Integer::sum));
                    }
                    String invoice = r.get("invoiceId") == null ? "-" : periodOfInvoice.getOrDefault((String) r.get("invoiceId"), "?");
                    rows.add(r.get("kind") + " " + sub + " term " + r.get("termStartDate") + " batch " + batch + " invoice "
                            + invoice + " due " + r.get("dueAt") + " " + r.get("channel") + " " + r.get("status")
                            + " sent " + r.get("sentAt"));
                }
                rows.sort(null);   // rows with equal (dueAt, kind, channel) have no defined order
                notifications.put(c.getKey(), rows);
            }
            return new Outcome(invoices, notifications);
        }
    }
}
