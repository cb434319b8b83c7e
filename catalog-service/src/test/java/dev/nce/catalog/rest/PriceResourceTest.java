package dev.nce.catalog.rest;

import static dev.nce.catalog.CatalogApi.admin;
import static dev.nce.catalog.CatalogApi.createE3;
import static dev.nce.catalog.CatalogApi.customer;
import static dev.nce.catalog.CatalogApi.newOfferId;
import static dev.nce.catalog.CatalogApi.put;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.catalog.CatalogApi;
import dev.nce.catalog.CatalogTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GET /v1/offers/{id}/price and POST /v1/price-quotes over the real database (R-A4, R-A8, D2, D13, D17). */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class PriceResourceTest {

    static String e3;
    static String noMonthly;

    @BeforeEach
    void offers() {
        if (e3 != null) {
            return;
        }
        e3 = createE3();
        noMonthly = newOfferId();
        put(noMonthly, """
                {"name":"Microsoft 365 E5 (no monthly term)","productFamily":"Microsoft 365",
                 "plans":[{"term":"P1Y","billing":"ANNUAL"},{"term":"P1Y","billing":"MONTHLY"}],
                 "prices":[{"effectiveFrom":"2022-01-01","currency":"USD","basePrice":"57.00"}],
                 "renewable": true, "midTermIncrease": false, "capGroup": "M365_E5", "upgradePaths": []}
                """).then().statusCode(201);
    }

    @ParameterizedTest(name = "{0}/{1} at {2} in {3} -> {4} {5} +{6}% = {7}")
    @CsvSource({
            "P1Y, ANNUAL,    2025-04-01, USD, USD, 36.00, 0,  36.00",
            "P1Y, MONTHLY,   2025-03-31, USD, USD, 36.00, 0,  36.00",
            "P1Y, MONTHLY,   2025-04-01, USD, USD, 36.00, 5,  37.80",
            "P1M, MONTHLY,   2025-04-01, USD, USD, 36.00, 20, 43.20",
            "P3Y, TRIENNIAL, 2025-04-01, USD, USD, 34.00, 0,  34.00",
            "P3Y, ANNUAL,    2025-04-01, USD, USD, 34.00, 0,  34.00",
            "P3Y, MONTHLY,   2025-04-01, USD, USD, 34.00, 5,  35.70",
            "P1M, MONTHLY,   2022-02-28T23:59:59Z, USD, USD, 32.00, 20, 38.40",
            "P1M, MONTHLY,   2022-03-01T00:00:00Z, USD, USD, 36.00, 20, 43.20",
            "P1Y, MONTHLY,   2025-04-01, AUD, AUD, 49.00, 5,  51.45",
            "P1Y, MONTHLY,   2025-04-01, JPY, JPY, 4350,  5,  4568",
            "P1Y, MONTHLY,   2025-04-01, EUR, USD, 36.00, 5,  37.80",
    })
    void resolved_price(String term, String billing, String at, String asked, String currency, String base,
                        String uplift, String unit) {
        customer().queryParam("term", term).queryParam("billing", billing).queryParam("at", at)
                .queryParam("currency", asked).get("/v1/offers/" + e3 + "/price")
                .then().statusCode(200)
                .body("offerId", equalTo(e3)).body("term", equalTo(term)).body("billing", equalTo(billing))
                .body("currency", equalTo(currency)).body("basePrice", equalTo(base))
                .body("upliftPercent", equalTo(uplift)).body("unitPrice", equalTo(unit))
                .body("source", equalTo("FORMULA")).body("extendedServiceTerm", equalTo(false));
    }

    @Test
    void the_answer_carries_the_offer_attributes() {
        admin().queryParam("term", "P1Y").queryParam("billing", "ANNUAL").queryParam("at", "2023-06-15T10:00:00Z")
                .get("/v1/offers/" + noMonthly + "/price").then().statusCode(200)
                .body("at", equalTo("2023-06-15T10:00:00Z"))
                .body("priceEffectiveFrom", equalTo("2022-01-01"))
                .body("offerName", equalTo("Microsoft 365 E5 (no monthly term)"))
                .body("productFamily", equalTo("Microsoft 365")).body("capGroup", equalTo("M365_E5"))
                .body("renewable", equalTo(true)).body("midTermIncrease", equalTo(false))
                .body("trialAvailable", equalTo(false)).body("upgradePaths", hasSize(0))
                .body("plans.term", contains("P1Y", "P1Y")).body("plans.billing", contains("ANNUAL", "MONTHLY"))
                .body("offerVersion", equalTo(1));
    }

    @Test
    void at_defaults_to_the_catalogs_now() {
        String now = CatalogApi.now().toString();
        admin().queryParam("term", "P1Y").queryParam("billing", "ANNUAL").get("/v1/offers/" + e3 + "/price")
                .then().statusCode(200).body("at", equalTo(now)).body("currency", equalTo("USD"));
    }

    @Test
    void d2_an_explicit_plan_price_overrides_the_formula() {
        String id = newOfferId();
        put(id, """
                {"name":"Microsoft 365 Business Standard","productFamily":"Microsoft 365 Business",
                 "plans":[{"term":"P1M","billing":"MONTHLY"},{"term":"P1Y","billing":"MONTHLY"},{"term":"P1Y","billing":"ANNUAL"}],
                 "prices":[{"effectiveFrom":"2022-01-01","currency":"USD","basePrice":"12.50",
                            "planPrices":[{"term":"P1M","billing":"MONTHLY","unitPrice":"14.99"}]}]}
                """).then().statusCode(201);
        admin().queryParam("term", "P1M").queryParam("billing", "MONTHLY").queryParam("at", "2025-04-01")
                .get("/v1/offers/" + id + "/price").then().statusCode(200)
                .body("unitPrice", equalTo("14.99")).body("source", equalTo("PLAN_PRICE"))
                .body("upliftPercent", equalTo("0")).body("basePrice", equalTo("12.50"));
        // 12.50 x 1.05 = 13.125 -> 13.13 (D2 HALF_UP at publication)
        admin().queryParam("term", "P1Y").queryParam("billing", "MONTHLY").queryParam("at", "2025-04-01")
                .get("/v1/offers/" + id + "/price").then().statusCode(200)
                .body("unitPrice", equalTo("13.13")).body("source", equalTo("FORMULA"));
    }

    @ParameterizedTest(name = "D17 EST at {1} for {0}")
    @CsvSource({
            // P1M plan: HALF_UP(43.20 x 1.03) = 44.50 over the P1M rate
            "e3,        2026-05-04, 43.20, 3,  44.50",
            // no P1M plan: HALF_UP(57 x 1.23) = 70.11 over the base
            "noMonthly, 2026-05-04, 57.00, 23, 70.11",
    })
    void d17_extended_service_term_price(String which, String at, String basis, String percent, String unit) {
        String id = which.equals("e3") ? e3 : noMonthly;
        admin().queryParam("extendedServiceTerm", "true").queryParam("at", at).get("/v1/offers/" + id + "/price")
                .then().statusCode(200).body("extendedServiceTerm", equalTo(true))
                .body("term", nullValue()).body("billing", nullValue())
                .body("basePrice", equalTo(basis)).body("upliftPercent", equalTo(percent))
                .body("unitPrice", equalTo(unit)).body("source", equalTo("FORMULA"));
        // the plan of the term that ended may be given; it is echoed and does not change the EST price
        admin().queryParam("extendedServiceTerm", "true").queryParam("term", "P1Y").queryParam("billing", "ANNUAL")
                .queryParam("at", at).get("/v1/offers/" + id + "/price")
                .then().statusCode(200).body("term", equalTo("P1Y")).body("unitPrice", equalTo(unit));
    }

    @Test
    void r_f4_est_before_2026_05_04_is_plan_not_available() {
        admin().queryParam("extendedServiceTerm", "true").queryParam("at", "2026-05-03T23:59:59Z")
                .get("/v1/offers/" + e3 + "/price").then().statusCode(422)
                .body("code", equalTo("plan-not-available")).body("rule", equalTo("R-F4"));
    }

    @ParameterizedTest(name = "{0}={1} -> 400")
    @CsvSource({
            "term,                P2Y",
            "billing,             WEEKLY",
            "at,                  2025-13-01",
            "at,                  yesterday",
            "currency,            EURO",
            "currency,            usd",
            "extendedServiceTerm, yes",
    })
    void bad_query_values_are_400_naming_the_field(String field, String value) {
        Map<String, String> params = new HashMap<>(Map.of("term", "P1Y", "billing", "ANNUAL"));
        params.put(field, value);
        admin().queryParams(params).get("/v1/offers/" + e3 + "/price").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation-failed")).body("field", equalTo(field));
    }

    @Test
    void term_and_billing_are_required_for_a_plan_price() {
        admin().queryParam("billing", "ANNUAL").get("/v1/offers/" + e3 + "/price").then().statusCode(400)
                .body("field", equalTo("term"));
        admin().queryParam("term", "P1Y").get("/v1/offers/" + e3 + "/price").then().statusCode(400)
                .body("field", equalTo("billing"));
    }

    @Test
    void unknown_offer_is_404_and_a_plan_not_sold_or_never_valid_is_422() {
        admin().queryParam("term", "P1Y").queryParam("billing", "ANNUAL").get("/v1/offers/NOPE00000000:0001/price")
                .then().statusCode(404).body("code", equalTo("not-found"));
        admin().queryParam("term", "P1M").queryParam("billing", "MONTHLY").get("/v1/offers/" + noMonthly + "/price")
                .then().statusCode(422).body("code", equalTo("plan-not-available")).body("rule", equalTo("R-A3"));
        admin().queryParam("term", "P1M").queryParam("billing", "ANNUAL").get("/v1/offers/" + e3 + "/price")
                .then().statusCode(422).body("code", equalTo("plan-not-available")).body("rule", equalTo("R-A2"));
        // before the first price list entry there is no price
        admin().queryParam("term", "P1Y").queryParam("billing", "ANNUAL").queryParam("at", "2021-12-31")
                .get("/v1/offers/" + e3 + "/price").then().statusCode(422).body("code", equalTo("plan-not-available"));
    }

    @Test
    void price_quotes_answer_every_item_in_request_order_with_the_same_function() {
        String body = """
                {"items":[
                  {"offerId":"%1$s","term":"P1M","billing":"MONTHLY","at":"2025-04-01","currency":"USD"},
                  {"offerId":"%2$s","term":"P1Y","billing":"ANNUAL","at":"2023-01-01T12:00:00Z","currency":"AUD"},
                  {"offerId":"%1$s","term":"P1Y","billing":"MONTHLY","at":"2025-04-01","currency":"JPY"},
                  {"offerId":"%1$s","at":"2026-06-01","currency":"USD","extendedServiceTerm":true},
                  {"offerId":"%1$s","term":"P3Y","billing":"TRIENNIAL","at":"2025-04-01"}
                ]}""".formatted(e3, noMonthly);
        admin().contentType(ContentType.JSON).body(body).post("/v1/price-quotes").then().statusCode(200)
                .body("items", hasSize(5))
                .body("items.unitPrice", contains("43.20", "57.00", "4568", "44.50", "34.00"))
                .body("items.currency", contains("USD", "USD", "JPY", "USD", "USD"))
                .body("items.offerId", contains(e3, noMonthly, e3, e3, e3))
                .body("items[3].extendedServiceTerm", equalTo(true))
                .body("items[1].at", equalTo("2023-01-01T12:00:00Z"))
                .body("items[1].offerName", equalTo("Microsoft 365 E5 (no monthly term)"));
    }

    @Test
    void price_quotes_refuse_with_the_item_named_and_an_idempotency_key_replays() {
        String ok = "{\"offerId\":\"" + e3 + "\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\",\"at\":\"2025-04-01\"}";
        admin().contentType(ContentType.JSON).body("{\"items\":[" + ok + ",{\"offerId\":\"" + e3 + "\",\"term\":\"P9Y\"}]}")
                .post("/v1/price-quotes").then().statusCode(400).body("field", equalTo("items[1].term"));
        admin().contentType(ContentType.JSON).body("{\"items\":[" + ok + ",{\"offerId\":\"" + e3 + "\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\",\"at\":\"soon\"}]}")
                .post("/v1/price-quotes").then().statusCode(400).body("field", equalTo("items[1].at"));
        admin().contentType(ContentType.JSON).body("{\"items\":[" + ok + ",{\"offerId\":\"NOPE00000000:0001\",\"term\":\"P1Y\",\"billing\":\"ANNUAL\"}]}")
                .post("/v1/price-quotes").then().statusCode(404).body("code", equalTo("not-found"))
                .body("field", equalTo("items[1].offerId"));
        admin().contentType(ContentType.JSON).body("{\"items\":[" + ok + ",{\"offerId\":\"" + noMonthly + "\",\"term\":\"P1M\",\"billing\":\"MONTHLY\"}]}")
                .post("/v1/price-quotes").then().statusCode(422).body("code", equalTo("plan-not-available"))
                .body("field", equalTo("items[1]")).body("detail", containsString("items[1]"));
        admin().contentType(ContentType.JSON).body("{\"items\":[]}").post("/v1/price-quotes").then().statusCode(400)
                .body("field", equalTo("items"));
        String key = UUID.randomUUID().toString();
        String first = admin().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"items\":[" + ok + "]}")
                .post("/v1/price-quotes").then().statusCode(200).extract().asString();
        admin().header("Idempotency-Key", key).contentType(ContentType.JSON).body("{\"items\":[" + ok + "]}")
                .post("/v1/price-quotes").then().statusCode(200).body(equalTo(first));
    }
}
