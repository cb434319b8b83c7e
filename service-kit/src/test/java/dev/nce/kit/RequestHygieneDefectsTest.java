package dev.nce.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.kit.testapp.KitTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Issue 15 item 6 at the HTTP layer: bad input is 400/404/415 problem+json and stores nothing. */
@QuarkusTest
@QuarkusTestResource(KitTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class RequestHygieneDefectsTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    private int count() {
        return given().header("Authorization", ADMIN).get("/v1/things").then().statusCode(200)
                .extract().path("totalCount");
    }

    @Test
    void body_without_content_type_is_415_problem_json_and_creates_nothing() throws Exception {
        int before = count();
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + RestAssured.port + "/v1/things"))
                .header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"w\",\"price\":\"1.00\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(415);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                v -> assertThat(v).startsWith("application/problem+json"));
        assertThat(answer.body()).contains("\"code\":\"unsupported-media-type\"");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void trailing_garbage_after_a_valid_body_is_400_and_stores_nothing() {
        int before = count();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"w\",\"price\":\"1.00\"}garbage").post("/v1/things")
                .then().statusCode(400).contentType("application/problem+json").body("code", equalTo("validation-failed"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void nul_in_path_is_404_and_in_query_is_400_problem_json_never_500() {
        given().header("Authorization", ADMIN).urlEncodingEnabled(false).get("/v1/things/a%00b")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).urlEncodingEnabled(false).get("/v1/things?q=a%00b")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("q"));
    }

    @Test
    void a_5000_character_path_is_414_problem_json_not_a_bare_http_layer_error() {
        given().header("Authorization", ADMIN).get("/v1/things/" + "x".repeat(5000))
                .then().statusCode(414).contentType("application/problem+json").body("status", equalTo(414));
    }

    @Test
    void nul_in_a_json_string_is_400_naming_the_field_and_stores_nothing() {
        int before = count();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"a\\u0000b\",\"price\":\"1.00\"}").post("/v1/things")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("name"));
        assertThat(count()).isEqualTo(before);
    }
}
