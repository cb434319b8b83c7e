package dev.nce.catalog.rest;

import static dev.nce.catalog.CatalogApi.admin;
import static dev.nce.catalog.CatalogApi.createE3;
import static dev.nce.catalog.CatalogApi.customer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.catalog.CatalogApi;
import dev.nce.catalog.CatalogTestDatabase;
import dev.nce.catalog.domain.ShippedUpliftTiers;
import dev.nce.contracts.catalog.UpliftTier;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.nce.kit.clock.PlatformClock;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class UpliftTierResourceTest {

    static String tier(String kind, String term, String billing, String basis, String percent, String from) {
        return """
                {"kind":%s,"term":%s,"billing":%s,"basis":%s,"percent":%s,"effectiveFrom":%s}
                """.formatted(q(kind), q(term), q(billing), q(basis), q(percent), q(from));
    }

    static String q(String value) {
        return value == null || value.isEmpty() ? "null" : "\"" + value + "\"";
    }

    /** The Flyway migration ships exactly the defaults of API.md (R-A4, R-F4). */
    @Test
    void the_shipped_defaults_are_listed() {
        List<Map<String, Object>> items = customer().queryParam("limit", 1000).get("/v1/uplift-tiers").then()
                .statusCode(200).extract().jsonPath().getList("items");
        for (UpliftTier shipped : ShippedUpliftTiers.DEFAULTS) {
            assertThat(items).anySatisfy(item -> {
                assertThat(item.get("kind")).isEqualTo(shipped.kind().name());
                assertThat(item.get("term")).isEqualTo(shipped.term() == null ? null : shipped.term().name());
                assertThat(item.get("billing")).isEqualTo(shipped.billing() == null ? null : shipped.billing().name());
                assertThat(item.get("basis")).isEqualTo(shipped.basis().name());
                assertThat(new BigDecimal((String) item.get("percent"))).isEqualByComparingTo(shipped.percent());
                assertThat(item.get("effectiveFrom")).isEqualTo(shipped.effectiveFrom().toString());
            });
        }
        admin().get("/v1/uplift-tiers").then().body("items[0].kind", equalTo("STANDARD"))
                .body("items[0].term", equalTo("P1M")).body("items[0].percent", equalTo("20"))
                .body("items[0].effectiveFrom", equalTo("2022-01-10"));
    }

    @Test
    void a_new_future_tier_is_201_applies_from_its_date_and_a_repeat_replaces_it_200() {
        String e3 = createE3();
        String from = "2031-0" + (1 + (int) (Math.random() * 9)) + "-01";
        admin().contentType(ContentType.JSON).body(tier("STANDARD", "P1Y", "ANNUAL", "BASE", "2.5", from))
                .post("/v1/uplift-tiers").then().statusCode(201).body("percent", equalTo("2.5"))
                .body("effectiveFrom", equalTo(from));
        // 36 x 1.025 = 36.90 from the tier's date, 36.00 the day before
        price(e3, LocalDate.parse(from).minusDays(1).toString()).then().body("unitPrice", equalTo("36.00"));
        price(e3, from).then().body("unitPrice", equalTo("36.90")).body("upliftPercent", equalTo("2.5"));
        admin().contentType(ContentType.JSON).body(tier("STANDARD", "P1Y", "ANNUAL", "BASE", "3", from))
                .post("/v1/uplift-tiers").then().statusCode(200).body("percent", equalTo("3"));
        price(e3, from).then().body("unitPrice", equalTo("37.08"));
    }

    private static io.restassured.response.Response price(String offerId, String at) {
        return admin().queryParam("term", "P1Y").queryParam("billing", "ANNUAL").queryParam("at", at)
                .get("/v1/offers/" + offerId + "/price");
    }

    @Inject
    PlatformClock clock;

    @Test
    void a_tier_in_effect_cannot_be_added_or_changed_409() {
        LocalDate today = CatalogApi.now().atZone(ZoneOffset.UTC).toLocalDate();
        admin().contentType(ContentType.JSON).body(tier("STANDARD", "P3Y", "ANNUAL", "BASE", "1", today.toString()))
                .post("/v1/uplift-tiers").then().statusCode(409).body("code", equalTo("invalid-state"))
                .body("field", equalTo("effectiveFrom"));
        admin().contentType(ContentType.JSON).body(tier("STANDARD", "P3Y", "ANNUAL", "BASE", "1", "2021-06-01"))
                .post("/v1/uplift-tiers").then().statusCode(409).body("code", equalTo("invalid-state"));
        // a tier added for the future becomes history once the catalog's clock passes its date
        String from = "2029-0" + (1 + (int) (Math.random() * 9)) + "-0" + (1 + (int) (Math.random() * 9));
        admin().contentType(ContentType.JSON).body(tier("STANDARD", "P3Y", "ANNUAL", "BASE", "1", from))
                .post("/v1/uplift-tiers").then().statusCode(201);
        clock.moveTo(LocalDate.parse(from).atStartOfDay(ZoneOffset.UTC).toInstant());
        admin().contentType(ContentType.JSON).body(tier("STANDARD", "P3Y", "ANNUAL", "BASE", "2", from))
                .post("/v1/uplift-tiers").then().statusCode(409).body("code", equalTo("invalid-state"));
        // repeating a tier in effect with the same percent is no change
        admin().contentType(ContentType.JSON).body(tier("STANDARD", "P3Y", "ANNUAL", "BASE", "1.00", from))
                .post("/v1/uplift-tiers").then().statusCode(200).body("percent", equalTo("1"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "unknown kind        | {\"kind\":\"SPECIAL\",\"term\":\"P1M\",\"billing\":\"MONTHLY\",\"basis\":\"BASE\",\"percent\":\"1\",\"effectiveFrom\":\"2031-01-01\"} | 400 | kind",
            "percent as number   | {\"kind\":\"STANDARD\",\"term\":\"P1M\",\"billing\":\"MONTHLY\",\"basis\":\"BASE\",\"percent\":1,\"effectiveFrom\":\"2031-01-01\"} | 400 | percent",
            "negative percent    | {\"kind\":\"STANDARD\",\"term\":\"P1M\",\"billing\":\"MONTHLY\",\"basis\":\"BASE\",\"percent\":\"-1\",\"effectiveFrom\":\"2031-01-01\"} | 400 | percent",
            "bad date            | {\"kind\":\"STANDARD\",\"term\":\"P1M\",\"billing\":\"MONTHLY\",\"basis\":\"BASE\",\"percent\":\"1\",\"effectiveFrom\":\"01/01/2031\"} | 400 | effectiveFrom",
            "missing basis       | {\"kind\":\"STANDARD\",\"term\":\"P1M\",\"billing\":\"MONTHLY\",\"percent\":\"1\",\"effectiveFrom\":\"2031-01-01\"} | 400 | basis",
            "EST with a term     | {\"kind\":\"EXTENDED_SERVICE_TERM\",\"term\":\"P1M\",\"billing\":null,\"basis\":\"P1M_RATE\",\"percent\":\"1\",\"effectiveFrom\":\"2031-01-01\"} | 400 | term",
            "never-valid plan    | {\"kind\":\"STANDARD\",\"term\":\"P1M\",\"billing\":\"ANNUAL\",\"basis\":\"BASE\",\"percent\":\"1\",\"effectiveFrom\":\"2031-01-01\"} | 422 | term",
    })
    void bad_tiers_are_refused(String what, String body, int status, String field) {
        int before = admin().get("/v1/uplift-tiers").then().extract().path("totalCount");
        admin().contentType(ContentType.JSON).body(body).post("/v1/uplift-tiers").then().statusCode(status)
                .contentType("application/problem+json").body("field", equalTo(field));
        admin().get("/v1/uplift-tiers").then().body("totalCount", equalTo(before));
    }

    @Test
    void only_partner_admin_writes_and_idempotency_key_replays() {
        customer().contentType(ContentType.JSON).body(tier("STANDARD", "P1M", "MONTHLY", "BASE", "1", "2032-01-01"))
                .post("/v1/uplift-tiers").then().statusCode(403).body("code", equalTo("forbidden"));
        String key = UUID.randomUUID().toString();
        String body = tier("STANDARD", "P3Y", "TRIENNIAL", "BASE", "1", "2032-0" + (1 + (int) (Math.random() * 9)) + "-15");
        admin().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/v1/uplift-tiers")
                .then().statusCode(201);
        // the replay answers the first answer (201), not the 200 a fresh POST of the same key would give
        admin().header("Idempotency-Key", key).contentType(ContentType.JSON).body(body).post("/v1/uplift-tiers")
                .then().statusCode(201);
        admin().contentType(ContentType.JSON).body(body).post("/v1/uplift-tiers").then().statusCode(200);
    }
}
