package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.contracts.catalog.PromotionData.DiscountType;
import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * R-K promotions, R-J5 and the D9 re-check at the automatic trial conversion over the REST API (clock 2029-02-01 to
 * 2030-02-01, after the classes before).
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(12)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PromotionApiTest {

    /** base 36.00: P1Y/ANNUAL 36.00, P1Y/MONTHLY 37.80. */
    static final String A = "CFQ7TTC0PRMA:0001";
    /** base 12.50: P1Y/MONTHLY 12.50 x 1.05 = 13.13 (D2), P1M 15.00, P3Y/MONTHLY 12.00 x 1.05 = 12.60; trials. */
    static final String B = "CFQ7TTC0PRMB:0001";
    /** base 10.00, capGroup PROMO_TEST_CAP: P1Y/MONTHLY 10.50; trials. */
    static final String C = "CFQ7TTC0PRMC:0001";

    static final Plan P1Y_ANNUAL = Plan.of(Term.P1Y, BillingFrequency.ANNUAL);
    static final Plan P1Y_MONTHLY = Plan.of(Term.P1Y, BillingFrequency.MONTHLY);

    static String customer;
    static String manual;
    static String plain;
    static String auto;
    static String above;
    static String monthly;
    static String extended;
    static String trialB;
    static String capCustomer;
    static String trialC;

    static {
        FakeCatalog.register(A, "36.00", "34.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
        FakeCatalog.register(B, "12.50", "12.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P3Y/MONTHLY");
        FakeCatalog.register(new FakeCatalog.Offer(C, "Capped", new BigDecimal("10.00"), new BigDecimal("9.50"),
                List.of("P1Y/MONTHLY", "P1Y/ANNUAL"), true, true, "PROMO_TEST_CAP", List.of()));
        FakeCatalog.TRIAL_OFFERS.add(B);
        FakeCatalog.TRIAL_OFFERS.add(C);
        // named only (not auto-applied), with the R-K7 fixed discount end
        FakeCatalog.register(new PromotionData("MANUAL15", "Manual 15 %", List.of(A), List.of(P1Y_ANNUAL), DiscountType.PERCENT,
                new BigDecimal("15"), 1, 50, LocalDate.of(2029, 2, 1), LocalDate.of(2029, 3, 31), LocalDate.of(2029, 12, 31),
                false, 1));
        FakeCatalog.register(new PromotionData("AUTO10", "Auto 10 %", List.of(B), List.of(P1Y_MONTHLY), DiscountType.PERCENT,
                new BigDecimal("10"), 5, 100, LocalDate.of(2029, 2, 1), LocalDate.of(2030, 3, 31), null, true, 1));
        // 13.13 - 1.00 = 12.13: eligible too, but AUTO10's 11.82 is lower
        FakeCatalog.register(new PromotionData("AUTOFIX1", "Auto 1.00 off", List.of(B), List.of(P1Y_MONTHLY), DiscountType.FIXED,
                new BigDecimal("1.00"), 1, 100, LocalDate.of(2029, 2, 1), LocalDate.of(2029, 6, 30), null, true, 1));
    }

    @AfterEach
    void promotionsBack() {
        FakeCatalog.promotionsDown = false;
    }

    static String body(String offer, String term, String billing, int quantity, String promotionId) {
        return "{\"offerId\":\"" + offer + "\",\"term\":\"" + term + "\",\"billing\":\"" + billing + "\",\"quantity\":"
                + quantity + (promotionId == null ? "" : ",\"promotionId\":\"" + promotionId + "\"") + "}";
    }

    static JsonPath events(String id) {
        return admin().queryParam("limit", 1000).get("/v1/subscriptions/" + id + "/events").then().statusCode(200)
                .extract().jsonPath();
    }

    /** The subscription snapshot (SubscriptionSnapshot) in the payload of the last event of {@code id}. */
    static Snapshot lastSnapshot(String id) {
        JsonPath e = events(id);
        return new Snapshot(e, "items[" + (e.getList("items").size() - 1) + "].payload.subscription.");
    }

    record Snapshot(JsonPath events, String prefix) {
        String getString(String field) { return events.getString(prefix + field); }

        int getInt(String field) { return events.getInt(prefix + field); }
    }

    static int count(String customerId) {
        return admin().get("/v1/customers/" + customerId + "/subscriptions").then().statusCode(200).extract().path("totalCount");
    }

    static Response trial(String customerId, String offerId) {
        return json().body("{\"offerId\":\"" + offerId + "\"}").post("/v1/customers/" + customerId + "/trials");
    }

    static Response termChange(String id, String term, String billing) {
        return json().body("{\"term\":\"" + term + "\",\"billing\":\"" + billing + "\"}")
                .post("/v1/subscriptions/" + id + "/term-changes");
    }

    @Test
    @Order(1)
    void rK2_purchase_with_a_named_promotion_auto_apply_and_refusals() {
        Api.advanceTo("2029-02-01T10:00:00Z");
        customer = Api.customer("Promo Customer");

        // named promotion: 36.00 x 0.85 = 30.60 (D2)
        JsonPath m = Api.purchase(customer, body(A, "P1Y", "ANNUAL", 20, "MANUAL15")).then().statusCode(201).extract().jsonPath();
        manual = m.getString("subscriptionId");
        assertThat(m.getString("unitPrice")).isEqualTo("30.60");
        assertThat(m.getString("listUnitPrice")).isEqualTo("36.00");
        assertThat(m.getString("promotionId")).isEqualTo("MANUAL15");
        Snapshot created = lastSnapshot(manual);
        assertThat(events(manual).getString("items[0].type")).isEqualTo("SubscriptionCreated");
        assertThat(created.getString("promotionId")).isEqualTo("MANUAL15");
        assertThat(created.getString("unitPrice")).isEqualTo("30.60");
        assertThat(created.getString("listUnitPrice")).isEqualTo("36.00");
        assertThat(created.getString("discountUntil")).isEqualTo("2029-12-31");
        assertThat(created.getInt("promotionMaxSeats")).isEqualTo(50);

        // MANUAL15 is not auto-applied: the regular price, both fields null
        JsonPath p = Api.purchase(customer, body(A, "P1Y", "ANNUAL", 20, null)).then().statusCode(201).extract().jsonPath();
        plain = p.getString("subscriptionId");
        assertThat(p.getString("unitPrice")).isEqualTo("36.00");
        assertThat(p.getString("promotionId")).isNull();
        assertThat(p.getString("listUnitPrice")).isNull();

        // auto-apply: AUTO10 13.13 x 0.90 = 11.817 -> 11.82 beats AUTOFIX1 13.13 - 1.00 = 12.13
        JsonPath a = Api.purchase(customer, body(B, "P1Y", "MONTHLY", 10, null)).then().statusCode(201).extract().jsonPath();
        auto = a.getString("subscriptionId");
        assertThat(a.getString("unitPrice")).isEqualTo("11.82");
        assertThat(a.getString("listUnitPrice")).isEqualTo("13.13");
        assertThat(a.getString("promotionId")).isEqualTo("AUTO10");
        Snapshot autoCreated = lastSnapshot(auto);
        assertThat(autoCreated.getInt("promotionMaxSeats")).isEqualTo(100);
        assertThat(autoCreated.getString("discountUntil")).isNull();

        // R-K2: above the max of every promotion, the whole purchase gets no discount (not split)
        JsonPath ab = Api.purchase(customer, body(B, "P1Y", "MONTHLY", 101, null)).then().statusCode(201).extract().jsonPath();
        above = ab.getString("subscriptionId");
        assertThat(ab.getString("unitPrice")).isEqualTo("13.13");
        assertThat(ab.getString("promotionId")).isNull();
        assertThat(ab.getString("listUnitPrice")).isNull();
        assertThat(lastSnapshot(above).getString("promotionMaxSeats")).isNull();
        // at renewal the new term has 50 seats (R-K4 re-evaluates for them)
        json().body("{\"quantity\":50}").put("/v1/subscriptions/" + above + "/scheduled-changes").then().statusCode(200);

        // auto-renew off: Extended Service Term at the end of the term (D17), then /renew (R-K4)
        extended = Api.purchase(customer, "{\"offerId\":\"" + B + "\",\"term\":\"P1Y\",\"billing\":\"MONTHLY\","
                + "\"quantity\":10,\"autoRenew\":false}").then().statusCode(201).body("promotionId", equalTo("AUTO10"))
                .extract().path("subscriptionId");

        // refusals change nothing
        Api.purchase(customer, body(B, "P1Y", "MONTHLY", 101, "AUTO10")).then().statusCode(422)
                .body("code", equalTo("promotion-not-eligible")).body("rule", equalTo("R-K2"))
                .body("field", equalTo("promotionId")).body("detail", containsString("above maxSeats 100"));
        Api.purchase(customer, body(A, "P1Y", "MONTHLY", 10, "MANUAL15")).then().statusCode(422)
                .body("code", equalTo("promotion-not-eligible")).body("detail", containsString("plan P1Y/MONTHLY is not listed"));
        Api.purchase(customer, body(B, "P1Y", "MONTHLY", 10, "MANUAL15")).then().statusCode(422)
                .body("code", equalTo("promotion-not-eligible")).body("detail", containsString("offer " + B + " is not listed"));
        Api.purchase(customer, body(A, "P1Y", "ANNUAL", 10, "NO-SUCH-PROMO")).then().statusCode(404)
                .body("code", equalTo("not-found")).body("field", equalTo("promotionId"));
        Api.purchase(customer, body(A, "P1Y", "ANNUAL", 10, "not a promotion id")).then().statusCode(404)
                .body("code", equalTo("not-found")).body("field", equalTo("promotionId"));
        assertThat(count(customer)).isEqualTo(5);
    }

    @Test
    @Order(2)
    void rK3_seat_changes_during_the_term_keep_the_promotion_fields() {
        // above the promotion's max: billing charges seats 51.. at listUnitPrice; the subscription keeps the fields
        Api.patch(manual, "{\"quantity\":60}").then().statusCode(200).body("quantity", equalTo(60))
                .body("unitPrice", equalTo("30.60")).body("listUnitPrice", equalTo("36.00")).body("promotionId", equalTo("MANUAL15"));
        Snapshot increased = lastSnapshot(manual);
        assertThat(increased.getInt("quantity")).isEqualTo(60);
        assertThat(increased.getString("promotionId")).isEqualTo("MANUAL15");
        assertThat(increased.getString("listUnitPrice")).isEqualTo("36.00");
        assertThat(increased.getString("discountUntil")).isEqualTo("2029-12-31");
        assertThat(increased.getInt("promotionMaxSeats")).isEqualTo(50);

        Api.patch(manual, "{\"quantity\":58}").then().statusCode(200).body("quantity", equalTo(58))
                .body("unitPrice", equalTo("30.60")).body("promotionId", equalTo("MANUAL15"));
        Snapshot decreased = lastSnapshot(manual);
        assertThat(decreased.getInt("quantity")).isEqualTo(58);
        assertThat(decreased.getInt("promotionMaxSeats")).isEqualTo(50);
        assertThat(decreased.getString("listUnitPrice")).isEqualTo("36.00");
    }

    @Test
    @Order(3)
    void rK5_a_term_change_drops_the_promotion_and_another_eligible_one_auto_applies() {
        // P1Y/MONTHLY -> P3Y/MONTHLY: no promotion lists P3Y, the regular 12.60
        JsonPath dropped = termChange(auto, "P3Y", "MONTHLY").then().statusCode(200).extract().jsonPath();
        assertThat(dropped.getString("unitPrice")).isEqualTo("12.60");
        assertThat(dropped.getString("promotionId")).isNull();
        assertThat(dropped.getString("listUnitPrice")).isNull();
        JsonPath lengthened = events(auto);
        int last = lengthened.getList("items").size() - 1;
        assertThat(lengthened.getString("items[" + last + "].type")).isEqualTo("TermLengthened");
        assertThat(lengthened.getString("items[" + last + "].payload.previousUnitPrice")).isEqualTo("11.82");
        assertThat(lengthened.getString("items[" + last + "].payload.subscription.promotionMaxSeats")).isNull();

        // P1M 15.00 without promotion -> P1Y/MONTHLY: AUTO10 auto-applies at 11.82
        monthly = Api.buy(customer, B, "P1M", "MONTHLY", 10);
        Api.get(monthly).then().body("unitPrice", equalTo("15.00")).body("promotionId", nullValue());
        termChange(monthly, "P1Y", "MONTHLY").then().statusCode(200).body("unitPrice", equalTo("11.82"))
                .body("listUnitPrice", equalTo("13.13")).body("promotionId", equalTo("AUTO10"));
        assertThat(lastSnapshot(monthly).getInt("promotionMaxSeats")).isEqualTo(100);
    }

    @Test
    @Order(4)
    void rJ5_trials_get_no_promotion_and_d9_caps_the_automatic_scheduled_conversion() {
        JsonPath t = trial(customer, B).then().statusCode(201).extract().jsonPath();
        trialB = t.getString("subscriptionId");
        assertThat(t.getString("unitPrice")).isEqualTo("0.00");
        assertThat(t.getString("promotionId")).isNull();
        // mid-term conversion to the plan AUTO10 lists, 30 seats: still the regular 13.13 (R-J5)
        String converting = trial(customer, B).then().statusCode(201).extract().path("subscriptionId");
        json().body("{\"term\":\"P1Y\",\"billing\":\"MONTHLY\",\"quantity\":30}")
                .post("/v1/subscriptions/" + converting + "/trial-conversions").then().statusCode(200)
                .body("target.unitPrice", equalTo("13.13")).body("target.promotionId", nullValue())
                .body("target.listUnitPrice", nullValue());

        // D9: 25 trial seats with a scheduled conversion to 100, then 250 paid seats (275 held)
        capCustomer = Api.customer("Promo Cap Customer");
        trialC = trial(capCustomer, C).then().statusCode(201).extract().path("subscriptionId");
        json().body("{\"quantity\":100}").put("/v1/subscriptions/" + trialC + "/scheduled-changes").then().statusCode(200);
        Api.buy(capCustomer, C, "P1Y", "ANNUAL", 250);

        Api.advanceTo("2029-03-03T10:00:00Z");
        // R-J2 default conversion P1Y/MONTHLY 25 seats, which AUTO10 would cover: none (R-J5)
        Api.get(trialB).then().body("trial", equalTo(false)).body("term", equalTo("P1Y")).body("billing", equalTo("MONTHLY"))
                .body("quantity", equalTo(25)).body("unitPrice", equalTo("13.13")).body("promotionId", nullValue())
                .body("listUnitPrice", nullValue());
        // 250 + 100 > 300: the scheduled conversion is cleared and the default one runs (25 seats, 10.50)
        Api.get(trialC).then().body("trial", equalTo(false)).body("status", equalTo("ACTIVE")).body("quantity", equalTo(25))
                .body("term", equalTo("P1Y")).body("billing", equalTo("MONTHLY")).body("unitPrice", equalTo("10.50"))
                .body("scheduledChanges", nullValue()).body("startDate", equalTo("2029-03-03"));
        JsonPath e = events(trialC);
        List<String> types = e.getList("items.type");
        assertThat(types).containsExactly("SubscriptionCreated", "ScheduledChangesSet", "ScheduledChangesCleared",
                "TrialConverted");
        assertThat(e.getString("items[2].payload.reason")).isEqualTo("seat-cap-exceeded");
        assertThat(e.getString("items[2].effectiveAt")).isEqualTo("2029-03-03T10:00:00Z");
        assertThat(e.getInt("items[3].payload.quantity")).isEqualTo(25);
        // 275 held: one seat more than 25 would pass the cap
        Api.purchase(capCustomer, body(C, "P1Y", "ANNUAL", 26, null)).then().statusCode(409)
                .body("code", equalTo("seat-cap-exceeded"));
    }

    @Test
    @Order(5)
    void rK2_outside_the_acquisition_window_and_a_catalog_outage_refuse_the_purchase() {
        Api.advanceTo("2029-04-01T09:00:00Z");
        int before = count(customer);
        Api.purchase(customer, body(A, "P1Y", "ANNUAL", 10, "MANUAL15")).then().statusCode(422)
                .body("code", equalTo("promotion-not-eligible")).body("rule", equalTo("R-K2"))
                .body("detail", containsString("2029-04-01 is outside the acquisition window 2029-02-01..2029-03-31"));
        // promotions cannot be read: 503 as for prices, never the regular price by guess
        FakeCatalog.promotionsDown = true;
        Api.purchase(customer, body(B, "P1Y", "MONTHLY", 10, null)).then().statusCode(503)
                .body("code", equalTo("catalog-unavailable"));
        FakeCatalog.promotionsDown = false;
        assertThat(count(customer)).isEqualTo(before);
    }

    @Test
    @Order(6)
    void rK4_renewal_re_evaluates_the_promotion_once_per_offer_and_instant() {
        Api.advanceTo("2030-01-31T12:00:00Z");
        FakeCatalog.promotionsDown = true;
        json().body("{\"to\":\"2030-02-01T00:00:00Z\"}").post("/admin/clock/advance").then().statusCode(503)
                .body("code", equalTo("catalog-unavailable"));
        FakeCatalog.promotionsDown = false;
        Api.get(manual).then().body("startDate", equalTo("2029-02-01"));

        int callsA = FakeCatalog.promotionListCalls(A);
        int callsB = FakeCatalog.promotionListCalls(B);
        Api.advanceTo("2030-02-01T00:00:00Z");
        // two subscriptions of each offer renew at this instant: one list call per offer
        assertThat(FakeCatalog.promotionListCalls(A) - callsA).isEqualTo(1);
        assertThat(FakeCatalog.promotionListCalls(B) - callsB).isEqualTo(1);

        // MANUAL15 is no longer acquirable and A has no auto-apply promotion: the regular price
        Api.get(manual).then().body("startDate", equalTo("2030-02-01")).body("unitPrice", equalTo("36.00"))
                .body("promotionId", nullValue()).body("listUnitPrice", nullValue());
        Snapshot renewed = lastSnapshot(manual);
        assertThat(events(manual).getList("items.type")).last().isEqualTo("SubscriptionRenewed");
        assertThat(renewed.getString("promotionId")).isNull();
        assertThat(renewed.getString("discountUntil")).isNull();
        assertThat(renewed.getString("promotionMaxSeats")).isNull();
        Api.get(plain).then().body("unitPrice", equalTo("36.00")).body("promotionId", nullValue());

        // AUTO10 is still acquirable and eligible: kept
        Api.get(monthly).then().body("startDate", equalTo("2030-02-01")).body("unitPrice", equalTo("11.82"))
                .body("listUnitPrice", equalTo("13.13")).body("promotionId", equalTo("AUTO10"));
        assertThat(lastSnapshot(monthly).getInt("promotionMaxSeats")).isEqualTo(100);

        // 101 seats had none; the new term's 50 seats are eligible for AUTO10 (AUTOFIX1 ended 2029-06-30)
        Api.get(above).then().body("startDate", equalTo("2030-02-01")).body("quantity", equalTo(50))
                .body("unitPrice", equalTo("11.82")).body("listUnitPrice", equalTo("13.13")).body("promotionId", equalTo("AUTO10"));

        // the term ended into EST: the EST price 15.00 x 1.03 = 15.45 (D17), no promotion (it lasted the term, R-K3)
        Api.get(extended).then().body("inExtendedServiceTerm", equalTo(true)).body("unitPrice", equalTo("15.45"))
                .body("promotionId", nullValue()).body("listUnitPrice", nullValue());
        assertThat(lastSnapshot(extended).getString("promotionMaxSeats")).isNull();
        // /renew starts a new P1Y term: evaluated like a renewal, AUTO10 applies again
        json().body("{}").post("/v1/subscriptions/" + extended + "/renew").then().statusCode(200)
                .body("inExtendedServiceTerm", equalTo(false)).body("term", equalTo("P1Y")).body("unitPrice", equalTo("11.82"))
                .body("listUnitPrice", equalTo("13.13")).body("promotionId", equalTo("AUTO10"));
        assertThat(lastSnapshot(extended).getInt("promotionMaxSeats")).isEqualTo(100);
    }

    @Test
    @Order(7)
    void rK7_a_fixed_end_discount_continues_at_monthly_renewals_until_it_ends() {
        // S003 BEMO: monthly-term seats bought in the window at the annual price, discounted on invoices until 06-30
        FakeCatalog.register(new PromotionData("BEMO30", "BEMO March 2030", List.of(B), List.of(Plan.of(Term.P1M,
                BillingFrequency.MONTHLY)), DiscountType.FIXED, new BigDecimal("2.50"), 1, 300, LocalDate.of(2030, 3, 1),
                LocalDate.of(2030, 3, 31), LocalDate.of(2030, 6, 30), true, 1));
        Api.advanceTo("2030-03-10T09:00:00Z");
        String bemo = Api.buy(customer, B, "P1M", "MONTHLY", 10);
        Api.get(bemo).then().body("unitPrice", equalTo("12.50")).body("listUnitPrice", equalTo("15.00"))
                .body("promotionId", equalTo("BEMO30"));

        Api.advanceTo("2030-04-10T00:00:00Z");   // renewal after the window closed: the discount continues (R-K7)
        Api.get(bemo).then().body("startDate", equalTo("2030-04-10")).body("unitPrice", equalTo("12.50"))
                .body("listUnitPrice", equalTo("15.00")).body("promotionId", equalTo("BEMO30"));
        assertThat(lastSnapshot(bemo).getString("discountUntil")).isEqualTo("2030-06-30");

        Api.advanceTo("2030-06-10T00:00:00Z");   // the last renewal on or before 06-30 keeps it
        Api.get(bemo).then().body("startDate", equalTo("2030-06-10")).body("promotionId", equalTo("BEMO30"));

        Api.advanceTo("2030-07-10T00:00:00Z");   // after discountUntil: the regular price (R-K4)
        Api.get(bemo).then().body("startDate", equalTo("2030-07-10")).body("unitPrice", equalTo("15.00"))
                .body("promotionId", nullValue()).body("listUnitPrice", nullValue());
    }
}
