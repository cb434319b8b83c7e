package dev.nce.billing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.billing.BillingTestDatabase;
import dev.nce.billing.TestEvents;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.Plan;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.Topics;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * D25 through REST: the sample reconciliation file (purchase with a same-day increase, a monthly cycle charge, an
 * annual renewal, a same-day cancellation, a promotion and a subscription unknown to the platform) against
 * subscriptions published as subscription-service would (linked by microsoftSubscriptionId) and the cost prices of
 * an imported price list (termCostPrice, D22).
 */
@QuarkusTest
@QuarkusTestResource(BillingTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class ReconciliationApiTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    static final String CONTOSO = "cust-recon-contoso";
    static final String FABRIKAM = "cust-recon-fabrikam";
    static final String BASIC = "CFQ7TTC0LH18:0001";
    static final String E3 = "CFQ7TTC0LFLX:0001";
    static final String PREMIUM = "CFQ7TTC0LCHC:0002";

    static byte[] sample() throws Exception {
        try (InputStream in = ReconciliationApiTest.class.getClassLoader()
                .getResourceAsStream("recon/recon-newcommerce-sample.csv")) {
            return in.readAllBytes();
        }
    }

    @BeforeAll
    static void scenario() {
        // the imported price list (sell = ERP, cost = Microsoft's UnitPrice), per seat for the whole term
        offer(BASIC, plan(Term.P1M, BillingFrequency.MONTHLY, "7.20", "7.20", "5.76"),
                plan(Term.P1Y, BillingFrequency.MONTHLY, "6.30", "75.60", "60.48"),
                plan(Term.P1Y, BillingFrequency.ANNUAL, "6.00", "72.00", "57.60"));
        offer(E3, plan(Term.P1Y, BillingFrequency.MONTHLY, "37.80", "453.60", "362.88"));
        offer(PREMIUM, plan(Term.P1Y, BillingFrequency.MONTHLY, "23.10", "277.20", "221.76"),
                plan(Term.P1Y, BillingFrequency.ANNUAL, "22.00", "264.00", "211.20"));
        TestEvents.customer(CONTOSO, "USD");
        TestEvents.customer(FABRIKAM, "USD");

        // Contoso: Business Basic P1M bought 2025-06-11 with 1 seat, increased to 2 the same day
        SubscriptionSnapshot a1 = snapshot(CONTOSO, "sub-a1", BASIC, Term.P1M, BillingFrequency.MONTHLY, 1, "7.20",
                "2025-06-11", "aaaa0001-0000-4000-8000-000000000001", 1);
        purchase(a1);
        TestEvents.publish(CONTOSO, "sub-a1", new SubscriptionEvent.QuantityChanged(with(a1, 2, 2), 1, 2,
                List.of(new BatchChange("sub-a1-b2", 1, Instant.parse("2025-06-18T10:00:00Z"))), List.of()),
                Instant.parse("2025-06-11T10:00:00Z"));
        // Contoso: E3 P1Y/MONTHLY, 10 seats since 2024-11-05
        purchase(snapshot(CONTOSO, "sub-a2", E3, Term.P1Y, BillingFrequency.MONTHLY, 10, "37.80", "2024-11-05",
                "AAAA0002-0000-4000-8000-000000000002", 1));
        // Fabrikam: Business Premium P1Y/ANNUAL, its term from 2025-06-20 (Microsoft's renew line)
        purchase(snapshot(FABRIKAM, "sub-b1", PREMIUM, Term.P1Y, BillingFrequency.ANNUAL, 5, "22.00", "2025-06-20",
                "bbbb0001-0000-4000-8000-000000000001", 1));
        // Fabrikam: Business Basic P1M bought and cancelled on 2025-06-24 (inside the window: nothing billed, D6)
        SubscriptionSnapshot b2 = snapshot(FABRIKAM, "sub-b2", BASIC, Term.P1M, BillingFrequency.MONTHLY, 3, "7.20",
                "2025-06-24", "bbbb0002-0000-4000-8000-000000000002", 1);
        purchase(b2);
        Instant cancelAt = Instant.parse("2025-06-24T15:00:00Z");
        TestEvents.publish(FABRIKAM, "sub-b2", new SubscriptionEvent.SubscriptionCancelled(
                withStatus(b2, SubscriptionStatus.DELETED), cancelAt,
                List.of(new BatchChange("sub-b2-b1", 3, null))), cancelAt);
        // Fabrikam: Business Premium P1Y/MONTHLY with 4 seats bought 2025-06-02 under Microsoft's 20 % promotion
        purchase(snapshot(FABRIKAM, "sub-b3", PREMIUM, Term.P1Y, BillingFrequency.MONTHLY, 4, "23.10", "2025-06-02",
                "bbbb0003-0000-4000-8000-000000000003", 1));
        // bbbb0004 (Fabrikam's Business Basic of 2025-05-28) is not linked to anything here

    }

    /** Every event of the scenario has reached billing (the ledger shows the purchases). */
    static void scenarioBilled() {
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("sub-b1", "sub-b3").equals(linesOf(FABRIKAM)));
        await().atMost(Duration.ofSeconds(60)).until(() -> List.of("sub-a1", "sub-a2").equals(linesOf(CONTOSO)));
    }

    @Test
    void d25SampleFileReconcilesEveryLineMatchedOrWithItsClass() throws Exception {
        scenarioBilled();
        JsonPath created = given().header("Authorization", ADMIN)
                .multiPart("file", "recon-newcommerce-sample.csv", sample(), "text/csv")
                .post("/v1/recon-imports").then().statusCode(201).extract().jsonPath();
        assertThat(created.getString("invoiceNumber")).isEqualTo("G000123456");
        assertThat(created.getString("period")).isEqualTo("2025-06");
        assertThat(created.getInt("lines")).isEqualTo(9);
        assertThat(created.getInt("linkedLines")).isEqualTo(8);
        assertThat(created.getInt("unlinkedLines")).isEqualTo(1);
        String importId = created.getString("importId");
        // the same file again: the existing import
        given().header("Authorization", ADMIN).multiPart("file", "again.csv", sample(), "text/csv")
                .post("/v1/recon-imports").then().statusCode(200).body("importId", equalTo(importId));

        JsonPath report = given().header("Authorization", ADMIN).get("/v1/recon-imports/" + importId + "/report")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("microsoftTotal")).isEqualTo("1464.32");
        assertThat(report.getMap("classes")).isEqualTo(Map.of("MATCHED", 4, "PROMOTION", 1, "UNLINKED", 1));
        Map<String, Object> a1 = item(report, "aaaa0001-0000-4000-8000-000000000001");
        assertThat(a1).containsEntry("class", "MATCHED").containsEntry("microsoftQuantity", 2)
                .containsEntry("microsoftAmount", "11.52").containsEntry("expectedMicrosoftAmount", "11.52");
        assertThat((String) a1.get("explanation")).contains("netted");
        assertThat(item(report, "aaaa0002-0000-4000-8000-000000000002"))
                .containsEntry("class", "MATCHED").containsEntry("expectedMicrosoftAmount", "302.40")
                .containsEntry("subscriptionId", "sub-a2");
        Map<String, Object> b1 = item(report, "bbbb0001-0000-4000-8000-000000000001");
        assertThat(b1).containsEntry("class", "MATCHED").containsEntry("expectedMicrosoftAmount", "1056.00")
                .containsEntry("sellAmount", "1320.00").containsEntry("margin", "264.00")
                .containsEntry("marginPercent", "20.00");
        Map<String, Object> b2 = item(report, "bbbb0002-0000-4000-8000-000000000002");
        assertThat(b2).containsEntry("class", "MATCHED").containsEntry("microsoftAmount", "0.00")
                .containsEntry("sellAmount", "0.00");
        assertThat((String) b2.get("explanation")).contains("cancelled inside the window");
        Map<String, Object> b3 = item(report, "bbbb0003-0000-4000-8000-000000000003");
        assertThat(b3).containsEntry("class", "PROMOTION").containsEntry("microsoftAmount", "59.12")
                .containsEntry("expectedMicrosoftAmount", "73.92").containsEntry("variance", "-14.80");
        assertThat((String) b3.get("explanation")).contains("39NFJQT1Q5KT:0002:0009").contains("14.78");
        Map<String, Object> unlinked = item(report, "bbbb0004-0000-4000-8000-000000000004");
        assertThat(unlinked).containsEntry("class", "UNLINKED").containsEntry("microsoftAmount", "35.28");
        assertThat(report.getList("unlinkedSubscriptions.microsoftSubscriptionId"))
                .containsExactly("bbbb0004-0000-4000-8000-000000000004");
        assertThat(report.getList("customers.customerId")).contains(CONTOSO, FABRIKAM);

        String csv = given().header("Authorization", ADMIN).accept("text/csv")
                .get("/v1/recon-imports/" + importId + "/report").then().statusCode(200).extract().asString();
        assertThat(csv.split("\r?\n")).hasSize(7); // header + 6 charge periods
        assertThat(csv).startsWith("subscriptionId,microsoftSubscriptionId,customerId");
        assertThat(csv).contains("PROMOTION").contains("UNLINKED");
    }

    @Test
    void badFilesAre400AndOtherRolesAre403() {
        given().header("Authorization", ADMIN).multiPart("file", "x.csv", "a,b\n1,2\n".getBytes(), "text/csv")
                .post("/v1/recon-imports").then().statusCode(400).body("field", equalTo("file"));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer("c-1")))
                .multiPart("file", "x.csv", "a,b\n1,2\n".getBytes(), "text/csv")
                .post("/v1/recon-imports").then().statusCode(403);
        given().header("Authorization", ADMIN).get("/v1/recon-imports/00000000-0000-4000-8000-000000000000/report")
                .then().statusCode(404);
    }

    /** The subscriptions with lines on the customer's June 2025 preview. */
    static List<String> linesOf(String customerId) {
        return given().header("Authorization", ADMIN)
                .get("/v1/customers/" + customerId + "/invoices/preview?period=2025-06").then().extract()
                .jsonPath().getList("lines.subscriptionId", String.class).stream().distinct().sorted().toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> item(JsonPath report, String microsoftSubscriptionId) {
        return ((List<Map<String, Object>>) (List<?>) report.getList("items")).stream()
                .filter(i -> microsoftSubscriptionId.equals(i.get("microsoftSubscriptionId"))).findFirst()
                .orElseThrow();
    }

    static PlanPrice plan(Term term, BillingFrequency billing, String unit, String termUnit, String termCost) {
        return new PlanPrice(term, billing, new BigDecimal(unit), new BigDecimal(termUnit), new BigDecimal(termCost));
    }

    static void offer(String offerId, PlanPrice... prices) {
        OfferData offer = new OfferData(offerId, "Offer " + offerId, "Microsoft 365",
                java.util.Arrays.stream(prices).map(p -> Plan.of(p.term(), p.billing())).toList(),
                List.of(new OfferPrice(LocalDate.of(2024, 1, 1), "USD", prices[0].unitPrice(), null, List.of(prices))),
                null, true, true, false, List.of(), 1, "Commercial", null);
        EventEnvelope envelope = EventEnvelope.wrap(new CatalogEvent.OfferSnapshot(offer), Instant.now(),
                Instant.now(), null, offerId, "catalog");
        TestEvents.send(Topics.CATALOG_OFFERS, null, offerId, EventJson.write(envelope));
    }

    static SubscriptionSnapshot snapshot(String customerId, String id, String offerId, Term term,
                                         BillingFrequency billing, int quantity, String price, String start,
                                         String microsoftId, long version) {
        LocalDate startDate = LocalDate.parse(start);
        LocalDate end = TermDates.endDate(startDate, term);
        return new SubscriptionSnapshot(id, customerId, offerId, "Offer " + offerId, null, term, billing, quantity,
                SubscriptionStatus.ACTIVE, true, EndOfTermAction.RENEW, false, new BigDecimal(price), "USD", null, null,
                null, null, TermDates.startOfDay(startDate), startDate, end, end, startDate, end.plusDays(1),
                end.plusDays(1).minusDays(30), List.of(), false, null, null, version, microsoftId);
    }

    static void purchase(SubscriptionSnapshot s) {
        Instant at = TermDates.startOfDay(s.startDate()).plusSeconds(9 * 3600);
        TestEvents.publish(s.customerId(), s.subscriptionId(), new SubscriptionEvent.SubscriptionCreated(s,
                new SeatBatchInfo(s.subscriptionId() + "-b1", 1, s.quantity(), at, at.plusSeconds(168 * 3600)),
                "PURCHASE", null), at);
    }

    static SubscriptionSnapshot with(SubscriptionSnapshot s, int quantity, long version) {
        return new SubscriptionSnapshot(s.subscriptionId(), s.customerId(), s.offerId(), s.offerName(), s.capGroup(),
                s.term(), s.billing(), quantity, s.status(), s.autoRenew(), s.endOfTermAction(),
                s.inExtendedServiceTerm(), s.unitPrice(), s.currency(), s.listUnitPrice(), s.promotionId(),
                s.discountUntil(), s.promotionMaxSeats(), s.termStartAt(), s.startDate(), s.endDate(),
                s.chargePeriodEndDate(), s.originalStartDate(), s.renewalDate(), s.noticeDeadline(),
                s.termYearStarts(), s.trial(), s.trialEndsAt(), s.parentSubscriptionId(), version,
                s.microsoftSubscriptionId());
    }

    static SubscriptionSnapshot withStatus(SubscriptionSnapshot s, SubscriptionStatus status) {
        return new SubscriptionSnapshot(s.subscriptionId(), s.customerId(), s.offerId(), s.offerName(), s.capGroup(),
                s.term(), s.billing(), s.quantity(), status, false, s.endOfTermAction(), s.inExtendedServiceTerm(),
                s.unitPrice(), s.currency(), s.listUnitPrice(), s.promotionId(), s.discountUntil(),
                s.promotionMaxSeats(), s.termStartAt(), s.startDate(), s.endDate(), s.chargePeriodEndDate(),
                s.originalStartDate(), s.renewalDate(), s.noticeDeadline(), s.termYearStarts(), s.trial(),
                s.trialEndsAt(), s.parentSubscriptionId(), s.version() + 1, s.microsoftSubscriptionId());
    }
}
