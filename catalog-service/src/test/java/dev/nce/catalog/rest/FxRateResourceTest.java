package dev.nce.catalog.rest;

import static dev.nce.catalog.CatalogApi.admin;
import static dev.nce.catalog.CatalogApi.customer;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import dev.nce.catalog.CatalogTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API.md FX rates: effective-dated, the rate in force at an instant (D13). */
@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class FxRateResourceTest {

    static Response putRate(String currency, String rate, String from) {
        return admin().contentType(ContentType.JSON)
                .body("{\"rate\":\"" + rate + "\",\"effectiveFrom\":\"" + from + "\"}").put("/v1/fx-rates/" + currency);
    }

    @Test
    void rates_are_added_replaced_and_answered_in_force_at_an_instant() {
        putRate("CHF", "0.9300", "2022-01-01").then().statusCode(201)
                .body("currency", equalTo("CHF")).body("rate", equalTo("0.93")).body("effectiveFrom", equalTo("2022-01-01"));
        putRate("CHF", "0.91", "2022-03-01").then().statusCode(201);
        putRate("CHF", "0.915", "2022-03-01").then().statusCode(200).body("rate", equalTo("0.915"));
        putRate("CHF", "0.915", "2022-03-01").then().statusCode(200);
        rateAt("CHF", "2022-02-28T23:59:59Z").then().statusCode(200).body("rate", equalTo("0.93"))
                .body("effectiveFrom", equalTo("2022-01-01"));
        rateAt("CHF", "2022-03-01").then().statusCode(200).body("rate", equalTo("0.915"))
                .body("effectiveFrom", equalTo("2022-03-01"));
        rateAt("CHF", "2030-01-01").then().body("rate", equalTo("0.915"));
        // a rate is never guessed before the first one
        rateAt("CHF", "2021-12-31").then().statusCode(404).body("code", equalTo("not-found"));
        customer().queryParam("currency", "CHF").get("/v1/fx-rates").then().statusCode(200)
                .body("totalCount", equalTo(2)).body("items.effectiveFrom", contains("2022-01-01", "2022-03-01"))
                .body("items.rate", contains("0.93", "0.915"));
    }

    @Test
    void all_rates_ordered_by_currency_then_date_and_each_in_force_at_a_date() {
        putRate("SEK", "10.5", "2022-01-01").then().statusCode(201);
        putRate("NOK", "8.8", "2022-01-01").then().statusCode(201);
        putRate("NOK", "9.1", "2023-01-01").then().statusCode(201);
        admin().get("/v1/fx-rates").then().statusCode(200)
                .body("items.currency", hasItems("NOK", "SEK"));
        java.util.List<String> currencies = admin().get("/v1/fx-rates").then().extract().path("items.currency");
        org.assertj.core.api.Assertions.assertThat(currencies).isSorted();
        admin().queryParam("at", "2022-06-01").get("/v1/fx-rates").then().statusCode(200)
                .body("items.findAll { it.currency == 'NOK' }.rate", contains("8.8"));
    }

    static Response rateAt(String currency, String at) {
        return admin().queryParam("currency", currency).queryParam("at", at).get("/v1/fx-rates");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> 400 {3}")
    @CsvSource(delimiter = '|', value = {
            "USD  | \"1\"     | \"2022-01-01\"           | currency",
            "EURO | \"1\"     | \"2022-01-01\"           | currency",
            "eur  | \"1\"     | \"2022-01-01\"           | currency",
            "ZAR  | \"0\"     | \"2022-01-01\"           | rate",
            "ZAR  | \"-0.9\"  | \"2022-01-01\"           | rate",
            "ZAR  | 0.9       | \"2022-01-01\"           | rate",
            "ZAR  | \"0.9\"   | \"2022-01-01T00:00:00Z\" | effectiveFrom",
            "ZAR  | \"0.9\"   | null                     | effectiveFrom",
    })
    void bad_rates_are_refused(String currency, String rate, String from, String field) {
        admin().contentType(ContentType.JSON).body("{\"rate\":" + rate + ",\"effectiveFrom\":" + from + "}")
                .put("/v1/fx-rates/" + currency).then().statusCode(400).body("code", equalTo("validation-failed"))
                .body("field", equalTo(field));
        rateAt("ZAR", "2100-01-01").then().statusCode(404);
    }

    @Test
    void bad_query_values_and_roles() {
        admin().queryParam("currency", "CHF").queryParam("at", "someday").get("/v1/fx-rates").then().statusCode(400)
                .body("field", equalTo("at"));
        admin().queryParam("currency", "XX").get("/v1/fx-rates").then().statusCode(400).body("field", equalTo("currency"));
        customer().contentType(ContentType.JSON).body("{\"rate\":\"1.1\",\"effectiveFrom\":\"2022-01-01\"}")
                .put("/v1/fx-rates/GBP").then().statusCode(403);
    }
}
