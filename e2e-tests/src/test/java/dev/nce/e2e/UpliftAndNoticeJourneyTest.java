package dev.nce.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.stack.Service;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * S001 over the whole stack: the +5 % P1Y/MONTHLY uplift from 2025-04-01 applies at each subscription's renewal, not
 * on the date (R-A4, R-A6: bought 2024-06-10 at B = 36.00, April 2025 still billed at 36.00, renewed 2025-06-10 at
 * 37.80); the 30-day notice deadline (D7, R-N2) with its reminders (D8) and the refusal after it.
 */
@Order(20)
@ExtendWith(E2EStack.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpliftAndNoticeJourneyTest {

    static final String OFFER = "E2ES001E3:0001";
    static String customer, renewing, leaving;

    @Test
    @Order(1)
    void s001_purchase_before_the_uplift_at_the_base_price() {
        Journeys.offer(OFFER, "S001 Microsoft 365 E3", List.of("P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL"),
                Map.of("USD", "36.00"), null);
        customer = Journeys.customer("Evolve Example Corp", "USD");
        Journeys.advance(Instant.parse("2024-06-10T09:00:00Z"));
        JsonPath sub = Journeys.purchase(customer, OFFER, "P1Y", "MONTHLY", 10);
        assertThat(sub.getString("unitPrice")).isEqualTo("36.00");
        assertThat(sub.getString("endDate")).isEqualTo("2025-06-09");
        assertThat(sub.getString("renewalDate")).isEqualTo("2025-06-10");
        assertThat(sub.getString("noticeDeadline")).isEqualTo("2025-05-11");   // renewalDate - 30 days (D7)
        renewing = sub.getString("subscriptionId");
        JsonPath monthly = Journeys.purchase(customer, OFFER, "P1M", "MONTHLY", 2);
        assertThat(monthly.getString("unitPrice")).isEqualTo("43.20");          // B x 1.20 (R-A4)
        JsonPath other = Journeys.purchase(customer, OFFER, "P1Y", "MONTHLY", 4);
        leaving = other.getString("subscriptionId");
    }

    /** R-A6: the April 2025 invoice still uses 36.00 for the P1Y/MONTHLY term bought before 2025-04-01. */
    @Test
    @Order(2)
    void r_a6_april_2025_still_billed_at_the_locked_price() {
        Journeys.advance(Instant.parse("2025-05-02T00:00:00Z"));
        JsonPath april = Journeys.invoice(customer, "2025-04");
        List<Map<String, Object>> lines = april.getList("lines");
        Map<String, Object> line = lines.stream().filter(l -> renewing.equals(l.get("subscriptionId"))).findFirst().orElseThrow();
        assertThat(line.get("unitPrice")).isEqualTo("36.00");
        assertThat(line.get("amount")).isEqualTo("360.00");
        assertThat(line.get("chargeType")).isEqualTo("CYCLE");
    }

    /** D7: a change that takes effect at renewal, submitted after the deadline (UTC date > 2025-05-11), is refused. */
    @Test
    @Order(3)
    void d7_auto_renew_off_before_the_deadline_then_refused_after_it() {
        Journeys.advance(Instant.parse("2025-05-11T12:00:00Z"));
        Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON).body(Map.of("autoRenew", false))
                .when().patch("/v1/subscriptions/" + leaving)
                .then().statusCode(200).body("autoRenew", equalTo(false)).body("endOfTermAction", equalTo("EXTENDED_SERVICE_TERM"));
        Journeys.advance(Instant.parse("2025-05-12T00:00:00Z"));
        Api.admin(Service.SUBSCRIPTION).contentType(ContentType.JSON).body(Map.of("autoRenew", false))
                .when().patch("/v1/subscriptions/" + renewing)
                .then().statusCode(409).body("code", equalTo("notice-period-passed")).body("rule", equalTo("D7"));
        Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + renewing)
                .then().statusCode(200).body("autoRenew", equalTo(true));
    }

    /** D8: NOTICE_UPCOMING at deadline - 7 d and NOTICE_DEADLINE on the deadline, both 09:00Z, sent once by e-mail. */
    @Test
    @Order(4)
    void d8_notice_reminders_were_sent_once() {
        List<Map<String, Object>> rows = Api.admin(Service.NOTIFICATION)
                .when().get("/v1/customers/" + customer + "/notifications?limit=1000")
                .then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> mine = rows.stream()
                .filter(r -> renewing.equals(r.get("subscriptionId")) && "2024-06-10".equals(r.get("termStartDate"))
                        && "EMAIL".equals(r.get("channel")))
                .toList();
        Map<String, Object> upcoming = only(mine, "NOTICE_UPCOMING");
        assertThat(upcoming.get("dueAt")).isEqualTo("2025-05-04T09:00:00Z");
        assertThat(upcoming.get("status")).isEqualTo("SENT");
        Map<String, Object> deadline = only(mine, "NOTICE_DEADLINE");
        assertThat(deadline.get("dueAt")).isEqualTo("2025-05-11T09:00:00Z");
        assertThat(deadline.get("status")).isEqualTo("SENT");
        long mails = E2EStack.get().mail().messages().stream()
                .filter(m -> m.recipient().startsWith("evolveexamplecorp@")).count();
        assertThat(mails).isGreaterThanOrEqualTo(2);
    }

    /** R-A6 / R-A4: the term renewing on 2025-06-10 takes the catalog price in force then: 36.00 x 1.05 = 37.80. */
    @Test
    @Order(5)
    void r_a4_renewal_on_2025_06_10_takes_the_uplifted_price() {
        Journeys.advance(Instant.parse("2025-06-11T00:00:00Z"));
        Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + renewing)
                .then().statusCode(200)
                .body("startDate", equalTo("2025-06-10"))
                .body("endDate", equalTo("2026-06-09"))
                .body("unitPrice", equalTo("37.80"))
                .body("quantity", equalTo(10));
        await("the renewal event").atMost(Duration.ofSeconds(30)).until(() ->
                Api.admin(Service.SUBSCRIPTION).when().get("/v1/subscriptions/" + renewing + "/events?limit=1000")
                        .then().extract().jsonPath().getList("items.type", String.class).contains("SubscriptionRenewed"));
    }

    private static Map<String, Object> only(List<Map<String, Object>> rows, String kind) {
        List<Map<String, Object>> of = rows.stream().filter(r -> kind.equals(r.get("kind"))).toList();
        assertThat(of).as(kind + " rows").hasSize(1);
        return of.get(0);
    }
}
