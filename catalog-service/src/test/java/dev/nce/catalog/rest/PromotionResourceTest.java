package dev.nce.catalog.rest;

import static dev.nce.catalog.CatalogApi.admin;
import static dev.nce.catalog.CatalogApi.createE3;
import static dev.nce.catalog.CatalogApi.customer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.catalog.CatalogTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API.md promotions (R-K1, R-K2, R-K7). */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class PromotionResourceTest {

    static String e3;
    static final String BODY = """
            {"name":"BEMO NCE launch","offerIds":["%s"],"plans":[{"term":"P1M","billing":"MONTHLY"}],
             "discount":{"type":"FIXED","value":"6.40"},"minSeats":1,"maxSeats":300,
             "acquireFrom":"2022-02-01","acquireUntil":"2022-02-28","discountUntil":"2022-06-30","autoApply":true}
            """;

    @BeforeEach
    void offer() {
        if (e3 == null) {
            e3 = createE3();
        }
    }

    static String newId() {
        return "PROMO-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Response put(String id, String body) {
        return admin().contentType(ContentType.JSON).body(body).put("/v1/promotions/" + id);
    }

    @Test
    void put_creates_201_replaces_200_get_answers_every_field() {
        String id = newId();
        put(id, BODY.formatted(e3)).then().statusCode(201)
                .body("promotionId", equalTo(id)).body("name", equalTo("BEMO NCE launch"))
                .body("offerIds", contains(e3)).body("plans[0].term", equalTo("P1M"))
                .body("discount.type", equalTo("FIXED")).body("discount.value", equalTo("6.40"))
                .body("minSeats", equalTo(1)).body("maxSeats", equalTo(300))
                .body("acquireFrom", equalTo("2022-02-01")).body("acquireUntil", equalTo("2022-02-28"))
                .body("discountUntil", equalTo("2022-06-30")).body("autoApply", equalTo(true))
                .body("version", equalTo(1));
        put(id, BODY.formatted(e3)).then().statusCode(200).body("version", equalTo(1));
        put(id, BODY.formatted(e3).replace("\"FIXED\",\"value\":\"6.40\"", "\"PERCENT\",\"value\":\"16.6667\""))
                .then().statusCode(200).body("version", equalTo(2)).body("discount.value", equalTo("16.6667"));
        customer().get("/v1/promotions/" + id).then().statusCode(200).body("discount.type", equalTo("PERCENT"));
    }

    @Test
    void list_by_offer_and_acquirable_at() {
        String id = newId();
        put(id, BODY.formatted(e3).replace(",\"discountUntil\":\"2022-06-30\"", "")).then().statusCode(201)
                .body("discountUntil", nullValue());
        admin().queryParam("offerId", e3).get("/v1/promotions").then().statusCode(200)
                .body("items.findAll { it.promotionId == '" + id + "' }.size()", equalTo(1));
        admin().queryParam("offerId", e3).queryParam("at", "2022-02-28T23:59:59Z").get("/v1/promotions")
                .then().body("items.findAll { it.promotionId == '" + id + "' }.size()", equalTo(1));
        admin().queryParam("offerId", e3).queryParam("at", "2022-03-01").get("/v1/promotions")
                .then().body("items.findAll { it.promotionId == '" + id + "' }.size()", equalTo(0));
        admin().queryParam("offerId", "NOPE00000000:0001").get("/v1/promotions").then().body("totalCount", equalTo(0));
        admin().queryParam("at", "soon").get("/v1/promotions").then().statusCode(400).body("field", equalTo("at"));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "percent above 100   | 400 | discount.value | \"FIXED\",\"value\":\"6.40\" | \"PERCENT\",\"value\":\"101\"",
            "amount as a number  | 400 | discount.value | \"value\":\"6.40\"           | \"value\":6.40",
            "unknown type        | 400 | discount.type  | \"FIXED\"                    | \"FLAT\"",
            "bad date            | 400 | acquireFrom    | \"2022-02-01\"               | \"Feb 1\"",
            "until before from   | 400 | acquireUntil   | \"2022-02-28\"               | \"2022-01-28\"",
            "max below min       | 400 | maxSeats       | \"maxSeats\":300             | \"maxSeats\":0",
            "unknown offer       | 404 | offerIds[0]    | \"offerIds\":[\"             | \"offerIds\":[\"NOPE00000000:0001\",\"",
            "plan not sold       | 422 | plans[0]       | {\"term\":\"P1M\",\"billing\":\"MONTHLY\"} | {\"term\":\"P1Y\",\"billing\":\"TRIENNIAL\"}",
    })
    void bad_promotions_are_refused_and_change_nothing(String what, int status, String field, String from, String to) {
        String id = newId();
        put(id, BODY.formatted(e3).replace(from, to)).then().statusCode(status).contentType("application/problem+json")
                .body("field", equalTo(field));
        admin().get("/v1/promotions/" + id).then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void roles_and_ids() {
        customer().contentType(ContentType.JSON).body(BODY.formatted(e3)).put("/v1/promotions/" + newId())
                .then().statusCode(403);
        admin().get("/v1/promotions/not a promotion").then().statusCode(404);
        admin().get("/v1/promotions/PROMO-unknown").then().statusCode(404);
    }
}
