package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.service.MigrationStep;
import dev.nce.subscription.service.PurchaseContext;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Legacy -> NCE migration over the REST API (NCE-RULES.md section M, R-B5, D9). The shared clock runs from 2031-01-10
 * (after every class before this one); migrations happen on 2031-03-15.
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(14)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MigrationApiTest {

    /** Sells P1M: P1M/MONTHLY 43.20, P1Y/MONTHLY 37.80, P1Y/ANNUAL 36.00 (FakeCatalog formulas after 2025-04-01). */
    static final String E3 = "CFQ7TTC0MIG3:0001";
    /** No monthly term (R-A3): P1Y/ANNUAL 65.00 only, plus P1Y/MONTHLY 68.25. */
    static final String NO_P1M = "CFQ7TTC0MIGA:0001";
    static final String PREMIUM = "CFQ7TTC0MIGP:0001";

    static String customer;
    static String legacyKeptEnd;
    static String cotermTarget;

    static {
        FakeCatalog.register(E3, "36.00", "34.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL", "P3Y/ANNUAL");
        FakeCatalog.register(NO_P1M, "65.00", "60.00", "P1Y/MONTHLY", "P1Y/ANNUAL");
        // an auto-apply promotion a plain purchase of E3 P1Y/MONTHLY gets; a migration does not (R-M decision)
        FakeCatalog.register(new dev.nce.contracts.catalog.PromotionData("MIGAUTO10", "Auto 10 %", List.of(E3),
                List.of(new dev.nce.contracts.Plan(dev.nce.contracts.Term.P1Y, dev.nce.contracts.BillingFrequency.MONTHLY)),
                dev.nce.contracts.catalog.PromotionData.DiscountType.PERCENT, new BigDecimal("10"), 1, 100,
                java.time.LocalDate.of(2031, 1, 1), java.time.LocalDate.of(2031, 12, 31), null, true, 1));
        FakeCatalog.register(new FakeCatalog.Offer(PREMIUM, "Business Premium", new BigDecimal("22.00"),
                new BigDecimal("21.00"), List.of("P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL"), true, true,
                "M365_BUSINESS_PREMIUM", List.of()));
    }

    static Map<String, Object> migration(String legacyId, String offer, int quantity, String legacyEnd,
                                         String legacyBilling, boolean purchaseFullTerm) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("legacySubscriptionId", legacyId);
        body.put("offerId", offer);
        body.put("quantity", quantity);
        body.put("legacyEndDate", legacyEnd);
        body.put("legacyBilling", legacyBilling);
        body.put("purchaseFullTerm", purchaseFullTerm);
        return body;
    }

    static Map<String, Object> withPlan(Map<String, Object> body, String term, String billing) {
        body.put("term", term);
        body.put("billing", billing);
        return body;
    }

    static Map<String, Object> withCoterm(Map<String, Object> body, Map<String, String> coterm) {
        body.put("coterm", coterm);
        return body;
    }

    static Response migrate(String customerId, Map<String, Object> body) {
        return json().body(body).post("/v1/customers/" + customerId + "/migrations");
    }

    @Test
    @Order(1)
    void rM2_purchase_full_term_false_keeps_the_legacy_end_as_a_prorated_first_term() {
        Api.advanceTo("2031-01-10T09:00:00Z");
        customer = Api.customer("Migration Customer");
        cotermTarget = Api.buy(customer, E3, "P1Y", "ANNUAL", 5);   // 2031-01-10 .. 2032-01-09
        Api.advanceTo("2031-03-15T10:00:00Z");

        JsonPath m = migrate(customer, withPlan(migration("LEG-1001", E3, 12, "2031-09-30", "MONTHLY", false), "P1Y", "MONTHLY"))
                .then().statusCode(201).extract().jsonPath();
        legacyKeptEnd = m.getString("subscriptionId");
        assertThat(m.getString("migratedFrom")).isEqualTo("LEG-1001");
        assertThat(m.getString("customerId")).isEqualTo(customer);
        assertThat(m.getString("offerId")).isEqualTo(E3);
        assertThat(m.getString("term")).isEqualTo("P1Y");
        assertThat(m.getString("billing")).isEqualTo("MONTHLY");
        assertThat(m.getInt("quantity")).isEqualTo(12);
        assertThat(m.getString("status")).isEqualTo("ACTIVE");
        assertThat(m.getBoolean("trial")).isFalse();
        assertThat(m.getString("unitPrice")).isEqualTo("37.80");
        assertThat(m.getString("promotionId")).isNull();      // MIGAUTO10 is acquirable, but not at migration
        assertThat(m.getString("listUnitPrice")).isNull();
        assertThat(m.getString("startDate")).isEqualTo("2031-03-15");
        assertThat(m.getString("originalStartDate")).isEqualTo("2031-03-15");
        assertThat(m.getString("endDate")).isEqualTo("2031-09-30");
        assertThat(m.getString("renewalDate")).isEqualTo("2031-10-01");
        assertThat(m.getString("noticeDeadline")).isEqualTo("2031-09-01");
        assertThat(m.getString("cancellationAllowedUntil")).isEqualTo("2031-03-22T10:00:00Z");
        assertThat(m.getBoolean("autoRenew")).isTrue();
        assertThat(m.getString("endOfTermAction")).isEqualTo("RENEW");
        Api.get(legacyKeptEnd).then().statusCode(200).body("migratedFrom", equalTo("LEG-1001"))
                .body("endDate", equalTo("2031-09-30"));

        // the outbox event: origin MIGRATION; like a coterm, chargePeriodEndDate keeps the full-length end for billing
        JsonPath events = Api.created(legacyKeptEnd);
        assertThat(events.getInt("totalCount")).isEqualTo(1);
        assertThat(events.getString("items[0].payload.origin")).isEqualTo("MIGRATION");
        assertThat(events.getString("items[0].payload.migratedFrom")).isEqualTo("LEG-1001");
        assertThat(events.getString("items[0].effectiveAt")).isEqualTo("2031-03-15T10:00:00Z");
        assertThat(events.getString("items[0].payload.subscription.endDate")).isEqualTo("2031-09-30");
        assertThat(events.getString("items[0].payload.subscription.chargePeriodEndDate")).isEqualTo("2032-03-14");
        assertThat(events.getInt("items[0].payload.batch.quantity")).isEqualTo(12);
    }

    @Test
    @Order(2)
    void rM4_without_term_and_billing_the_s003_conversion_policy_chooses_the_plan() {
        // legacy monthly, the offer sells P1M: NCE monthly term
        JsonPath monthly = migrate(customer, migration("LEG-2001", E3, 3, "2031-04-30", "MONTHLY", true))
                .then().statusCode(201).extract().jsonPath();
        assertThat(monthly.getString("term") + "/" + monthly.getString("billing")).isEqualTo("P1M/MONTHLY");
        assertThat(monthly.getString("unitPrice")).isEqualTo("43.20");
        assertThat(monthly.getString("startDate")).isEqualTo("2031-03-15");
        assertThat(monthly.getString("endDate")).isEqualTo("2031-04-14");
        assertThat(monthly.getString("migratedFrom")).isEqualTo("LEG-2001");

        // legacy monthly, no P1M for the offer: annual, billed in full for one year from the conversion date
        JsonPath annual = migrate(customer, migration("LEG-2002", NO_P1M, 4, "2031-04-30", "MONTHLY", true))
                .then().statusCode(201).extract().jsonPath();
        assertThat(annual.getString("term") + "/" + annual.getString("billing")).isEqualTo("P1Y/ANNUAL");
        assertThat(annual.getString("unitPrice")).isEqualTo("65.00");
        assertThat(annual.getString("startDate")).isEqualTo("2031-03-15");
        assertThat(annual.getString("endDate")).isEqualTo("2032-03-14");

        // legacy annual: P1Y/ANNUAL with its anniversary on the migration date
        JsonPath legacyAnnual = migrate(customer, migration("LEG-2003", E3, 2, "2031-12-31", "ANNUAL", true))
                .then().statusCode(201).extract().jsonPath();
        assertThat(legacyAnnual.getString("term") + "/" + legacyAnnual.getString("billing")).isEqualTo("P1Y/ANNUAL");
        assertThat(legacyAnnual.getString("unitPrice")).isEqualTo("36.00");
        assertThat(legacyAnnual.getString("endDate")).isEqualTo("2032-03-14");

        // the converted P1M plan keeps the legacy end too when it lies inside the month
        JsonPath keptMonthly = migrate(customer, migration("LEG-2004", E3, 1, "2031-03-31", "MONTHLY", false))
                .then().statusCode(201).extract().jsonPath();
        assertThat(keptMonthly.getString("term") + "/" + keptMonthly.getString("billing")).isEqualTo("P1M/MONTHLY");
        assertThat(keptMonthly.getString("endDate")).isEqualTo("2031-03-31");
        assertThat(keptMonthly.getString("renewalDate")).isEqualTo("2031-04-01");
    }

    @Test
    @Order(3)
    void r_b5_a_full_term_migration_can_coterm_but_not_with_purchase_full_term_false() {
        JsonPath aligned = migrate(customer, withCoterm(withPlan(migration("LEG-3001", E3, 6, "2031-06-30", "ANNUAL", true), "P1Y", "MONTHLY"),
                Map.of("type", "SUBSCRIPTION", "subscriptionId", cotermTarget)))
                .then().statusCode(201).extract().jsonPath();
        assertThat(aligned.getString("startDate")).isEqualTo("2031-03-15");
        assertThat(aligned.getString("endDate")).isEqualTo("2032-01-09");
        assertThat(aligned.getString("migratedFrom")).isEqualTo("LEG-3001");
        assertThat(Api.created(aligned.getString("subscriptionId")).getString("items[0].payload.subscription.chargePeriodEndDate"))
                .isEqualTo("2032-03-14");

        JsonPath calendar = migrate(customer, withCoterm(withPlan(migration("LEG-3002", E3, 1, "2031-06-30", "ANNUAL", true), "P1Y", "ANNUAL"),
                Map.of("type", "CALENDAR_MONTH")))
                .then().statusCode(201).extract().jsonPath();
        assertThat(calendar.getString("endDate")).isEqualTo("2032-02-29");   // default end 2032-03-14, leap February

        int before = Api.subscriptionCount(customer);
        migrate(customer, withCoterm(withPlan(migration("LEG-3003", E3, 1, "2031-06-30", "ANNUAL", false), "P1Y", "ANNUAL"),
                Map.of("type", "CALENDAR_MONTH")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed")).body("field", equalTo("coterm"));
        // a P1Y cannot align to a P1M subscription (R-B5), at migration too
        String monthly = Api.buy(customer, E3, "P1M", "MONTHLY", 1);
        migrate(customer, withCoterm(withPlan(migration("LEG-3004", E3, 1, "2031-06-30", "ANNUAL", true), "P1Y", "ANNUAL"),
                Map.of("type", "SUBSCRIPTION", "subscriptionId", monthly)))
                .then().statusCode(422).body("code", equalTo("coterm-not-allowed")).body("rule", equalTo("R-B5"));
        assertThat(Api.subscriptionCount(customer)).isEqualTo(before + 1);
    }

    @Test
    @Order(4)
    void rM3_a_legacy_subscription_is_migrated_once_even_after_the_nce_one_is_cancelled() {
        int before = Api.subscriptionCount(customer);
        for (Map<String, Object> again : List.of(
                withPlan(migration("LEG-1001", E3, 12, "2031-09-30", "MONTHLY", false), "P1Y", "MONTHLY"),
                migration("LEG-1001", NO_P1M, 1, "2031-09-30", "ANNUAL", true))) {
            migrate(customer, again).then().statusCode(409).contentType("application/problem+json")
                    .body("code", equalTo("invalid-state")).body("rule", equalTo("R-M3"))
                    .body("legacySubscriptionId", equalTo("LEG-1001"));
        }
        // migration cannot be reversed: cancelling the NCE subscription does not free the legacy id
        String once = migrate(customer, migration("LEG-4001", E3, 2, "2031-09-30", "ANNUAL", true))
                .then().statusCode(201).extract().path("subscriptionId");
        json().post("/v1/subscriptions/" + once + "/cancel").then().statusCode(200).body("status", equalTo("DELETED"));
        migrate(customer, migration("LEG-4001", E3, 2, "2031-09-30", "ANNUAL", true))
                .then().statusCode(409).body("code", equalTo("invalid-state")).body("rule", equalTo("R-M3"));
        assertThat(Api.subscriptionCount(customer)).isEqualTo(before + 1);
    }

    @Test
    @Order(5)
    void rM3_parallel_migrations_of_one_legacy_subscription_create_one() throws Exception {
        String c = Api.customer("Migration Race");
        List<Integer> statuses = Api.race(2, () ->
                migrate(c, migration("LEG-RACE", E3, 3, "2031-09-30", "ANNUAL", true)).then().extract().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
        assertThat(Api.subscriptionCount(c)).isEqualTo(1);
    }

    @Test
    @Order(6)
    void rM3_the_unique_index_is_the_last_line_of_defence_and_answers_409_not_500() {
        // a race that slipped past the locked check: the step is replaced by one that skips it (this test only)
        QuarkusMock.installMockForType(new MigrationStep() {
            @Override
            public void beforeWrite(PurchaseContext context, Instant now) {}
        }, MigrationStep.class);
        String c = Api.customer("Migration Index");
        migrate(c, migration("LEG-INDEX", E3, 1, "2031-09-30", "ANNUAL", true)).then().statusCode(201);
        migrate(c, migration("LEG-INDEX", E3, 1, "2031-09-30", "ANNUAL", true)).then().statusCode(409)
                .contentType("application/problem+json")
                .body("code", equalTo("invalid-state")).body("rule", equalTo("R-M3"));
        assertThat(Api.subscriptionCount(c)).isEqualTo(1);
    }

    @Test
    @Order(7)
    void d9_the_seat_cap_applies_to_migrations() {
        String c = json().body("{\"name\":\"Migration Cap\",\"billingCurrency\":\"USD\",\"contactEmail\":\"migcap@example.com\","
                + "\"externalSeats\":{\"M365_BUSINESS_PREMIUM\":250}}").post("/v1/customers").then().statusCode(201)
                .extract().path("customerId");
        migrate(c, withPlan(migration("LEG-CAP", PREMIUM, 51, "2031-09-30", "MONTHLY", true), "P1Y", "MONTHLY"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("seat-cap-exceeded")).body("rule", equalTo("D9"))
                .body("cap", equalTo(300)).body("currentCount", equalTo(250)).body("requestedQuantity", equalTo(51));
        assertThat(Api.subscriptionCount(c)).isZero();
        // the refused request changed nothing: the same legacy id migrates with 50 seats
        migrate(c, withPlan(migration("LEG-CAP", PREMIUM, 50, "2031-09-30", "MONTHLY", true), "P1Y", "MONTHLY"))
                .then().statusCode(201).body("quantity", equalTo(50)).body("migratedFrom", equalTo("LEG-CAP"));
    }

    @Test
    @Order(8)
    void idempotency_key_replays_the_first_answer() {
        String c = Api.customer("Migration Replay");
        Map<String, Object> body = migration("LEG-IDEM", E3, 7, "2031-09-30", "MONTHLY", true);
        String first = json().header("Idempotency-Key", "mig-1").body(body).post("/v1/customers/" + c + "/migrations")
                .then().statusCode(201).extract().path("subscriptionId");
        String again = json().header("Idempotency-Key", "mig-1").body(body).post("/v1/customers/" + c + "/migrations")
                .then().statusCode(201).body("migratedFrom", equalTo("LEG-IDEM")).extract().path("subscriptionId");
        assertThat(again).isEqualTo(first);
        body.put("quantity", 8);
        json().header("Idempotency-Key", "mig-1").body(body).post("/v1/customers/" + c + "/migrations")
                .then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
        assertThat(Api.subscriptionCount(c)).isEqualTo(1);
    }

    @Test
    @Order(9)
    void validation_failures_are_400_naming_the_field_and_change_nothing() {
        String c = Api.customer("Migration Validation");
        Map<String, Consumer<Map<String, Object>>> cases = new LinkedHashMap<>();
        cases.put("legacySubscriptionId", b -> b.remove("legacySubscriptionId"));
        cases.put("legacySubscriptionId ", b -> b.put("legacySubscriptionId", "  "));
        cases.put("legacySubscriptionId  ", b -> b.put("legacySubscriptionId", "L".repeat(101)));
        cases.put("offerId", b -> b.remove("offerId"));
        cases.put("quantity", b -> b.put("quantity", 0));
        cases.put("quantity ", b -> b.remove("quantity"));
        cases.put("legacyEndDate", b -> b.remove("legacyEndDate"));
        cases.put("legacyEndDate ", b -> b.put("legacyEndDate", "end of September"));
        cases.put("legacyEndDate  ", b -> b.put("legacyEndDate", "2031-02-30"));
        cases.put("legacyBilling", b -> b.remove("legacyBilling"));
        cases.put("legacyBilling ", b -> b.put("legacyBilling", "TRIENNIAL"));
        cases.put("purchaseFullTerm", b -> b.remove("purchaseFullTerm"));
        cases.put("term", b -> withPlan(b, "P2Y", "MONTHLY"));
        cases.put("billing", b -> withPlan(b, "P1Y", "WEEKLY"));
        cases.put("billing ", b -> b.put("term", "P1Y"));
        cases.put("term ", b -> b.put("billing", "MONTHLY"));
        cases.put("targetDate", b -> b.put("targetDate", "2031-04-01"));
        cases.forEach((field, change) -> {
            Map<String, Object> body = migration("LEG-BAD", E3, 1, "2031-09-30", "MONTHLY", true);
            change.accept(body);
            migrate(c, body).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("validation-failed")).body("field", equalTo(field.trim()));
        });
        assertThat(Api.subscriptionCount(c)).isZero();
        // 100 characters are allowed
        migrate(c, migration("L".repeat(100), E3, 1, "2031-09-30", "MONTHLY", true)).then().statusCode(201);
    }

    @Test
    @Order(10)
    void refusals_422_and_404_change_nothing() {
        String c = Api.customer("Migration Refusals");
        migrate(c, withPlan(migration("LEG-R1", NO_P1M, 1, "2031-09-30", "MONTHLY", true), "P1M", "MONTHLY"))
                .then().statusCode(422).body("code", equalTo("plan-not-available"));
        migrate(c, withPlan(migration("LEG-R1", E3, 1, "2031-09-30", "MONTHLY", true), "P1M", "ANNUAL"))
                .then().statusCode(422).body("code", equalTo("plan-not-available"));
        // R-M2: the kept legacy end must lie after the migration date and within the first term
        for (String legacyEnd : List.of("2031-03-15", "2031-03-01", "2032-03-15")) {
            migrate(c, withPlan(migration("LEG-R1", E3, 1, legacyEnd, "ANNUAL", false), "P1Y", "ANNUAL"))
                    .then().statusCode(422).contentType("application/problem+json")
                    .body("code", equalTo("coterm-not-allowed")).body("rule", equalTo("R-M2"))
                    .body("field", equalTo("legacyEndDate"));
        }
        migrate(c, migration("LEG-R1", "CFQ7TTC0NONE:0001", 1, "2031-09-30", "MONTHLY", true))
                .then().statusCode(404).body("code", equalTo("not-found"));
        migrate(c, withPlan(migration("LEG-R1", "CFQ7TTC0NONE:0001", 1, "2031-09-30", "MONTHLY", true), "P1Y", "ANNUAL"))
                .then().statusCode(404).body("code", equalTo("not-found"));
        migrate("0190f7a5-0000-7000-8000-000000000000", migration("LEG-R1", E3, 1, "2031-09-30", "MONTHLY", true))
                .then().statusCode(404).body("code", equalTo("not-found"));
        migrate("not-an-id", migration("LEG-R1", E3, 1, "2031-09-30", "MONTHLY", true))
                .then().statusCode(404).body("code", equalTo("not-found"));
        assertThat(Api.subscriptionCount(c)).isZero();
        // after all those refusals LEG-R1 is still free
        migrate(c, withPlan(migration("LEG-R1", E3, 1, "2031-09-30", "ANNUAL", false), "P1Y", "ANNUAL"))
                .then().statusCode(201).body("endDate", equalTo("2031-09-30"));
    }

    @Test
    @Order(20)
    void rM2_after_the_kept_legacy_end_the_subscription_renews_for_full_terms() {
        Api.advanceTo("2031-10-01T00:00:00Z");
        Api.get(legacyKeptEnd).then().statusCode(200).body("status", equalTo("ACTIVE"))
                .body("migratedFrom", equalTo("LEG-1001")).body("originalStartDate", equalTo("2031-03-15"))
                .body("startDate", equalTo("2031-10-01")).body("endDate", equalTo("2032-09-30"))
                .body("quantity", equalTo(12));
    }

    @Test
    @Order(99)
    void rM_decision_a_plain_purchase_of_the_same_plan_gets_the_auto_apply_promotion_a_migration_did_not() {
        String other = Api.customer("Migration Contrast Customer");
        String bought = Api.buy(other, E3, "P1Y", "MONTHLY", 12);
        Api.get(bought).then().statusCode(200)
                .body("promotionId", equalTo("MIGAUTO10"))
                .body("unitPrice", equalTo("34.02"))      // HALF_UP(37.80 x 0.90), D2
                .body("listUnitPrice", equalTo("37.80"));
    }
}
