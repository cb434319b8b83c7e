package dev.nce.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.stack.Service;
import dev.nce.stack.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Crashes in the middle of the timeline (DESIGN.md section 3 "due work is catch-up work", D12, D21): six customers
 * buy on 2025-07-10; notification-service is SIGKILLed while their WINDOW_CLOSING reminders fall due, subscription-service
 * right after a seat increase, and billing-service while the July invoice run is processing its tasks. Each is restarted
 * and the clock goes on to 2025-09-02. Every figure asserted is the one of an undisturbed run, computed from the rules
 * (BL-3, D1 rounding UP per line, D6, D8, D18, D19, D21), not read back from the services: a crash must change nothing.
 */
@Order(30)
@ExtendWith({E2EStack.class, WallTime.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestartJourneyTest {

    static final String OFFER = "E2ERESTART:0001";
    static final Instant PURCHASE = Instant.parse("2025-07-10T00:00:00Z");
    static final Duration RUN_DONE = Duration.ofSeconds(120);

    static final List<String> names = new ArrayList<>();
    static final List<String> customers = new ArrayList<>();
    static final Map<String, String> roleOf = new HashMap<>();   // subscriptionId -> "P1Y" / "P1M"
    static final List<String> monthlyTermSubs = new ArrayList<>();
    /** R-A4: base 20.00 gives P1Y/MONTHLY 21.00 (5 % from 2025-04-01) and P1M/MONTHLY 24.00 (20 %). */
    @Test
    @Order(1)
    void six_customers_buy_on_the_tenth_of_july() {
        assertThat(Api.clockNow(Service.SUBSCRIPTION)).isBeforeOrEqualTo(PURCHASE);
        Journeys.offer(OFFER, "E2E Restart Suite", List.of("P1M/MONTHLY", "P1Y/MONTHLY"), Map.of("USD", "20.00"), null);
        Journeys.advance(PURCHASE);
        for (int k = 1; k <= 6; k++) {
            String name = "Restart Customer " + "ABCDEF".charAt(k - 1);
            String customer = Journeys.customer(name, "USD");
            names.add(name);
            customers.add(customer);
            var annual = Journeys.purchase(customer, OFFER, "P1Y", "MONTHLY", k);
            assertThat(annual.getString("unitPrice")).isEqualTo("21.00");
            roleOf.put(annual.getString("subscriptionId"), "P1Y");
            var monthly = Journeys.purchase(customer, OFFER, "P1M", "MONTHLY", 2);
            assertThat(monthly.getString("unitPrice")).isEqualTo("24.00");
            assertThat(monthly.getString("noticeDeadline")).isEqualTo("2025-08-03");
            roleOf.put(monthly.getString("subscriptionId"), "P1M");
            monthlyTermSubs.add(monthly.getString("subscriptionId"));
        }
    }

    /** D8: WINDOW_CLOSING falls due at 2025-07-16T00:00Z (24 h before the 168-h windows close) while notification is dead. */
    @Test
    @Order(2)
    void notification_service_killed_while_window_reminders_fall_due() {
        Stack stack = E2EStack.get();
        Journeys.advance(Instant.parse("2025-07-15T12:00:00Z"));
        long pid = stack.kill(Service.NOTIFICATION);
        assertThat(pid).isPositive();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        Api.advanceClock(Instant.parse("2025-07-16T06:00:00Z"));
        stack.start(Service.NOTIFICATION);
        Journeys.advance(Instant.parse("2025-07-16T06:00:00Z"));
    }

    /** The outbox row of the increase is committed before the kill; the restarted relay must still publish it. */
    @Test
    @Order(3)
    void subscription_service_killed_right_after_an_increase() {
        Stack stack = E2EStack.get();
        Journeys.advance(Instant.parse("2025-07-20T00:00:00Z"));
        String annualOfFirst = subscriptionOf(customers.get(0), "P1Y");
        Journeys.patchQuantity(annualOfFirst, 3).then().statusCode(200).body("quantity", equalTo(3));
        stack.kill(Service.SUBSCRIPTION);
        stack.start(Service.SUBSCRIPTION);
        assertThat(Api.clockNow(Service.SUBSCRIPTION)).isEqualTo(Instant.parse("2025-07-20T00:00:00Z"));
        Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + annualOfFirst)
                .then().statusCode(200).body("quantity", equalTo(3));
        Journeys.advance(Instant.parse("2025-07-31T23:00:00Z"));
    }

    /** D12: the run starts at 2025-08-01T01:00Z; billing dies while it runs and finishes it after the restart. */
    @Test
    @Order(4)
    void billing_service_killed_during_the_july_invoice_run() {
        Stack stack = E2EStack.get();
        Instant runAt = Instant.parse("2025-08-01T01:00:00Z");
        Api.advanceClock(runAt);
        await("the 2025-07 run starts").atMost(Journeys.CATCH_UP).pollInterval(Duration.ofMillis(10))
                .until(() -> !Journeys.runs("2025-07").isEmpty());
        Map<String, Object> atKill = Journeys.runs("2025-07").get(0);
        stack.kill(Service.BILLING);
        System.out.println("[e2e] billing killed while the 2025-07 run was " + atKill.get("status") + " with "
                + atKill.get("invoicesIssued") + " of " + atKill.get("customersTotal") + " invoices issued");
        stack.start(Service.BILLING);
        await("the 2025-07 run completes").atMost(RUN_DONE).pollInterval(Duration.ofMillis(250))
                .until(() -> "COMPLETED".equals(Journeys.runs("2025-07").get(0).get("status")));
        assertThat(Journeys.runs("2025-07")).hasSize(1);
        assertThat(Journeys.runs("2025-07").get(0).get("missingCustomers")).asList().isEmpty();
        Journeys.advance(Instant.parse("2025-09-02T00:00:00Z"));
    }

    /** BL-3 + D1 (UP per line) + D6 (R1's increase on 07-20 starts a segment that day) + BL-2 (P1M terms split). */
    @Test
    @Order(5)
    void every_customer_has_exactly_the_invoices_of_an_undisturbed_run() {
        // 22 of 31 days in July; the P1M term renews on 08-10, so August has two CYCLE lines for it (BL-2).
        String[] julyP1y = {null, "29.81", "44.71", "59.62", "74.52", "89.42"};
        String[] julyTotal = {"65.24", "63.88", "78.78", "93.69", "108.59", "123.49"};
        String[] augustTotal = {"111.01", "90.01", "111.01", "132.01", "153.01", "174.01"};
        for (int i = 0; i < customers.size(); i++) {
            int k = i + 1;
            List<Map<String, Object>> invoices = Journeys.invoices(customers.get(i));
            assertThat(invoices).extracting(inv -> inv.get("period")).containsExactly("2025-07", "2025-08");
            Map<String, Object> july = invoices.get(0);
            Map<String, Object> august = invoices.get(1);
            assertThat(july.get("issueDate")).isEqualTo("2025-08-01");           // D19: the run of the 1st, despite the crash
            assertThat(august.get("issueDate")).isEqualTo("2025-09-01");
            assertThat(july.get("total")).as("July total of customer %d", k).isEqualTo(julyTotal[i]);
            assertThat(august.get("total")).as("August total of customer %d", k).isEqualTo(augustTotal[i]);
            List<String> julyLines = k == 1
                    ? List.of("P1Y CYCLE 2025-07-10..2025-07-19 x1 21.00 10/31 6.78",
                              "P1Y CYCLE 2025-07-20..2025-07-31 x3 21.00 12/31 24.39",
                              "P1M CYCLE 2025-07-10..2025-07-31 x2 24.00 22/31 34.07")
                    : List.of("P1Y CYCLE 2025-07-10..2025-07-31 x" + k + " 21.00 22/31 " + julyP1y[i],
                              "P1M CYCLE 2025-07-10..2025-07-31 x2 24.00 22/31 34.07");
            assertThat(lines(july)).as("July lines of customer %d", k).containsExactlyInAnyOrderElementsOf(julyLines);
            int annualSeats = k == 1 ? 3 : k;
            assertThat(lines(august)).as("August lines of customer %d", k).containsExactlyInAnyOrder(
                    "P1Y CYCLE 2025-08-01..2025-08-31 x" + annualSeats + " 21.00 31/31 " + (21 * annualSeats) + ".00",
                    "P1M CYCLE 2025-08-01..2025-08-09 x2 24.00 9/31 13.94",
                    "P1M CYCLE 2025-08-10..2025-08-31 x2 24.00 22/31 34.07");
        }
        assertGaplessInCustomerIdOrder("2025-07");
        assertGaplessInCustomerIdOrder("2025-08");
    }

    /**
     * D8: each reminder exactly once per (subscription, term, kind) and WINDOW_CLOSING once per (subscription, batch),
     * at its computed instant and sent then (sentAt = max(dueAt, createdAt), DESIGN.md section 3), although
     * notification-service was dead when the window reminders fell due. The SMTP sink got one e-mail per SENT row.
     */
    @Test
    @Order(6)
    void every_customer_has_each_notification_exactly_once() {
        for (String customer : customers) {
            Journeys.awaitDeliveries(customer, Instant.parse("2025-09-02T00:00:00Z"));
        }
        for (int i = 0; i < customers.size(); i++) {
            String customer = customers.get(i);
            List<Map<String, Object>> email = Journeys.notifications(customer).stream()
                    .filter(r -> "EMAIL".equals(r.get("channel"))).toList();
            // WINDOW_CLOSING rows carry the start of the term their batch was bought in (issue 15 item 16)
            List<String> expected = new ArrayList<>(List.of(
                    "P1Y WINDOW_CLOSING 2025-07-10 2025-07-16T00:00:00Z SENT",
                    "P1M WINDOW_CLOSING 2025-07-10 2025-07-16T00:00:00Z SENT",
                    "P1M NOTICE_UPCOMING 2025-07-10 2025-07-31T09:00:00Z SENT",
                    "P1M NOTICE_DEADLINE 2025-07-10 2025-08-03T09:00:00Z SENT",
                    "P1M WINDOW_CLOSING 2025-08-10 2025-08-16T00:00:00Z SENT",
                    "P1M NOTICE_UPCOMING 2025-08-10 2025-08-31T09:00:00Z SENT",
                    "- INVOICE_ISSUED - 2025-08-01T01:00:00Z SENT",
                    "- INVOICE_ISSUED - 2025-09-01T01:00:00Z SENT"));
            if (i == 0) {
                expected.add("P1Y WINDOW_CLOSING 2025-07-10 2025-07-26T00:00:00Z SENT");   // the increase's batch
            }
            List<String> sentOrDue = email.stream().filter(r -> !"SCHEDULED".equals(r.get("status")))
                    .map(RestartJourneyTest::row).toList();
            assertThat(sentOrDue).as("sent e-mail rows of customer %d", i + 1).containsExactlyInAnyOrderElementsOf(expected);
            for (Map<String, Object> r : email) {
                if ("SENT".equals(r.get("status"))) {
                    assertThat(r.get("sentAt")).as("sentAt of %s", row(r)).isEqualTo(r.get("dueAt"));
                }
            }
            assertExactlyOnce(email);
            long sent = email.stream().filter(r -> "SENT".equals(r.get("status"))).count();
            String address = Journeys.emailOf(names.get(i));
            await("e-mails to " + address).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> Journeys.mailsTo(address) >= sent);
            assertThat(Journeys.mailsTo(address)).as("SMTP messages to %s", address).isEqualTo(sent);
        }
    }

    static void assertExactlyOnce(List<Map<String, Object>> emailRows) {
        Map<String, Long> perKey = emailRows.stream().collect(Collectors.groupingBy(r -> {
            Object kind = r.get("kind");
            if ("WINDOW_CLOSING".equals(kind)) {
                return r.get("subscriptionId") + "/" + r.get("batchId");
            }
            if ("INVOICE_ISSUED".equals(kind)) {
                return "invoice/" + r.get("invoiceId");
            }
            return r.get("subscriptionId") + "/" + r.get("termStartDate") + "/" + kind;
        }, LinkedHashMap::new, Collectors.counting()));
        assertThat(perKey.values()).as("rows per notification key %s", perKey).allMatch(n -> n == 1);
    }

    /** D21: numbers 000001..N without gaps over every invoice of the period, given in customerId order by one run. */
    static void assertGaplessInCustomerIdOrder(String period) {
        Map<String, String> numberByCustomer = new java.util.TreeMap<>();
        for (String c : Journeys.allCustomers()) {
            for (Map<String, Object> inv : Journeys.invoices(c)) {
                if (period.equals(inv.get("period"))) {
                    numberByCustomer.put(c, (String) inv.get("invoiceNumber"));
                }
            }
        }
        List<String> numbers = numberByCustomer.values().stream().sorted().toList();
        List<String> gapless = new ArrayList<>();
        for (int n = 1; n <= numbers.size(); n++) {
            gapless.add(String.format("%s-%06d", period, n));
        }
        assertThat(numbers).as("invoice numbers of %s", period).isEqualTo(gapless);
        assertThat(List.copyOf(numberByCustomer.values())).as("numbers in customerId order").isEqualTo(gapless);
        int issued = Journeys.runs(period).stream().mapToInt(r -> ((Number) r.get("invoicesIssued")).intValue()).sum();
        assertThat(numbers).hasSize(issued);
    }

    static String subscriptionOf(String customer, String role) {
        return roleOf.entrySet().stream()
                .filter(e -> e.getValue().equals(role))
                .map(Map.Entry::getKey)
                .filter(id -> customer.equals(Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + id)
                        .then().statusCode(200).extract().path("customerId")))
                .findFirst().orElseThrow();
    }

    static List<String> lines(Map<String, Object> invoice) {
        List<Map<String, Object>> lines = (List<Map<String, Object>>) invoice.get("lines");
        return lines.stream().map(l -> roleOf.getOrDefault((String) l.get("subscriptionId"), "?") + " " + l.get("chargeType")
                + " " + l.get("chargeStartDate") + ".." + l.get("chargeEndDate") + " x" + l.get("quantity") + " "
                + l.get("unitPrice") + " " + l.get("daysActive") + "/" + l.get("daysInPeriod") + " " + l.get("amount")).toList();
    }

    static String row(Map<String, Object> r) {
        return roleOf.getOrDefault((String) r.get("subscriptionId"), "-") + " " + r.get("kind") + " "
                + Objects.requireNonNullElse(r.get("termStartDate"), "-") + " " + r.get("dueAt") + " " + r.get("status");
    }
}
