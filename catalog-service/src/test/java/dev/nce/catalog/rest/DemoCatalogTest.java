package dev.nce.catalog.rest;

import static dev.nce.catalog.CatalogApi.admin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nce.catalog.CatalogTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The demo catalog of ./nce up (stack/src/main/resources/demo-catalog.json) loads through the public API exactly as
 * the launcher loads it, in file order, and resolves to the seed prices (S003, R-A4, R-A8, D17).
 */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class DemoCatalogTest {

    static final Path FILE = Path.of("../stack/src/main/resources/demo-catalog.json");
    static final String M365_E3 = "CFQ7TTC0LFLX:0001";
    static final String BUSINESS_BASIC = "CFQ7TTC0LH18:0001";
    static final String BUSINESS_STANDARD = "CFQ7TTC0LDPB:0001";
    static final String BUSINESS_PREMIUM = "CFQ7TTC0LCHC:0002";
    static boolean loaded;
    static List<Integer> firstLoadStatuses = new ArrayList<>();

    @BeforeEach
    void load() throws Exception {
        if (loaded) {
            return;
        }
        JsonNode doc = new ObjectMapper().readTree(FILE.toFile());
        for (JsonNode offer : doc.path("offers")) {
            firstLoadStatuses.add(admin().contentType(ContentType.JSON).body(offer.toString())
                    .put("/v1/offers/" + offer.path("offerId").asText()).then().extract().statusCode());
        }
        for (JsonNode rate : doc.path("fxRates")) {
            admin().contentType(ContentType.JSON)
                    .body("{\"rate\":\"" + rate.path("rate").asText() + "\",\"effectiveFrom\":\"" + rate.path("effectiveFrom").asText() + "\"}")
                    .put("/v1/fx-rates/" + rate.path("currency").asText()).then().statusCode(201);
        }
        loaded = true;
    }

    @Test
    void the_demo_promotion_loads_and_is_acquirable_in_february_2022_only() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(FILE.toFile());
        assertThat(doc.path("promotions").size()).isEqualTo(1);
        for (JsonNode promotion : doc.path("promotions")) {
            com.fasterxml.jackson.databind.node.ObjectNode body = promotion.deepCopy();
            body.remove("promotionId");
            admin().contentType(ContentType.JSON).body(body.toString())
                    .put("/v1/promotions/" + promotion.path("promotionId").asText()).then().statusCode(201);
        }
        // R-K7 (S003 BEMO): acquirable in February 2022, discount on invoices until 2022-06-30
        admin().get("/v1/promotions?offerId=CFQ7TTC0LDPB:0001&at=2022-02-14").then().statusCode(200)
                .body("items.promotionId", equalTo(java.util.List.of("BEMO-FEB22")))
                .body("items[0].discountUntil", equalTo("2022-06-30"));
        admin().get("/v1/promotions?offerId=CFQ7TTC0LDPB:0001&at=2022-03-01").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
    }

    @Test
    void every_offer_loads_with_201_and_a_second_load_changes_nothing() throws Exception {
        JsonNode doc = new ObjectMapper().readTree(FILE.toFile());
        assertThat(firstLoadStatuses).hasSize(doc.path("offers").size()).hasSizeGreaterThanOrEqualTo(13).containsOnly(201);
        for (JsonNode offer : doc.path("offers")) {
            admin().contentType(ContentType.JSON).body(offer.toString()).put("/v1/offers/" + offer.path("offerId").asText())
                    .then().statusCode(200).body("version", equalTo(1));
        }
    }

    @ParameterizedTest(name = "{0} {1}/{2} at {3} in {4} = {5} {6}")
    @CsvSource({
            // S001 worked values on M365 E3 with B = 36 (R-A4)
            "CFQ7TTC0LFLX:0001, P1Y, MONTHLY, 2025-04-01, USD, USD, 37.80",
            "CFQ7TTC0LFLX:0001, P1Y, MONTHLY, 2025-03-31, USD, USD, 36.00",
            "CFQ7TTC0LFLX:0001, P1M, MONTHLY, 2025-04-01, USD, USD, 43.20",
            // S003's table before the R-A8 step: 32 -> 38.40 monthly; from 2022-03-01 B = 36
            "CFQ7TTC0LFLX:0001, P1M, MONTHLY, 2022-02-15, USD, USD, 38.40",
            "CFQ7TTC0LFLX:0001, P1Y, ANNUAL,  2022-03-01, USD, USD, 36.00",
            "CFQ7TTC0LFLX:0001, P1Y, ANNUAL,  2022-03-01, AUD, AUD, 54.00",
            "CFQ7TTC0LFLX:0001, P1Y, MONTHLY, 2025-04-01, JPY, JPY, 4725",
            "CFQ7TTC0LFLX:0001, P1Y, ANNUAL,  2022-03-01, EUR, USD, 36.00",
            // Business Standard 12.50: 15.00 monthly term (S003), 13.13 P1Y/MONTHLY (D2)
            "CFQ7TTC0LDPB:0001, P1M, MONTHLY, 2022-02-01, USD, USD, 15.00",
            "CFQ7TTC0LDPB:0001, P1Y, MONTHLY, 2025-04-01, USD, USD, 13.13",
            // Business Premium 20 -> 22, Business Basic 5 -> 6 (R-A8)
            "CFQ7TTC0LCHC:0002, P1M, MONTHLY, 2022-02-01, USD, USD, 24.00",
            "CFQ7TTC0LCHC:0002, P1M, MONTHLY, 2022-03-01, USD, USD, 26.40",
            "CFQ7TTC0LH18:0001, P1Y, ANNUAL,  2022-02-28, USD, USD, 5.00",
            "CFQ7TTC0LH18:0001, P1Y, ANNUAL,  2022-03-01, USD, USD, 6.00",
            // Office 365 E3 20 -> 23, E5 35 -> 38
            "CFQ7TTC0LF8Q:0001, P1M, MONTHLY, 2022-02-01, USD, USD, 24.00",
            "CFQ7TTC0LF8Q:0001, P1Y, ANNUAL,  2022-03-01, USD, USD, 23.00",
            "CFQ7TTC0LF8S:0001, P1M, MONTHLY, 2022-02-01, USD, USD, 42.00",
            // Dynamics 365 with P3Y plans: B3 over three years, +5 % on monthly billing from 2025-04-01
            "DEMOD365SALESENT:0001, P3Y, TRIENNIAL, 2025-04-01, USD, USD, 95.00",
            "DEMOD365SALESENT:0001, P3Y, MONTHLY,   2025-04-01, USD, USD, 99.75",
            "DEMOD365BC3YR:0001,    P3Y, ANNUAL,    2024-01-01, USD, USD, 66.50",
    })
    void resolved_demo_prices(String offerId, String term, String billing, String at, String asked, String currency,
                              String unit) {
        admin().queryParam("term", term).queryParam("billing", billing).queryParam("at", at).queryParam("currency", asked)
                .get("/v1/offers/" + offerId + "/price").then().statusCode(200)
                .body("currency", equalTo(currency)).body("unitPrice", equalTo(unit));
    }

    @Test
    void offer_shapes_the_seeds_ask_for() {
        // R-A3: Visio Plan 2 has no monthly term; its EST price is base + 23 % (D17): 15 x 1.23 = 18.45
        admin().queryParam("term", "P1M").queryParam("billing", "MONTHLY").get("/v1/offers/DEMOVISIOPLAN2:0001/price")
                .then().statusCode(422).body("code", equalTo("plan-not-available"));
        admin().queryParam("extendedServiceTerm", "true").queryParam("at", "2026-05-04")
                .get("/v1/offers/DEMOVISIOPLAN2:0001/price").then().statusCode(200).body("unitPrice", equalTo("18.45"));
        // M365 E3 EST: HALF_UP(43.20 x 1.03) = 44.50
        admin().queryParam("extendedServiceTerm", "true").queryParam("at", "2026-05-04")
                .get("/v1/offers/" + M365_E3 + "/price").then().statusCode(200).body("unitPrice", equalTo("44.50"));
        // R-A9: the three-year-only offer does not renew and takes no mid-term increase
        admin().get("/v1/offers/DEMOD365BC3YR:0001").then().statusCode(200)
                .body("renewable", equalTo(false)).body("midTermIncrease", equalTo(false));
        // D9 cap groups and the Basic -> Standard -> Premium upgrade paths
        admin().get("/v1/offers/" + BUSINESS_BASIC).then().body("capGroup", equalTo("M365_BUSINESS_BASIC"))
                .body("upgradePaths", containsInAnyOrder(BUSINESS_STANDARD, BUSINESS_PREMIUM));
        admin().get("/v1/offers/" + BUSINESS_STANDARD).then().body("upgradePaths", containsInAnyOrder(BUSINESS_PREMIUM));
        admin().get("/v1/offers/CFQ7TTC0LF8Q:0001").then().body("name", equalTo("Office 365 E3"))
                .body("upgradePaths", containsInAnyOrder("CFQ7TTC0LF8S:0001", M365_E3));
        admin().get("/v1/offers/" + M365_E3).then().body("upgradePaths", containsInAnyOrder("CFQ7TTC0LFLZ:0001"));
        admin().queryParam("productFamily", "Microsoft 365 Business").get("/v1/offers").then().body("totalCount", equalTo(3));
    }

    @Test
    void fx_rates_for_usd_priced_customers_paying_in_eur_gbp_cad() {
        admin().queryParam("currency", "EUR").queryParam("at", "2022-03-15").get("/v1/fx-rates").then().statusCode(200)
                .body("rate", equalTo("0.91")).body("effectiveFrom", equalTo("2022-03-01"));
        admin().queryParam("currency", "GBP").queryParam("at", "2022-01-01").get("/v1/fx-rates").then().body("rate", equalTo("0.74"));
        admin().queryParam("currency", "CAD").queryParam("at", "2026-02-01").get("/v1/fx-rates").then().body("rate", equalTo("1.39"));
    }
}
