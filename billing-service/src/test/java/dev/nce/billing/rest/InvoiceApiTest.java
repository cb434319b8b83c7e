package dev.nce.billing.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.billing.BillingTestDatabase;
import dev.nce.billing.TestEvents;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The billing REST contract before any period is closed: auth, validation, preview (API.md billing-service). */
@QuarkusTest
@QuarkusTestResource(BillingTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@Order(1)
class InvoiceApiTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    static final String CUSTOMER = "c-api-1";

    @BeforeAll
    static void purchase() {
        TestEvents.customer(CUSTOMER, "AUD");
        TestEvents.customer("c-api-2", "AUD");
        // S004 example 2 in January: 10.00 AUD, qty 1 from the 1st, 2 from the 17th
        var s = TestEvents.purchase(CUSTOMER, "s-api-1", Term.P1M, BillingFrequency.MONTHLY, 1, "10.00", "AUD",
                "2022-01-01");
        TestEvents.quantityChanged(s, 2, java.time.Instant.parse("2022-01-17T10:00:00Z"));
    }

    @Test
    void preview_shows_what_the_run_would_issue_s004_example_2() {
        JsonPath preview = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> given().header("Authorization", ADMIN)
                                .get("/v1/customers/" + CUSTOMER + "/invoices/preview?period=2022-01")
                                .then().extract().jsonPath(),
                        p -> p.getList("lines") != null && p.getList("lines").size() == 2);

        assertThat(preview.getString("invoiceId")).isNull();
        assertThat(preview.getString("invoiceNumber")).isNull();
        assertThat(preview.getString("issueDate")).isNull();
        assertThat(preview.getString("currency")).isEqualTo("AUD");
        assertThat(preview.getString("period")).isEqualTo("2022-01");
        assertThat(preview.getList("lines.amount")).containsExactly("5.17", "9.68");
        assertThat(preview.getList("lines.chargeType")).containsExactly("CYCLE", "CYCLE");
        assertThat(preview.getList("lines.quantity")).containsExactly(1, 2);
        assertThat(preview.getList("lines.fxRate")).containsExactly("1", "1");
        assertThat(preview.getList("lines.billingMonths")).containsExactly(null, null);
        assertThat(preview.getString("subtotal")).isEqualTo("14.85");
        assertThat(preview.getString("total")).isEqualTo("14.85");
        // same customer token sees it, another customer's token gets 404
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(CUSTOMER)))
                .get("/v1/customers/" + CUSTOMER + "/invoices/preview?period=2022-01").then().statusCode(200)
                .body("total", equalTo("14.85"));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer("c-api-2")))
                .get("/v1/customers/" + CUSTOMER + "/invoices/preview?period=2022-01").then().statusCode(404)
                .body("code", equalTo("not-found"));
    }

    @Test
    void preview_of_a_month_without_lines_is_200_with_no_lines() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", ADMIN)
                .get("/v1/customers/c-api-2/invoices/preview?period=2021-12").statusCode() == 200);
        given().header("Authorization", ADMIN).get("/v1/customers/c-api-2/invoices/preview?period=2021-12")
                .then().statusCode(200).body("lines.size()", equalTo(0)).body("total", equalTo("0.00"))
                .body("invoiceId", nullValue());
    }

    @Test
    void run_for_a_period_the_watermark_has_not_passed_is_409_and_changes_nothing() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"period\":\"2022-01\"}")
                .post("/v1/invoice-runs").then().statusCode(409).contentType("application/problem+json")
                .body("code", equalTo("period-not-closed"));
        given().header("Authorization", ADMIN).get("/v1/invoice-runs?period=2022-01").then().statusCode(200)
                .body("totalCount", equalTo(0)).body("items.size()", equalTo(0));
    }

    @Test
    void validation_names_the_field() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{}").post("/v1/invoice-runs")
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("field", equalTo("period"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"period\":\"2022-13\"}")
                .post("/v1/invoice-runs").then().statusCode(400).body("field", equalTo("period"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"period\":\"2022-01\",\"x\":1}")
                .post("/v1/invoice-runs").then().statusCode(400).body("field", equalTo("x"));
        given().header("Authorization", ADMIN).get("/v1/invoice-runs?limit=0").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().header("Authorization", ADMIN).get("/v1/invoice-runs?limit=1001").then().statusCode(400)
                .body("field", equalTo("limit"));
        given().header("Authorization", ADMIN).get("/v1/customers/" + CUSTOMER + "/invoices?offset=-1").then()
                .statusCode(400).body("field", equalTo("offset"));
        given().header("Authorization", ADMIN).get("/v1/customers/" + CUSTOMER + "/invoices/preview").then()
                .statusCode(400).body("field", equalTo("period"));
        given().header("Authorization", ADMIN).get("/v1/customers/" + CUSTOMER + "/invoices/preview?period=jan")
                .then().statusCode(400).body("field", equalTo("period"));
    }

    @Test
    void unknown_ids_are_404_problem_json() {
        given().header("Authorization", ADMIN).get("/v1/invoice-runs/not-a-uuid").then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).get("/v1/invoice-runs/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).get("/v1/invoices/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).get("/v1/customers/nobody/invoices").then().statusCode(404);
        given().header("Authorization", ADMIN).get("/v1/customers/nobody/invoices/preview?period=2022-01").then()
                .statusCode(404);
    }

    @Test
    void auth_401_without_or_with_a_forged_token_403_for_a_customer_on_runs() {
        given().get("/v1/invoice-runs").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", TestTokens.bearer(TestTokens.forged())).get("/v1/customers/x/invoices")
                .then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(CUSTOMER))).get("/v1/invoice-runs")
                .then().statusCode(403).body("code", equalTo("forbidden"));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(CUSTOMER))).contentType(ContentType.JSON)
                .body("{\"period\":\"2022-01\"}").post("/v1/invoice-runs").then().statusCode(403);
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(CUSTOMER))).get("/admin/clock")
                .then().statusCode(403);
    }

    @Test
    void a_customer_with_no_issued_invoice_lists_none() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> given().header("Authorization", ADMIN)
                .get("/v1/customers/" + CUSTOMER + "/invoices").statusCode() == 200);
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(CUSTOMER)))
                .get("/v1/customers/" + CUSTOMER + "/invoices").then().statusCode(200)
                .body("totalCount", equalTo(0)).body("items", equalTo(List.of()));
    }
}
