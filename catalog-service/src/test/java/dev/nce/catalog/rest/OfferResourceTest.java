package dev.nce.catalog.rest;

import static dev.nce.catalog.CatalogApi.admin;
import static dev.nce.catalog.CatalogApi.createE3;
import static dev.nce.catalog.CatalogApi.customer;
import static dev.nce.catalog.CatalogApi.e3Body;
import static dev.nce.catalog.CatalogApi.newOfferId;
import static dev.nce.catalog.CatalogApi.put;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.catalog.CatalogApi;
import dev.nce.catalog.CatalogTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@QuarkusTest
@QuarkusTestResource(CatalogTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class OfferResourceTest {

    static final String PREMIUM_BODY = """
            {"offerId": "%s", "name": "Microsoft 365 Business Premium", "productFamily": "Microsoft 365 Business",
             "plans": [{"term":"P1M","billing":"MONTHLY"},{"term":"P1Y","billing":"ANNUAL"}],
             "prices": [{"effectiveFrom":"2022-01-01","currency":"USD","basePrice":"20","planPrices":[{"term":"P1M","billing":"MONTHLY","unitPrice":"24.00"}]}],
             "capGroup": "M365_BUSINESS_PREMIUM", "renewable": true, "midTermIncrease": true, "trialAvailable": true,
             "upgradePaths": []}
            """;

    @Test
    void put_creates_201_then_replaces_200_and_get_answers_every_field() {
        String id = newOfferId();
        put(id, PREMIUM_BODY.formatted(id)).then().statusCode(201)
                .body("offerId", equalTo(id))
                .body("name", equalTo("Microsoft 365 Business Premium"))
                .body("productFamily", equalTo("Microsoft 365 Business"))
                .body("plans", hasSize(2))
                .body("plans[0].term", equalTo("P1M")).body("plans[0].billing", equalTo("MONTHLY"))
                .body("prices[0].effectiveFrom", equalTo("2022-01-01"))
                .body("prices[0].basePrice", equalTo("20.00"))
                .body("prices[0].p3yBasePrice", nullValue())
                .body("prices[0].planPrices[0].unitPrice", equalTo("24.00"))
                .body("capGroup", equalTo("M365_BUSINESS_PREMIUM"))
                .body("renewable", equalTo(true)).body("midTermIncrease", equalTo(true))
                .body("trialAvailable", equalTo(true))
                .body("upgradePaths", hasSize(0))
                .body("version", equalTo(1))
                .body("createdAt", notNullValue()).body("updatedAt", notNullValue());
        put(id, PREMIUM_BODY.formatted(id).replace("Microsoft 365 Business Premium", "M365 Business Premium"))
                .then().statusCode(200).body("version", equalTo(2)).body("name", equalTo("M365 Business Premium"));
        customer().get("/v1/offers/" + id).then().statusCode(200)
                .body("name", equalTo("M365 Business Premium")).body("version", equalTo(2));
    }

    @Test
    void defaults_renewable_and_mid_term_increase_true_trial_false_cap_group_null() {
        String id = newOfferId();
        put(id, """
                {"name":"Visio Plan 2","productFamily":"Visio","plans":[{"term":"P1Y","billing":"ANNUAL"}],
                 "prices":[{"effectiveFrom":"2022-01-01","currency":"USD","basePrice":"15"}]}
                """).then().statusCode(201)
                .body("renewable", equalTo(true)).body("midTermIncrease", equalTo(true))
                .body("trialAvailable", equalTo(false)).body("capGroup", nullValue())
                .body("upgradePaths", hasSize(0));
    }

    @Test
    void an_identical_put_changes_nothing_and_a_get_answer_can_be_put_back() {
        String id = createE3();
        // same content, amounts written differently
        put(id, e3Body("Microsoft 365 E3 " + id).replace("\"36.00\"", "\"36\"")).then().statusCode(200).body("version", equalTo(1));
        String answer = admin().get("/v1/offers/" + id).then().statusCode(200).extract().asString();
        put(id, answer).then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void a_stale_version_is_409_concurrent_modification() {
        String id = createE3();
        put(id, e3Body("renamed").replace("\"trialAvailable\": true", "\"trialAvailable\": true, \"version\": 1"))
                .then().statusCode(200).body("version", equalTo(2));
        put(id, e3Body("renamed again").replace("\"trialAvailable\": true", "\"trialAvailable\": true, \"version\": 1"))
                .then().statusCode(409).body("code", equalTo("concurrent-modification"));
        admin().get("/v1/offers/" + id).then().body("name", equalTo("renamed"));
    }

    @Test
    void list_filters_by_family_and_q_orders_by_offer_id_and_pages() {
        String family = "Family " + newOfferId();
        List<String> ids = List.of("ZZA" + newOfferId().substring(3), "ZZB" + newOfferId().substring(3), "ZZC" + newOfferId().substring(3));
        for (int i = ids.size() - 1; i >= 0; i--) {
            String id = ids.get(i);
            put(id, """
                    {"name":"Teams Phone Standard %s","productFamily":"%s","plans":[{"term":"P1Y","billing":"ANNUAL"}],
                     "prices":[{"effectiveFrom":"2022-01-01","currency":"USD","basePrice":"8"}]}
                    """.formatted(id, family)).then().statusCode(201);
        }
        customer().queryParam("productFamily", family).get("/v1/offers").then().statusCode(200)
                .body("totalCount", equalTo(3)).body("items.offerId", contains(ids.toArray()));
        admin().queryParam("productFamily", family).queryParam("limit", 2).queryParam("offset", 1).get("/v1/offers")
                .then().body("totalCount", equalTo(3)).body("items.offerId", contains(ids.get(1), ids.get(2)));
        // q: case-insensitive substring of the name or the offer id
        admin().queryParam("q", ids.get(1).substring(0, 8).toLowerCase()).get("/v1/offers")
                .then().body("totalCount", equalTo(1)).body("items[0].offerId", equalTo(ids.get(1)));
        admin().queryParam("q", "teams phone standard " + ids.get(2).toLowerCase()).get("/v1/offers")
                .then().body("totalCount", equalTo(1));
    }

    @ParameterizedTest(name = "limit={0} offset={1} -> 400 {2}")
    @CsvSource({"0, 0, limit", "1001, 0, limit", "x, 0, limit", "10, -1, offset"})
    void paging_out_of_range_is_400(String limit, String offset, String field) {
        admin().queryParam("limit", limit).queryParam("offset", offset).get("/v1/offers").then().statusCode(400)
                .body("code", equalTo("validation-failed")).body("field", equalTo(field));
    }

    @Test
    void unknown_and_malformed_offer_ids_are_404() {
        admin().get("/v1/offers/NOPE0000:0001").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("not-found"));
        admin().get("/v1/offers/not-an-id").then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void auth_no_token_401_forged_401_customer_write_403() {
        String id = newOfferId();
        given().get("/v1/offers").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearer(TestTokens.forged())).get("/v1/offers").then().statusCode(401);
        customer().contentType(ContentType.JSON).body(PREMIUM_BODY.formatted(id)).put("/v1/offers/" + id)
                .then().statusCode(403).body("code", equalTo("forbidden"));
        admin().get("/v1/offers/" + id).then().statusCode(404);
    }

    /** Item 7 of the issue: every field validated with a clear problem+json; a refused write changes nothing. */
    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "negative price                 | 400 | prices[0].basePrice           | \"basePrice\":\"20\"              | \"basePrice\":\"-20\"",
            "five decimals                  | 400 | prices[0].basePrice           | \"basePrice\":\"20\"              | \"basePrice\":\"20.00001\"",
            "price as a JSON number         | 400 | prices[0].basePrice           | \"basePrice\":\"20\"              | \"basePrice\":20",
            "unknown term                   | 400 | plans[0].term                 | {\"term\":\"P1M\"                 | {\"term\":\"P2M\"",
            "lower-case enum                | 400 | plans[1].billing              | \"billing\":\"ANNUAL\"}]          | \"billing\":\"annual\"}]",
            "effectiveFrom not a date       | 400 | prices[0].effectiveFrom       | \"2022-01-01\"                    | \"2022-13-01\"",
            "effectiveFrom with a time      | 400 | prices[0].effectiveFrom       | \"2022-01-01\"                    | \"2022-01-01T00:00:00Z\"",
            "effectiveFrom missing          | 400 | prices[0].effectiveFrom       | \"effectiveFrom\":\"2022-01-01\", | ''",
            "unknown currency               | 400 | prices[0].currency            | \"currency\":\"USD\"              | \"currency\":\"XQX\"",
            "plan price for unsold plan     | 400 | prices[0].planPrices[0]       | \"term\":\"P1M\",\"billing\":\"MONTHLY\",\"unitPrice\" | \"term\":\"P1Y\",\"billing\":\"MONTHLY\",\"unitPrice\"",
            "negative plan price            | 400 | prices[0].planPrices[0].unitPrice | \"24.00\"                     | \"-24.00\"",
            "P3Y plan without P3Y price     | 400 | prices[0].p3yBasePrice        | {\"term\":\"P1Y\",\"billing\":\"ANNUAL\"} | {\"term\":\"P1Y\",\"billing\":\"ANNUAL\"},{\"term\":\"P3Y\",\"billing\":\"TRIENNIAL\"}",
            "unknown field                  | 400 | colour                        | \"upgradePaths\": []              | \"upgradePaths\": [], \"colour\": \"red\"",
            "name missing                   | 400 | name                          | \"name\": \"Microsoft 365 Business Premium\", | ''",
            "blank product family           | 400 | productFamily                 | \"Microsoft 365 Business\"        | \"  \"",
            "no plans                       | 400 | plans                         | [{\"term\":\"P1M\",\"billing\":\"MONTHLY\"},{\"term\":\"P1Y\",\"billing\":\"ANNUAL\"}] | []",
            "offerId differs from the path  | 400 | offerId                       | \"offerId\": \"                   | \"offerId\": \"X",
            "upgrade path to itself         | 400 | upgradePaths[0]               | \"upgradePaths\": []              | \"upgradePaths\": [\"SELF\"]",
            "upgrade path to unknown offer  | 404 | upgradePaths[0]               | \"upgradePaths\": []              | \"upgradePaths\": [\"NOPE00000000:0001\"]",
            "never-valid plan P1M/ANNUAL    | 422 | plans[1]                      | {\"term\":\"P1Y\",\"billing\":\"ANNUAL\"} | {\"term\":\"P1M\",\"billing\":\"ANNUAL\"}",
            "never-valid plan P1Y/TRIENNIAL | 422 | plans[1]                      | {\"term\":\"P1Y\",\"billing\":\"ANNUAL\"} | {\"term\":\"P1Y\",\"billing\":\"TRIENNIAL\"}",
    })
    void bad_input_is_refused_with_the_field_and_changes_nothing(String what, int status, String field, String from,
                                                                String to) {
        String id = newOfferId();
        String body = PREMIUM_BODY.formatted(id);
        assertThat(body).contains(from);
        String bad = body.replace(from, to).replace("\"SELF\"", "\"" + id + "\"");
        JsonPath problem = put(id, bad).then().statusCode(status).contentType("application/problem+json")
                .extract().jsonPath();
        assertThat(problem.getString("field")).isEqualTo(field);
        assertThat(problem.getString("code")).isEqualTo(switch (status) {
            case 400 -> "validation-failed";
            case 404 -> "not-found";
            default -> "plan-not-available";
        });
        if (status == 422) {
            assertThat(problem.getString("rule")).isEqualTo("R-A2");
        }
        admin().get("/v1/offers/" + id).then().statusCode(404);
    }

    @Test
    void a_refused_replace_leaves_the_offer_as_it_was() {
        String id = newOfferId();
        put(id, PREMIUM_BODY.formatted(id)).then().statusCode(201);
        put(id, PREMIUM_BODY.formatted(id).replace("\"basePrice\":\"20\"", "\"basePrice\":\"-1\"")
                .replace("Microsoft 365 Business Premium", "changed")).then().statusCode(400);
        admin().get("/v1/offers/" + id).then().body("name", equalTo("Microsoft 365 Business Premium"))
                .body("version", equalTo(1)).body("prices[0].basePrice", equalTo("20.00"));
    }

    @Test
    void the_first_failing_check_answers_403_before_400_and_a_wrong_media_type_is_415() {
        String id = newOfferId();
        customer().contentType(ContentType.JSON).body("{\"name\": ").put("/v1/offers/" + id)
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().contentType(ContentType.JSON).body("{\"name\": ").put("/v1/offers/" + id)
                .then().statusCode(401);
        admin().contentType(ContentType.TEXT).body("name=x").put("/v1/offers/" + id)
                .then().statusCode(415).body("code", equalTo("unsupported-media-type"));
        admin().contentType(ContentType.JSON).body("{\"name\": ").put("/v1/offers/" + id)
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("field", equalTo("body"));
    }

    @Test
    void a_missing_body_is_400() {
        admin().contentType(ContentType.JSON).put("/v1/offers/" + newOfferId()).then().statusCode(400)
                .body("code", equalTo("validation-failed"));
    }

    @Test
    void upgrade_paths_name_existing_offers_and_never_form_a_cycle() {
        String premium = newOfferId();
        String standard = newOfferId();
        put(premium, PREMIUM_BODY.formatted(premium)).then().statusCode(201);
        put(standard, PREMIUM_BODY.formatted(standard).replace("\"upgradePaths\": []", "\"upgradePaths\": [\"" + premium + "\"]"))
                .then().statusCode(201).body("upgradePaths", contains(premium));
        put(premium, PREMIUM_BODY.formatted(premium).replace("\"upgradePaths\": []", "\"upgradePaths\": [\"" + standard + "\"]"))
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("field", equalTo("upgradePaths[0]"))
                .body("detail", containsString(premium + " -> " + standard + " -> " + premium));
        admin().get("/v1/offers/" + premium).then().body("upgradePaths", hasSize(0)).body("version", equalTo(1));
    }

    /** API.md: a PUT may add or change price entries effective after now; an earlier one is 409 invalid-state. */
    @Test
    void price_entries_in_effect_are_history() {
        String id = newOfferId();
        LocalDate today = CatalogApi.now().atZone(ZoneOffset.UTC).toLocalDate();
        LocalDate future = today.plusMonths(2);
        String body = """
                {"name":"Office 365 E1","productFamily":"Office 365","plans":[{"term":"P1Y","billing":"ANNUAL"}],
                 "prices":[{"effectiveFrom":"%s","currency":"USD","basePrice":"8"}%s]}
                """;
        // creating an offer with history is fine (a new catalog is loaded with its past prices)
        put(id, body.formatted(today.minusMonths(1), "")).then().statusCode(201);
        // adding a future entry is fine, changing it again too, removing it too
        put(id, body.formatted(today.minusMonths(1), ",{\"effectiveFrom\":\"" + future + "\",\"currency\":\"USD\",\"basePrice\":\"10\"}"))
                .then().statusCode(200).body("prices", hasSize(2));
        put(id, body.formatted(today.minusMonths(1), ",{\"effectiveFrom\":\"" + future + "\",\"currency\":\"USD\",\"basePrice\":\"11\"}"))
                .then().statusCode(200).body("prices[1].basePrice", equalTo("11.00"));
        // changing the entry in effect is refused
        put(id, body.formatted(today.minusMonths(1), "").replace("\"8\"", "\"9\""))
                .then().statusCode(409).body("code", equalTo("invalid-state")).body("field", equalTo("prices"));
        // removing it (moving its date) is refused
        put(id, body.formatted(today.plusDays(1), "")).then().statusCode(409).body("code", equalTo("invalid-state"));
        // back-dating a new entry is refused
        put(id, body.formatted(today.minusMonths(1), ",{\"effectiveFrom\":\"" + today + "\",\"currency\":\"AUD\",\"basePrice\":\"12\"}"))
                .then().statusCode(409).body("code", equalTo("invalid-state"));
        admin().get("/v1/offers/" + id).then().body("prices", hasSize(2)).body("prices[0].basePrice", equalTo("8.00"))
                .body("prices[1].basePrice", equalTo("11.00")).body("version", equalTo(3));
    }
}
