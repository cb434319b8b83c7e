package dev.nce.billing.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.billing.BillingTestDatabase;
import dev.nce.billing.TestEvents;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Promotion lines through the real broker, ledger, run and stored invoices (after the 14-month jump's dates): R-K3
 * seats above the maximum and R-K7 the list price after discountUntil on a monthly-billed plan, R-K7 split upfront
 * charge and BL-7 credits of its seat batch at the prices charged (batch pieces in the database), R-K6 promotionId
 * in the JSON and as the CSV's trailing column.
 */
@QuarkusTest
@QuarkusTestResource(BillingTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@Order(4)
class PromotionInvoiceFlowTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    static final String CUSTOMER = "c-promo";
    static final String PROMO = "PROMO-FLOW";

    /** A snapshot with a promotion: 12.50 discounted, 15.00 list, discount until 2024-03-17, at most 20 seats. */
    static SubscriptionSnapshot promoted(String subscriptionId, Term term, BillingFrequency billing, int quantity,
                                         String start, SubscriptionStatus status, long version) {
        LocalDate startDate = LocalDate.parse(start);
        LocalDate end = TermDates.endDate(startDate, term);
        return new SubscriptionSnapshot(subscriptionId, CUSTOMER, "CFQ7TTC0LDPB:0001", "Microsoft 365 Business Standard",
                null, term, billing, quantity, status, true, EndOfTermAction.RENEW, false, new BigDecimal("12.50"),
                "USD", new BigDecimal("15.00"), PROMO, LocalDate.of(2024, 3, 17), 20, TermDates.startOfDay(startDate),
                startDate, end, end, startDate, end.plusDays(1), end.plusDays(1).minusDays(30), List.of(), false, null,
                null, version);
    }

    static String describe(Map<String, Object> line) {
        return line.get("subscriptionId") + " " + line.get("chargeType") + " " + line.get("chargeStartDate") + " "
                + line.get("quantity") + " x " + line.get("unitPrice") + " " + line.get("promotionId") + " = "
                + line.get("amount");
    }

    static JsonPath issued(String period) {
        return Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", ADMIN)
                        .get("/v1/customers/" + CUSTOMER + "/invoices?period=" + period).then().statusCode(200)
                        .extract().jsonPath(), p -> p.getInt("totalCount") == 1);
    }

    @Test
    void promotion_lines_are_priced_split_credited_and_shown_with_their_promotionId() throws Exception {
        TestEvents.customer(CUSTOMER, "USD");
        // monthly-billed P1Y bought 2024-02-01 with 10 seats, increased to 25 on 2024-03-05 (max 20)
        Instant monthlyAt = Instant.parse("2024-02-01T09:00:00Z");
        TestEvents.publish(CUSTOMER, "s-promo-m", new SubscriptionEvent.SubscriptionCreated(
                promoted("s-promo-m", Term.P1Y, BillingFrequency.MONTHLY, 10, "2024-02-01", SubscriptionStatus.ACTIVE,
                        1), new SeatBatchInfo("s-promo-m-b1", 1, 10, monthlyAt, monthlyAt.plusSeconds(168 * 3600)),
                "PURCHASE", null), monthlyAt);
        Instant increaseAt = Instant.parse("2024-03-05T09:00:00Z");
        TestEvents.publish(CUSTOMER, "s-promo-m", new SubscriptionEvent.QuantityChanged(
                promoted("s-promo-m", Term.P1Y, BillingFrequency.MONTHLY, 25, "2024-02-01", SubscriptionStatus.ACTIVE,
                        2), 10, 25, List.of(new BatchChange("s-promo-m-b2", 15, increaseAt.plusSeconds(168 * 3600))),
                List.of()), increaseAt);
        // upfront P1Y/ANNUAL bought 2024-02-10 with 10 seats, reduced by 3 on 2024-02-12 and by 2 on 2024-02-13
        Instant annualAt = Instant.parse("2024-02-10T09:00:00Z");
        TestEvents.publish(CUSTOMER, "s-promo-a", new SubscriptionEvent.SubscriptionCreated(
                promoted("s-promo-a", Term.P1Y, BillingFrequency.ANNUAL, 10, "2024-02-10", SubscriptionStatus.ACTIVE,
                        1), new SeatBatchInfo("s-promo-a-b1", 1, 10, annualAt, annualAt.plusSeconds(168 * 3600)),
                "PURCHASE", null), annualAt);
        TestEvents.publish(CUSTOMER, "s-promo-a", new SubscriptionEvent.QuantityChanged(
                promoted("s-promo-a", Term.P1Y, BillingFrequency.ANNUAL, 7, "2024-02-10", SubscriptionStatus.ACTIVE, 2),
                10, 7, List.of(), List.of(new BatchChange("s-promo-a-b1", 3, null))),
                Instant.parse("2024-02-12T09:00:00Z"));
        TestEvents.publish(CUSTOMER, "s-promo-a", new SubscriptionEvent.QuantityChanged(
                promoted("s-promo-a", Term.P1Y, BillingFrequency.ANNUAL, 5, "2024-02-10", SubscriptionStatus.ACTIVE, 3),
                7, 5, List.of(), List.of(new BatchChange("s-promo-a-b1", 2, null))),
                Instant.parse("2024-02-13T09:00:00Z"));
        TestEvents.watermark(Instant.parse("2024-04-01T02:00:00Z"));

        JsonPath february = issued("2024-02");
        List<Map<String, Object>> febLines = february.getList("items[0].lines");
        assertThat(febLines).extracting(PromotionInvoiceFlowTest::describe).containsExactlyInAnyOrder(
                // R-K7 upfront: 2024-02-10..2025-02-09 = 366 days; 10 Feb-17 Mar = 37 days at 12.50, the rest at 15.00
                "s-promo-a NEW 2024-02-10 10 x 12.50 " + PROMO + " = 151.64",    // 1500 x 37/366 = 151.6393
                "s-promo-a NEW 2024-03-18 10 x 15.00 null = 1618.04",           // 1800 x 329/366 = 1618.0328
                // BL-7 at the prices charged: 3 seats on 12 Feb (35 + 329 unused days), 2 on 13 Feb (34 + 329)
                "s-promo-a REDUCE_CREDIT 2024-02-12 3 x 12.50 " + PROMO + " = -43.04", // 450 x 35/366 = 43.0328
                "s-promo-a REDUCE_CREDIT 2024-03-18 3 x 15.00 null = -485.41",         // 540 x 329/366 = 485.4098
                "s-promo-a REDUCE_CREDIT 2024-02-13 2 x 12.50 " + PROMO + " = -27.87", // 300 x 34/366 = 27.8689
                "s-promo-a REDUCE_CREDIT 2024-03-18 2 x 15.00 null = -323.61",         // 360 x 329/366 = 323.6066
                "s-promo-m CYCLE 2024-02-01 10 x 12.50 " + PROMO + " = 125.00");       // a full February
        assertThat(february.getString("items[0].total")).isEqualTo("1014.75");

        JsonPath march = issued("2024-03");
        List<Map<String, Object>> marchLines = march.getList("items[0].lines");
        assertThat(marchLines).extracting(PromotionInvoiceFlowTest::describe).containsExactly(
                "s-promo-m CYCLE 2024-03-01 10 x 12.50 " + PROMO + " = 16.13", // 125 x 4/31 = 16.129
                "s-promo-m CYCLE 2024-03-05 5 x 15.00 null = 31.46",           // R-K3 above 20: 75 x 13/31 = 31.4516
                "s-promo-m CYCLE 2024-03-05 20 x 12.50 " + PROMO + " = 104.84", // 250 x 13/31 = 104.8387
                "s-promo-m CYCLE 2024-03-18 25 x 15.00 null = 169.36");         // R-K7: 375 x 14/31 = 169.3548
        assertThat(marchLines).allSatisfy(l -> assertThat(l).containsKey("promotionId"));
        assertThat(march.getString("items[0].total")).isEqualTo("321.79");

        // R-K6 in the CSV: the trailing promotionId column, empty without a promotion
        String csv = given().header("Authorization", ADMIN).accept("text/csv")
                .get("/v1/invoices/" + march.getString("items[0].invoiceId")).then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).get(15)).isEqualTo("promotionId");
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(6) + " " + r.get(14) + " " + r.get(15))
                .containsExactly("10 16.13 " + PROMO, "5 31.46 ", "20 104.84 " + PROMO, "25 169.36 ");
    }
}
