package dev.nce.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.stack.Service;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A year of one mixed customer (issue 10 part 2; S004 is the model): on 2025-10-06 it buys A = P1Y/MONTHLY x10,
 * B = P1M/MONTHLY x4 and C = P1Y/ANNUAL x2 of one offer (base 20.00: A 21.00 with the 5 % tier of 2025-04-01, B 24.00
 * with 20 %, C 20.00, R-A4). A gets +2 seats inside its window (10-08), gives 1 back inside the window (10-09, D5/D6),
 * +4 after it (11-20), and is suspended 2026-01-12 to 2026-01-20 (BL-2/BL-8: no split, billing goes on). B gets a
 * scheduled decrease to 2 at its 2026-02-06 renewal (R-F3, before the 01-30 deadline, D7). The twelve monthly invoices
 * 2025-10..2026-09 are asserted line by line; every figure below is computed from BL-3 with D1 (UP per line) and BL-6
 * (C's NEW line = 12 x 20.00 x 2), with P1M terms splitting the month at each renewal (BL-2).
 */
@Order(40)
@ExtendWith({E2EStack.class, WallTime.class})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MixedCustomerYearJourneyTest {

    static final String OFFER = "E2EMIXED:0001";
    static String customer;
    static final Map<String, String> roleOf = new HashMap<>();
    static String a, b, c;
    @Test
    @Order(1)
    void purchases_on_the_sixth_of_october() {
        Instant purchase = Instant.parse("2025-10-06T00:00:00Z");
        assertThat(Api.clockNow(Service.SUBSCRIPTION)).isBeforeOrEqualTo(purchase);
        Journeys.offer(OFFER, "E2E Mixed Year", List.of("P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL"), Map.of("USD", "20.00"), null);
        customer = Journeys.customer("Mixed Year Holdings", "USD");
        Journeys.advance(purchase);
        JsonPath annualTerm = Journeys.purchase(customer, OFFER, "P1Y", "MONTHLY", 10);
        assertThat(annualTerm.getString("unitPrice")).isEqualTo("21.00");
        assertThat(annualTerm.getString("endDate")).isEqualTo("2026-10-05");
        a = annualTerm.getString("subscriptionId");
        JsonPath monthlyTerm = Journeys.purchase(customer, OFFER, "P1M", "MONTHLY", 4);
        assertThat(monthlyTerm.getString("unitPrice")).isEqualTo("24.00");
        assertThat(monthlyTerm.getString("endDate")).isEqualTo("2025-11-05");
        b = monthlyTerm.getString("subscriptionId");
        JsonPath upfront = Journeys.purchase(customer, OFFER, "P1Y", "ANNUAL", 2);
        assertThat(upfront.getString("unitPrice")).isEqualTo("20.00");
        c = upfront.getString("subscriptionId");
        roleOf.put(a, "A");
        roleOf.put(b, "B");
        roleOf.put(c, "C");
    }

    /** R-D1 / R-C5 / D5: +2 (own 168-h window), then -1 taken from that newest batch, then +4 after every window. */
    @Test
    @Order(2)
    void seat_changes_inside_and_after_the_window() {
        Journeys.advance(Instant.parse("2025-10-08T00:00:00Z"));
        Journeys.patchQuantity(a, 12).then().statusCode(200).body("quantity", equalTo(12));
        Journeys.advance(Instant.parse("2025-10-09T00:00:00Z"));
        Journeys.patchQuantity(a, 11).then().statusCode(200).body("quantity", equalTo(11));
        Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + a + "/refundable-quantity").then().statusCode(200)
                .body("totalQuantity", equalTo(11));
        Journeys.advance(Instant.parse("2025-11-20T00:00:00Z"));
        Journeys.patchQuantity(a, 15).then().statusCode(200).body("quantity", equalTo(15));
    }

    /** R-E / D20 / BL-8: suspend and resume A; R-F3: B's decrease to 2 at its 2026-02-06 renewal, set before 01-30. */
    @Test
    @Order(3)
    void suspension_and_a_scheduled_decrease() {
        Journeys.advance(Instant.parse("2026-01-12T00:00:00Z"));
        Api.admin(Service.SUBSCRIPTION).when().post("/v1/subscriptions/" + a + "/suspend")
                .then().statusCode(200).body("status", equalTo("SUSPENDED"));
        Journeys.advance(Instant.parse("2026-01-20T00:00:00Z"));
        Api.admin(Service.SUBSCRIPTION).when().post("/v1/subscriptions/" + a + "/resume")
                .then().statusCode(200).body("status", equalTo("ACTIVE"));
        Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + b).then().statusCode(200)
                .body("startDate", equalTo("2026-01-06")).body("noticeDeadline", equalTo("2026-01-30"));
        Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON).body(Map.of("quantity", 2))
                .when().put("/v1/subscriptions/" + b + "/scheduled-changes").then().statusCode(200);
        Journeys.advance(Instant.parse("2026-02-07T00:00:00Z"));
        Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + b).then().statusCode(200)
                .body("startDate", equalTo("2026-02-06")).body("quantity", equalTo(2));
    }

    @Test
    @Order(4)
    void twelve_monthly_invoices_line_by_line() {
        Journeys.advance(Instant.parse("2026-10-02T00:00:00Z"));
        Map<String, List<String>> expected = new TreeMap<>(Map.ofEntries(
            Map.entry("2025-10", List.of(
                    "A CYCLE 2025-10-06..2025-10-07 x10 21.00 2/31 13.55",
                    "A CYCLE 2025-10-08..2025-10-08 x12 21.00 1/31 8.13",
                    "A CYCLE 2025-10-09..2025-10-31 x11 21.00 23/31 171.39",
                    "B CYCLE 2025-10-06..2025-10-31 x4 24.00 26/31 80.52",
                    "C NEW 2025-10-06..2026-10-05 x2 20.00 365/365 480.00",
                    "total 753.59")),
            Map.entry("2025-11", List.of(
                    "A CYCLE 2025-11-01..2025-11-19 x11 21.00 19/30 146.30",
                    "A CYCLE 2025-11-20..2025-11-30 x15 21.00 11/30 115.50",
                    "B CYCLE 2025-11-01..2025-11-05 x4 24.00 5/30 16.00",
                    "B CYCLE 2025-11-06..2025-11-30 x4 24.00 25/30 80.00",
                    "total 357.80")),
            Map.entry("2025-12", List.of(
                    "A CYCLE 2025-12-01..2025-12-31 x15 21.00 31/31 315.00",
                    "B CYCLE 2025-12-01..2025-12-05 x4 24.00 5/31 15.49",
                    "B CYCLE 2025-12-06..2025-12-31 x4 24.00 26/31 80.52",
                    "total 411.01")),
            Map.entry("2026-01", List.of(
                    "A CYCLE 2026-01-01..2026-01-31 x15 21.00 31/31 315.00",
                    "B CYCLE 2026-01-01..2026-01-05 x4 24.00 5/31 15.49",
                    "B CYCLE 2026-01-06..2026-01-31 x4 24.00 26/31 80.52",
                    "total 411.01")),
            Map.entry("2026-02", List.of(
                    "A CYCLE 2026-02-01..2026-02-28 x15 21.00 28/28 315.00",
                    "B CYCLE 2026-02-01..2026-02-05 x4 24.00 5/28 17.15",
                    "B CYCLE 2026-02-06..2026-02-28 x2 24.00 23/28 39.43",
                    "total 371.58")),
            Map.entry("2026-03", List.of(
                    "A CYCLE 2026-03-01..2026-03-31 x15 21.00 31/31 315.00",
                    "B CYCLE 2026-03-01..2026-03-05 x2 24.00 5/31 7.75",
                    "B CYCLE 2026-03-06..2026-03-31 x2 24.00 26/31 40.26",
                    "total 363.01")),
            Map.entry("2026-04", List.of(
                    "A CYCLE 2026-04-01..2026-04-30 x15 21.00 30/30 315.00",
                    "B CYCLE 2026-04-01..2026-04-05 x2 24.00 5/30 8.00",
                    "B CYCLE 2026-04-06..2026-04-30 x2 24.00 25/30 40.00",
                    "total 363.00")),
            Map.entry("2026-05", List.of(
                    "A CYCLE 2026-05-01..2026-05-31 x15 21.00 31/31 315.00",
                    "B CYCLE 2026-05-01..2026-05-05 x2 24.00 5/31 7.75",
                    "B CYCLE 2026-05-06..2026-05-31 x2 24.00 26/31 40.26",
                    "total 363.01")),
            Map.entry("2026-06", List.of(
                    "A CYCLE 2026-06-01..2026-06-30 x15 21.00 30/30 315.00",
                    "B CYCLE 2026-06-01..2026-06-05 x2 24.00 5/30 8.00",
                    "B CYCLE 2026-06-06..2026-06-30 x2 24.00 25/30 40.00",
                    "total 363.00")),
            Map.entry("2026-07", List.of(
                    "A CYCLE 2026-07-01..2026-07-31 x15 21.00 31/31 315.00",
                    "B CYCLE 2026-07-01..2026-07-05 x2 24.00 5/31 7.75",
                    "B CYCLE 2026-07-06..2026-07-31 x2 24.00 26/31 40.26",
                    "total 363.01")),
            Map.entry("2026-08", List.of(
                    "A CYCLE 2026-08-01..2026-08-31 x15 21.00 31/31 315.00",
                    "B CYCLE 2026-08-01..2026-08-05 x2 24.00 5/31 7.75",
                    "B CYCLE 2026-08-06..2026-08-31 x2 24.00 26/31 40.26",
                    "total 363.01")),
            Map.entry("2026-09", List.of(
                    "A CYCLE 2026-09-01..2026-09-30 x15 21.00 30/30 315.00",
                    "B CYCLE 2026-09-01..2026-09-05 x2 24.00 5/30 8.00",
                    "B CYCLE 2026-09-06..2026-09-30 x2 24.00 25/30 40.00",
                    "total 363.00"))
        ));
        List<Map<String, Object>> invoices = Journeys.invoices(customer);
        assertThat(invoices).extracting(i -> i.get("period")).containsExactlyElementsOf(expected.keySet());
        for (Map<String, Object> invoice : invoices) {
            String period = (String) invoice.get("period");
            List<String> want = new ArrayList<>(expected.get(period));
            String total = want.remove(want.size() - 1).substring("total ".length());
            assertThat(lines(invoice)).as("lines of %s", period).containsExactlyInAnyOrderElementsOf(want);
            assertThat(invoice.get("total")).as("total of %s", period).isEqualTo(total);
            assertThat(invoice.get("currency")).isEqualTo("USD");
            String next = java.time.YearMonth.parse(period).plusMonths(1).atDay(1).toString();
            assertThat(invoice.get("issueDate")).as("issue date of %s (D12, D19)", period).isEqualTo(next);
            // D23 settled details: a customer without an address (and no seller profile) is out of scope, tax 0.00,
            // so the totals above are the subtotals; D24: due 30 days after issue
            assertThat(invoice.get("subtotal")).as("subtotal of %s", period).isEqualTo(total);
            assertThat(invoice.get("taxTotal")).as("tax of %s", period).isEqualTo("0.00");
            assertThat(invoice.get("taxLines")).as("tax lines of %s", period).isEqualTo(List.of(Map.of(
                    "taxCode", "OUT_OF_SCOPE", "treatment", "OUT_OF_SCOPE", "percent", "0", "taxableAmount", total,
                    "taxAmount", "0.00")).stream().map(m -> {
                        Map<String, Object> line = new java.util.LinkedHashMap<>(m);
                        line.put("taxType", null);
                        return line;
                    }).toList());
            assertThat(invoice.get("dueDate")).isEqualTo(java.time.LocalDate.parse(next).plusDays(30).toString());
            assertThat(invoice.get("legalNotes")).isEqualTo(List.of());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> invoiceLines = (List<Map<String, Object>>) invoice.get("lines");
            assertThat(invoiceLines).extracting(l -> l.get("taxCode")).containsOnly("OUT_OF_SCOPE");
        }
    }

    static List<String> lines(Map<String, Object> invoice) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) invoice.get("lines");
        return lines.stream().map(l -> roleOf.getOrDefault((String) l.get("subscriptionId"), "?") + " " + l.get("chargeType")
                + " " + l.get("chargeStartDate") + ".." + l.get("chargeEndDate") + " x" + l.get("quantity") + " "
                + l.get("unitPrice") + " " + l.get("daysActive") + "/" + l.get("daysInPeriod") + " " + l.get("amount")).toList();
    }
}
