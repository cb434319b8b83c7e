package dev.nce.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.stack.Service;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The seed examples over the whole stack (real broker and PostgreSQL, REST only, simulated clock): S004's March 2022
 * invoices (5.00; 5.17 + 9.68; 31.15; 13.63 + 25.55), the R-C1 72-h / 168-h boundary and S003's 168-h windows, and a
 * P1M renewal that opens a new window (S003 "renewal at midnight on 15 May"). One timeline, so the methods run in order.
 */
@Order(10)
@ExtendWith(E2EStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SeedExamplesJourneyTest {

    static final Instant MARCH_1 = Instant.parse("2022-03-01T00:00:00Z");

    static String ex1, ex2, ex3, ex4;            // customers of S004 examples 1-4
    static String ex2Sub, ex4Sub;
    static String before72h, after168h, bemo;    // subscriptions of the window examples

    @Test
    @Order(1)
    void s004_purchases_on_the_first_of_march() {
        assertThat(Api.clockNow(Service.SUBSCRIPTION)).isBeforeOrEqualTo(MARCH_1);
        Journeys.offer("E2ES004A:0001", "S004 Example One", List.of("P1Y/MONTHLY"), Map.of("AUD", "5.00"), null);
        Journeys.offer("E2ES004B:0001", "S004 Example Two", List.of("P1Y/MONTHLY"), Map.of("AUD", "10.00"), null);
        Journeys.offer("E2ES004C:0001", "S004 Example Three", List.of("P1Y/MONTHLY"), Map.of("USD", "7.00"), null);
        Journeys.offer("E2ES004D:0001", "S004 Example Four", List.of("P1Y/MONTHLY"), Map.of("USD", "20.00"), null);
        Journeys.fxRate("ZAR", "4.45", "2022-01-01");
        Journeys.fxRate("SGD", "1.32", "2022-01-01");
        Journeys.advance(MARCH_1);

        ex1 = Journeys.customer("S004 One Pty", "AUD");
        ex2 = Journeys.customer("S004 Two Pty", "AUD");
        ex3 = Journeys.customer("S004 Three Ltd", "ZAR");
        ex4 = Journeys.customer("S004 Four Ltd", "SGD");
        Journeys.purchase(ex1, "E2ES004A:0001", "P1Y", "MONTHLY", 1);
        JsonPath two = Journeys.purchase(ex2, "E2ES004B:0001", "P1Y", "MONTHLY", 1);
        assertThat(two.getString("unitPrice")).isEqualTo("10.00");
        assertThat(two.getString("currency")).isEqualTo("AUD");
        ex2Sub = two.getString("subscriptionId");
        Journeys.purchase(ex3, "E2ES004C:0001", "P1Y", "MONTHLY", 1);
        JsonPath four = Journeys.purchase(ex4, "E2ES004D:0001", "P1Y", "MONTHLY", 1);
        assertThat(four.getString("currency")).isEqualTo("USD");
        ex4Sub = four.getString("subscriptionId");
    }

    /** R-C1 boundary: p = 2022-03-11T23:59:59Z gets 72 h; p = 2022-03-12T00:00:00Z gets 168 h (D4, end exclusive). */
    @Test
    @Order(2)
    void r_c1_window_length_switches_at_2022_03_12() {
        String customer = Journeys.customer("Window Boundary Ltd", "AUD");
        Journeys.advance(Instant.parse("2022-03-11T23:59:59Z"));
        JsonPath early = Journeys.purchase(customer, "E2ES004B:0001", "P1Y", "MONTHLY", 3);
        assertThat(early.getString("cancellationAllowedUntil")).isEqualTo("2022-03-14T23:59:59Z");
        before72h = early.getString("subscriptionId");

        Journeys.advance(Instant.parse("2022-03-12T00:00:00Z"));
        JsonPath late = Journeys.purchase(customer, "E2ES004B:0001", "P1Y", "MONTHLY", 3);
        assertThat(late.getString("cancellationAllowedUntil")).isEqualTo("2022-03-19T00:00:00Z");
        after168h = late.getString("subscriptionId");

        Journeys.advance(Instant.parse("2022-03-14T23:59:58Z"));
        Journeys.patchQuantity(before72h, 2).then().statusCode(200).body("quantity", equalTo(2));
        Journeys.advance(Instant.parse("2022-03-14T23:59:59Z"));
        Api.admin(Service.SUBSCRIPTION).when().post("/v1/subscriptions/" + before72h + "/cancel")
                .then().statusCode(409).body("code", equalTo("cancellation-window-closed"));
        Journeys.patchQuantity(before72h, 1).then().statusCode(409).body("code", equalTo("reduction-exceeds-refundable"))
                .body("refundableQuantity", equalTo(0));
    }

    /** S003: purchased at 11:00 on 15 Mar 2022 -> cancel or reduce until the same time on 22 Mar (168 h, exclusive). */
    @Test
    @Order(3)
    void s003_purchase_window_ends_168_hours_later() {
        String customer = Journeys.customer("BEMO Example Inc", "AUD");
        Journeys.advance(Instant.parse("2022-03-15T11:00:00Z"));
        JsonPath sub = Journeys.purchase(customer, "E2ES004B:0001", "P1Y", "MONTHLY", 5);
        assertThat(sub.getString("cancellationAllowedUntil")).isEqualTo("2022-03-22T11:00:00Z");
        assertThat(sub.getInt("refundableQuantity")).isEqualTo(5);
        bemo = sub.getString("subscriptionId");
    }

    @Test
    @Order(4)
    void s004_seats_added_on_the_17th() {
        Journeys.advance(Instant.parse("2022-03-17T10:00:00Z"));
        Journeys.patchQuantity(ex2Sub, 2).then().statusCode(200).body("quantity", equalTo(2));
        Journeys.patchQuantity(ex4Sub, 2).then().statusCode(200).body("quantity", equalTo(2));
    }

    @Test
    @Order(5)
    void s003_reduction_allowed_until_the_last_second_then_refused() {
        Journeys.advance(Instant.parse("2022-03-22T10:59:59Z"));
        Journeys.patchQuantity(bemo, 4).then().statusCode(200).body("quantity", equalTo(4));
        Journeys.advance(Instant.parse("2022-03-22T11:00:00Z"));
        Journeys.patchQuantity(bemo, 3).then().statusCode(409).body("code", equalTo("reduction-exceeds-refundable"));
        Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + bemo)
                .then().statusCode(200).body("quantity", equalTo(4)).body("cancellationAllowedUntil", equalTo(null));
    }

    /** S004 examples 1-4 (D1 rounding UP per line, BL-3 calendar-month proration, D13 FX). */
    @Test
    @Order(6)
    void s004_march_invoices_come_out_to_the_cent() {
        Journeys.advance(Instant.parse("2022-04-02T00:00:00Z"));

        JsonPath one = Journeys.invoice(ex1, "2022-03");
        assertThat(one.getString("total")).isEqualTo("5.00");
        assertThat(one.getString("currency")).isEqualTo("AUD");
        assertThat(one.getString("issueDate")).isEqualTo("2022-04-01");

        JsonPath two = Journeys.invoice(ex2, "2022-03");
        assertThat(two.getList("lines.amount", String.class)).containsExactly("5.17", "9.68");
        assertThat(two.getList("lines.daysActive", Integer.class)).containsExactly(16, 15);
        assertThat(two.getList("lines.quantity", Integer.class)).containsExactly(1, 2);
        assertThat(two.getString("total")).isEqualTo("14.85");

        JsonPath three = Journeys.invoice(ex3, "2022-03");
        assertThat(three.getString("total")).isEqualTo("31.15");
        assertThat(three.getString("currency")).isEqualTo("ZAR");
        assertThat(Journeys.amount(three.getString("lines[0].fxRate"))).isEqualByComparingTo("4.45");
        assertThat(three.getString("lines[0].pricingCurrency")).isEqualTo("USD");

        JsonPath four = Journeys.invoice(ex4, "2022-03");
        assertThat(four.getList("lines.amount", String.class)).containsExactly("13.63", "25.55");
        assertThat(four.getString("total")).isEqualTo("39.18");
        assertThat(four.getString("invoiceNumber")).startsWith("2022-03-");
    }

    /** S003: a renewal at midnight on 15 May opens a window until 23:59:59 on 21 May (i.e. [15 May 00:00, 22 May 00:00)). */
    @Test
    @Order(7)
    void s003_renewal_at_midnight_opens_a_new_window() {
        Journeys.offer("E2ES003M:0001", "S003 Monthly Example", List.of("P1M/MONTHLY"), Map.of("USD", "10.00"), null);
        String customer = Journeys.customer("BEMO Renewal Inc", "USD");
        Journeys.advance(Instant.parse("2022-04-15T00:00:00Z"));
        JsonPath sub = Journeys.purchase(customer, "E2ES003M:0001", "P1M", "MONTHLY", 3);
        assertThat(sub.getString("endDate")).isEqualTo("2022-05-14");
        assertThat(sub.getString("renewalDate")).isEqualTo("2022-05-15");
        assertThat(sub.getString("unitPrice")).isEqualTo("12.00");          // P1M = base x 1.20 (R-A4)
        Journeys.advance(Instant.parse("2022-05-16T00:00:00Z"));
        Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + sub.getString("subscriptionId"))
                .then().statusCode(200)
                .body("startDate", equalTo("2022-05-15"))
                .body("endDate", equalTo("2022-06-14"))
                .body("cancellationAllowedUntil", equalTo("2022-05-22T00:00:00Z"))
                .body("refundableQuantity", equalTo(3));
    }
}
