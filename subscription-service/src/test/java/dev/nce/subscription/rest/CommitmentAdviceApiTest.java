package dev.nce.subscription.rest;

import static dev.nce.subscription.support.Api.admin;
import static dev.nce.subscription.support.Api.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.TermDates;
import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * D26 commitment advice over REST (issue 23). Business Premium-like prices from the stand-in catalog: base 22.00, so
 * P1Y/ANNUAL 22.00, P1Y/MONTHLY 23.10, P1M 26.40. Dates are relative to the shared clock (it only moves forward).
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@Order(23)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommitmentAdviceApiTest {

    static final String PREMIUM = "CFQ7TTC0ADV1:0001";
    static final String ONLY_P3Y = "CFQ7TTC0ADV3:0001";
    static final int[] WORKED = {30, 30, 28, 26, 24, 24, 26, 28, 30, 25, 22, 20};

    static {
        FakeCatalog.register(PREMIUM, "22.00", "21.00", "P1M/MONTHLY", "P1Y/MONTHLY", "P1Y/ANNUAL");
        FakeCatalog.register(ONLY_P3Y, "22.00", "21.00", "P3Y/ANNUAL");
    }

    static String demandBody(String offerId, int[] seats) {
        YearMonth first = YearMonth.of(2040, 1);
        StringBuilder sb = new StringBuilder("{\"offerId\":\"" + offerId + "\",\"demand\":[");
        for (int i = 0; i < seats.length; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"month\":\"").append(first.plusMonths(i)).append("\",\"seats\":")
                    .append(seats[i]).append('}');
        }
        return sb.append("]}").toString();
    }

    /** Past the P1Y/MONTHLY uplift (2025-04-01) and the EST tier (2026-05-04) of the stand-in catalog. */
    static void clockInPriceRange() {
        Api.advanceTo("2032-01-01T00:00:00Z");
    }

    static Response advise(String customerId, String body) {
        return json().body(body).post("/v1/customers/" + customerId + "/commitment-advice");
    }

    static Map<String, Object> option(JsonPath p, String kind) {
        return p.getMap("options.find { it.kind == '" + kind + "' }");
    }

    @Test
    @Order(1)
    void d26_workedExample_withoutSubscriptions_pricesInForceNow_oneBatchedQuote() {
        clockInPriceRange();
        String customer = Api.customer("Advice Worked");
        Instant now = Api.now();
        int quotesBefore = FakeCatalog.QUOTE_CALLS.get();

        JsonPath p = advise(customer, demandBody(PREMIUM, WORKED)).then().statusCode(200).extract().jsonPath();

        assertThat(FakeCatalog.QUOTE_CALLS.get() - quotesBefore).isEqualTo(1);
        assertThat(p.getString("currency")).isEqualTo("USD");
        assertThat(p.getString("demandSource")).isEqualTo("GIVEN");
        assertThat(p.getList("demand.seats", Integer.class)).containsExactly(30, 30, 28, 26, 24, 24, 26, 28, 30, 25, 22, 20);
        assertThat(option(p, "ALL_MONTHLY")).containsEntry("term", "P1M").containsEntry("billing", "MONTHLY")
                .containsEntry("annualSeats", 0).containsEntry("monthlySeats", 30).containsEntry("totalCost", "8263.20");
        assertThat(option(p, "ANNUAL_AT_PEAK")).containsEntry("annualSeats", 30).containsEntry("totalCost", "7920.00");
        assertThat(option(p, "ANNUAL_PAID_MONTHLY_AT_PEAK")).containsEntry("totalCost", "8316.00");
        assertThat(option(p, "ANNUAL_BASE_WITH_MONTHLY_TOP_UP")).containsEntry("term", "P1Y").containsEntry("billing", "ANNUAL")
                .containsEntry("annualSeats", 22).containsEntry("monthlySeats", 8).containsEntry("monthlySeatMonths", 51)
                .containsEntry("totalCost", "7154.40").containsEntry("currency", "USD");
        assertThat(option(p, "ANNUAL_PAID_MONTHLY_BASE_WITH_MONTHLY_TOP_UP")).containsEntry("billing", "MONTHLY")
                .containsEntry("annualSeats", 22).containsEntry("totalCost", "7444.80");
        assertThat(option(p, "ANNUAL_INCREASED_MID_TERM")).containsEntry("totalCost", "7920.00");
        assertThat(p.getMap("recommended")).isEqualTo(option(p, "ANNUAL_BASE_WITH_MONTHLY_TOP_UP"));
        assertThat(p.getList("tiedAnnualSeats", Integer.class)).containsExactly(22, 23, 24);
        assertThat(p.getString("breakEvenMonths.annual")).isEqualTo("10.00");
        assertThat(p.getString("breakEvenMonths.annualPaidMonthly")).isEqualTo("10.50");
        assertThat((Object) p.get("savingVersusCurrent")).isNull();
        assertThat((Object) p.get("currentCost")).isNull();
        assertThat(p.getList("current")).isEmpty();
        assertThat(Instant.parse(p.getString("pricesUsed.at"))).isEqualTo(now);
        assertThat(p.getList("pricesUsed.plans.unitPrice", String.class)).containsExactly("22.00", "23.10", "26.40");
        assertThat(p.getList("pricesUsed.plans.term", String.class)).containsExactly("P1Y", "P1Y", "P1M");
        // changes nothing
        assertThat(Api.subscriptionCount(customer)).isZero();
    }

    @Test
    @Order(2)
    void d26_savingVersusCurrent_p1yMonthlyAtThePeak_pricedAtItsRenewal() {
        clockInPriceRange();
        String customer = Api.customer("Advice Current");
        String id = Api.buy(customer, PREMIUM, "P1Y", "MONTHLY", 30);
        String endDate = Api.get(id).then().statusCode(200).extract().path("endDate");
        int eventsBefore = admin().get("/v1/subscriptions/" + id + "/events").then().extract().path("totalCount");

        JsonPath p = advise(customer, demandBody(PREMIUM, WORKED)).then().statusCode(200).extract().jsonPath();

        assertThat(p.getString("currentCost")).isEqualTo("8316.00");
        assertThat(p.getString("savingVersusCurrent")).isEqualTo("1161.60");
        assertThat(p.getString("current[0].subscriptionId")).isEqualTo(id);
        assertThat(p.getString("current[0].continuesAs")).isEqualTo("RENEW");
        assertThat(p.getBoolean("current[0].committed")).isTrue();
        assertThat(p.getString("current[0].unitPrice")).isEqualTo("23.10");
        assertThat(Instant.parse(p.getString("pricesUsed.at")))
                .isEqualTo(TermDates.renewalInstant(LocalDate.parse(endDate)));
        assertThat(p.getString("recommended.totalCost")).isEqualTo("7154.40");
        int eventsAfter = admin().get("/v1/subscriptions/" + id + "/events").then().extract().path("totalCount");
        assertThat(eventsAfter).isEqualTo(eventsBefore);
        Api.get(id).then().statusCode(200);
    }

    @Test
    @Order(3)
    void d26_aTermEndingInEst_isMonthToMonthAtTheEstPrice() {
        clockInPriceRange();
        String customer = Api.customer("Advice Est");
        String id = Api.buy(customer, PREMIUM, "P1Y", "ANNUAL", 25);
        Api.patch(id, "{\"endOfTermAction\":\"EXTENDED_SERVICE_TERM\"}").then().statusCode(200);

        JsonPath p = advise(customer, demandBody(PREMIUM, WORKED)).then().statusCode(200).extract().jsonPath();

        // D17 / R-F4: EST = P1M 26.40 x 1.03 = 27.19; 290 seat-months of it + 23 above 25 seats at 26.40
        assertThat(p.getString("current[0].continuesAs")).isEqualTo("EXTENDED_SERVICE_TERM");
        assertThat(p.getBoolean("current[0].committed")).isFalse();
        assertThat(p.getString("current[0].unitPrice")).isEqualTo("27.19");
        assertThat(p.getString("currentCost")).isEqualTo("8492.30");
        assertThat(p.getString("savingVersusCurrent")).isEqualTo("1337.90");
    }

    @Test
    @Order(4)
    void d26_history_theLast12MonthsOfTheOffersQuantities() {
        clockInPriceRange();
        Instant start = Api.now();
        YearMonth m0 = YearMonth.from(start.atZone(ZoneOffset.UTC));
        String customer = Api.customer("Advice History");
        String first = Api.buy(customer, PREMIUM, "P1M", "MONTHLY", 10);
        Api.advanceTo(m0.plusMonths(1).atDay(3) + "T09:00:00Z");
        Api.patch(first, "{\"quantity\":14}").then().statusCode(200);
        Api.advanceTo(m0.plusMonths(2).atDay(5) + "T09:00:00Z");
        Api.buy(customer, PREMIUM, "P1M", "MONTHLY", 6);
        Api.buy(customer, PREMIUM, "P1Y", "ANNUAL", 3);   // advised offer, other plan: counts too
        String other = Api.buy(customer, ONLY_P3Y, "P3Y", "ANNUAL", 50); // another offer: not counted
        assertThat(other).isNotNull();

        JsonPath p = advise(customer, "{\"offerId\":\"" + PREMIUM + "\",\"history\":true}").then().statusCode(200)
                .extract().jsonPath();

        assertThat(p.getString("demandSource")).isEqualTo("HISTORY");
        assertThat(p.getList("demand.month", String.class)).hasSize(12)
                .endsWith(m0.toString(), m0.plusMonths(1).toString(), m0.plusMonths(2).toString());
        assertThat(p.getString("demand[0].month")).isEqualTo(m0.minusMonths(9).toString());
        assertThat(p.getList("demand.seats", Integer.class)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 14, 23);
        // 47 seat-months at 26.40 = 1240.80; no seat is needed 11 months, so no annual seat
        assertThat(option(p, "ALL_MONTHLY")).containsEntry("totalCost", "1240.80");
        assertThat(option(p, "ANNUAL_AT_PEAK")).containsEntry("totalCost", "6072.00");
        assertThat(p.getString("recommended.kind")).isEqualTo("ALL_MONTHLY");
        assertThat(p.getList("options.kind", String.class)).doesNotContain("ANNUAL_INCREASED_MID_TERM");
        // current: 3 committed annual seats (3 x 12 x 22.00 = 792.00) + the P1M seats above them, 7 + 11 + 20
        // seat-months at 26.40 = 1003.20
        assertThat(p.getList("current")).hasSize(3);
        assertThat(p.getString("currentCost")).isEqualTo("1795.20");
        assertThat(p.getString("savingVersusCurrent")).isEqualTo("554.40");
    }

    @Test
    @Order(5)
    void d26_monthNumbersInAnyOrder_answeredInMonthOrder() {
        String customer = Api.customer("Advice Numbers");
        StringBuilder sb = new StringBuilder("{\"offerId\":\"" + PREMIUM + "\",\"demand\":[");
        for (int i = 11; i >= 0; i--) {
            sb.append(i == 11 ? "" : ",").append("{\"month\":\"").append(i + 1).append("\",\"seats\":").append(WORKED[i]).append('}');
        }
        JsonPath p = advise(customer, sb.append("]}").toString()).then().statusCode(200).extract().jsonPath();
        assertThat(p.getList("demand.month", String.class)).containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9",
                "10", "11", "12");
        assertThat(p.getString("recommended.totalCost")).isEqualTo("7154.40");
    }

    @Test
    @Order(6)
    void d26_badInput_isProblemJsonWithItsField() {
        String customer = Api.customer("Advice Refusals");
        List<int[]> eleven = List.of(new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
        problem(advise(customer, "{\"demand\":[]}"), 400, "validation-failed", "offerId");
        problem(advise(customer, "{\"offerId\":\"" + PREMIUM + "\"}"), 400, "validation-failed", "demand");
        problem(advise(customer, demandBody(PREMIUM, eleven.get(0))), 400, "validation-failed", "demand");
        problem(advise(customer, demandBody(PREMIUM, WORKED).replace("}]}", "}],\"history\":true}")), 400,
                "validation-failed", "history");
        problem(advise(customer, demandBody(PREMIUM, WORKED).replace("2040-04", "2040-4x")), 400, "validation-failed",
                "demand[3].month");
        problem(advise(customer, demandBody(PREMIUM, WORKED).replace("2040-12", "2041-02")), 400, "validation-failed",
                "demand");
        problem(advise(customer, demandBody(PREMIUM, WORKED).replace("\"seats\":25", "\"seats\":-1")), 400,
                "validation-failed", "demand[9].seats");
        problem(advise(customer, demandBody(PREMIUM, WORKED).replace("}]}", "}],\"budget\":1}")), 400,
                "validation-failed", "budget");
        problem(advise("CUST-doesnotexist", demandBody(PREMIUM, WORKED)), 404, "not-found", null);
        problem(advise(customer, demandBody("CFQ7TTC0NONE:0001", WORKED)), 404, "not-found", null);
        problem(advise(customer, demandBody(ONLY_P3Y, WORKED)), 422, "plan-not-available", null);
        FakeCatalog.down = true;
        try {
            problem(advise(customer, demandBody(PREMIUM, WORKED)), 503, "catalog-unavailable", null);
        } finally {
            FakeCatalog.down = false;
        }
    }

    @Test
    @Order(7)
    void d26_aCustomerTokenSeesOnlyItsOwnCustomer() {
        String mine = Api.customer("Advice Mine");
        String theirs = Api.customer("Advice Theirs");
        String token = TestTokens.bearer(TestTokens.customer(mine));
        io.restassured.RestAssured.given().header("Authorization", token).contentType(ContentType.JSON)
                .body(demandBody(PREMIUM, WORKED)).post("/v1/customers/" + mine + "/commitment-advice")
                .then().statusCode(200);
        problem(io.restassured.RestAssured.given().header("Authorization", token).contentType(ContentType.JSON)
                .body(demandBody(PREMIUM, WORKED)).post("/v1/customers/" + theirs + "/commitment-advice"),
                404, "not-found", null);
        problem(io.restassured.RestAssured.given().contentType(ContentType.JSON).body(demandBody(PREMIUM, WORKED))
                .post("/v1/customers/" + mine + "/commitment-advice"), 401, "unauthorized", null);
    }

    static void problem(Response response, int status, String code, String field) {
        response.then().statusCode(status).contentType("application/problem+json");
        assertThat(response.jsonPath().getString("code")).isEqualTo(code);
        if (field != null) {
            assertThat(response.jsonPath().getString("field")).isEqualTo(field);
        }
    }
}
