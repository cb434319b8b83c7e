package dev.nce.billing.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.billing.BillingTestDatabase;
import dev.nce.billing.TestEvents;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * D19 / DESIGN.md section 3: one watermark jump of fourteen months produces every month's run in order, each invoice
 * issued on the 1st, numbered per period, and billing's clock reports the jump's end once it has caught up.
 */
@QuarkusTest
@QuarkusTestResource(BillingTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@Order(3)
class ClockJumpTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    static final String CUSTOMER = "c-jump";

    @Inject
    EntityManager em;

    @Test
    void a_fourteen_month_jump_issues_each_months_invoice_in_order_on_the_first() {
        TestEvents.customer(CUSTOMER, "USD");
        // P1Y monthly 2022-07-10..2023-07-09, 3 seats at 12.00 USD (after the flow test's last watermark)
        TestEvents.purchase(CUSTOMER, "s-jump", Term.P1Y, BillingFrequency.MONTHLY, 3, "12.00", "USD", "2022-07-10");
        TestEvents.watermark(Instant.parse("2022-07-10T12:00:00Z"));
        TestEvents.watermark(Instant.parse("2023-09-01T02:00:00Z"));

        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", ADMIN).get("/admin/clock").then().extract().jsonPath()
                        .getString("now"), now -> "2023-09-01T02:00:00Z".equals(now));
        JsonPath invoices = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", ADMIN).get("/v1/customers/" + CUSTOMER + "/invoices")
                        .then().statusCode(200).extract().jsonPath(), p -> p.getInt("totalCount") == 13);

        List<Map<String, Object>> items = invoices.getList("items");
        assertThat(items).extracting(i -> (String) i.get("period")).containsExactly("2022-07", "2022-08", "2022-09",
                "2022-10", "2022-11", "2022-12", "2023-01", "2023-02", "2023-03", "2023-04", "2023-05", "2023-06",
                "2023-07");
        for (Map<String, Object> item : items) {
            String period = (String) item.get("period");
            // D19: issued on the 1st of the next month although the clock jumped past it
            assertThat(item.get("issueDate")).isEqualTo(java.time.YearMonth.parse(period).plusMonths(1).atDay(1)
                    .toString());
            assertThat((String) item.get("invoiceNumber")).startsWith(period + "-");
        }
        assertThat(items.get(0).get("total")).isEqualTo("25.55");   // 36 x 22/31 = 25.548
        assertThat(items.get(1).get("total")).isEqualTo("36.00");
        assertThat(items.get(12).get("total")).isEqualTo("10.46");  // 36 x 9/31 = 10.451
        BigDecimal sum = items.stream().map(i -> new BigDecimal((String) i.get("total")))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("432.01"); // BL-5: 12 monthly prices, one cent of UP rounding

        // the runs were created month by month, in order, each after the previous one completed
        JsonPath runs = given().header("Authorization", ADMIN).get("/v1/invoice-runs?limit=1000").then()
                .statusCode(200).extract().jsonPath();
        List<Map<String, Object>> jumpRuns = runs.<Map<String, Object>>getList("items").stream()
                .filter(r -> ((String) r.get("period")).compareTo("2022-07") >= 0).toList();
        assertThat(jumpRuns).hasSize(13); // August 2023 has no line: no run
        assertThat(jumpRuns).allSatisfy(r -> assertThat(r.get("status")).isEqualTo("COMPLETED"));
        assertThat(jumpRuns).extracting(r -> (String) r.get("startedAt")).containsExactly("2022-08-01T01:00:00Z",
                "2022-09-01T01:00:00Z", "2022-10-01T01:00:00Z", "2022-11-01T01:00:00Z", "2022-12-01T01:00:00Z",
                "2023-01-01T01:00:00Z", "2023-02-01T01:00:00Z", "2023-03-01T01:00:00Z", "2023-04-01T01:00:00Z",
                "2023-05-01T01:00:00Z", "2023-06-01T01:00:00Z", "2023-07-01T01:00:00Z", "2023-08-01T01:00:00Z");
        @SuppressWarnings("unchecked")
        List<String> creationOrder = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT period FROM invoice_run WHERE period >= '2022-07' ORDER BY created_at").getResultList());
        assertThat(creationOrder).isSorted().hasSize(13);
    }
}
