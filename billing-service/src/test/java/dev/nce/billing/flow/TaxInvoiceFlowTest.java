package dev.nce.billing.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.billing.BillingTestDatabase;
import dev.nce.billing.TestEvents;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.CustomerDetails;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 end to end in billing: tax rates (D23 immutable but effectiveTo), the seller profile, a customer's master
 * data from the customer events, the invoice with its tax lines, due date and blocks as at issue (D24), the preview,
 * the PDF and CSV, and the accounting exports. Runs last: earlier classes' customers have no address, so their
 * invoices stay out of scope with tax 0.00 whatever seller profile exists.
 */
@QuarkusTest
@QuarkusTestResource(BillingTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@Order(5)
class TaxInvoiceFlowTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    static final String CUSTOMER = "c-tax-au";

    static final String SELLER = "{\"legalName\":\"Cloud Reseller Pty Ltd\",\"address\":{\"line1\":\"1 George St\","
            + "\"city\":\"Sydney\",\"region\":\"NSW\",\"postalCode\":\"2000\",\"country\":\"au\"},"
            + "\"taxRegistrations\":[{\"country\":\"AU\",\"taxId\":\"51 824 753 556\"}],\"email\":\"billing@reseller.example\","
            + "\"phone\":null,\"paymentInstructions\":\"BSB 062-000 account 1234 5678\",\"invoiceFooter\":\"Thank you.\"}";
    static final String GST = "{\"country\":\"AU\",\"region\":null,\"taxType\":\"GST\",\"name\":\"GST\",\"percent\":\"10\","
            + "\"effectiveFrom\":\"2000-07-01\",\"effectiveTo\":null}";

    @Test
    void tax_rates_seller_profile_and_a_taxed_invoice_with_its_documents() throws Exception {
        // D23: a rate is created once (201), answered again (200), immutable but for effectiveTo (409 otherwise)
        given().header("Authorization", ADMIN).contentType("application/json").body(GST).put("/v1/tax-rates/AU-GST")
                .then().statusCode(201).body("percent", equalTo("10")).body("effectiveTo", nullValue());
        given().header("Authorization", ADMIN).contentType("application/json").body(GST).put("/v1/tax-rates/AU-GST")
                .then().statusCode(200);
        given().header("Authorization", ADMIN).contentType("application/json").body(GST.replace("\"10\"", "\"12.5\""))
                .put("/v1/tax-rates/AU-GST").then().statusCode(409).body("code", equalTo("invalid-state"));
        given().header("Authorization", ADMIN).contentType("application/json")
                .body(GST.replace("\"effectiveTo\":null", "\"effectiveTo\":\"2099-06-30\"")).put("/v1/tax-rates/AU-GST")
                .then().statusCode(200).body("effectiveTo", equalTo("2099-06-30"));
        given().header("Authorization", ADMIN).contentType("application/json").body(GST.replace("\"10\"", "\"101\""))
                .put("/v1/tax-rates/AU-GST2").then().statusCode(400).body("field", equalTo("percent"));
        given().header("Authorization", ADMIN).contentType("application/json").body(GST)
                .put("/v1/tax-rates/OUT_OF_SCOPE").then().statusCode(400).body("field", equalTo("code"));
        given().header("Authorization", ADMIN).queryParam("country", "AU").queryParam("at", "2024-05-01")
                .get("/v1/tax-rates").then().statusCode(200).body("totalCount", equalTo(1))
                .body("items[0].code", equalTo("AU-GST"));
        given().header("Authorization", ADMIN).queryParam("at", "2100-01-01").get("/v1/tax-rates").then()
                .statusCode(200).body("totalCount", equalTo(0));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(CUSTOMER))).contentType("application/json")
                .body(GST).put("/v1/tax-rates/AU-GST").then().statusCode(403);

        // the seller profile: 404 until set, PUT answers 200 with the stored (normalised) profile
        given().header("Authorization", ADMIN).get("/admin/seller-profile").then().statusCode(404)
                .body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).contentType("application/json").body(SELLER.replace("\"au\"", "\"XX\""))
                .put("/admin/seller-profile").then().statusCode(400).body("field", equalTo("address.country"));
        given().header("Authorization", ADMIN).contentType("application/json").body(SELLER).put("/admin/seller-profile")
                .then().statusCode(200).body("address.country", equalTo("AU"))
                .body("taxRegistrations[0].taxId", equalTo("51824753556"));
        given().header("Authorization", ADMIN).get("/admin/seller-profile").then().statusCode(200)
                .body("legalName", equalTo("Cloud Reseller Pty Ltd"));

        // a customer with master data (AU address, ABN, 14 days) buying 10 seats at 22.00 AUD from 2024-05-01
        CustomerDetails.Address sydney = new CustomerDetails.Address("8 Martin Place", null, "Sydney", "NSW", "2000",
                "AU");
        TestEvents.publish(CUSTOMER, CUSTOMER, new SubscriptionEvent.CustomerCreated(CUSTOMER, "Wingtip", "AUD",
                "it@wingtip.example", Map.of(), new CustomerDetails("Wingtip Toys Pty Ltd", sydney,
                        List.of(new CustomerDetails.TaxId("AU_ABN", "53004085616")), "NONE", 14, null, null)),
                Instant.parse("2024-04-20T00:00:00Z"));
        TestEvents.purchase(CUSTOMER, "s-tax-1", Term.P1Y, BillingFrequency.MONTHLY, 10, "22.00", "AUD", "2024-05-01");

        // the preview is taxed by the same code: 220.00 + GST 22.00 as if issued on 2024-06-01
        JsonPath preview = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", ADMIN)
                        .get("/v1/customers/" + CUSTOMER + "/invoices/preview?period=2024-05").then().extract().jsonPath(),
                        p -> p.getList("lines") != null && p.getList("lines").size() == 1
                                && "22.00".equals(p.getString("taxTotal")));
        assertThat(preview.getString("invoiceNumber")).isNull();
        assertThat(preview.getString("issueDate")).isNull();
        assertThat(preview.getString("dueDate")).isEqualTo("2024-06-15");
        assertThat(preview.getString("total")).isEqualTo("242.00");

        TestEvents.watermark(Instant.parse("2024-06-01T02:00:00Z"));
        JsonPath list = Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", ADMIN)
                        .get("/v1/customers/" + CUSTOMER + "/invoices?period=2024-05").then().statusCode(200)
                        .extract().jsonPath(), p -> p.getInt("totalCount") == 1);
        assertThat(list.getString("items[0].title")).isEqualTo("Tax invoice");
        assertThat(list.getString("items[0].issueDate")).isEqualTo("2024-06-01");
        assertThat(list.getString("items[0].dueDate")).isEqualTo("2024-06-15"); // D24: 14 days
        assertThat(list.getString("items[0].subtotal")).isEqualTo("220.00");
        assertThat(list.getString("items[0].taxTotal")).isEqualTo("22.00");
        assertThat(list.getString("items[0].total")).isEqualTo("242.00");
        assertThat(list.getList("items[0].taxLines")).hasSize(1);
        assertThat(list.getString("items[0].taxLines[0].taxCode")).isEqualTo("AU-GST");
        assertThat(list.getString("items[0].taxLines[0].treatment")).isEqualTo("STANDARD");
        assertThat(list.getString("items[0].taxLines[0].taxType")).isEqualTo("GST");
        assertThat(list.getString("items[0].taxLines[0].taxableAmount")).isEqualTo("220.00");
        assertThat(list.getString("items[0].lines[0].taxCode")).isEqualTo("AU-GST");
        assertThat(list.getString("items[0].seller.taxId")).isEqualTo("51824753556");
        assertThat(list.getString("items[0].customer.legalName")).isEqualTo("Wingtip Toys Pty Ltd");
        assertThat(list.getString("items[0].customer.name")).isEqualTo("Wingtip");
        assertThat(list.getString("items[0].customer.address.line1")).isEqualTo("8 Martin Place");
        assertThat(list.getString("items[0].customer.taxId")).as("buyer ABN only from A$1,000 (D23)").isNull();
        assertThat(list.getList("items[0].legalNotes")).isEmpty();
        String invoiceId = list.getString("items[0].invoiceId");
        String number = list.getString("items[0].invoiceNumber");

        // D24: a later change of the customer's address does not alter the issued invoice
        TestEvents.publish(CUSTOMER, CUSTOMER, new SubscriptionEvent.CustomerUpdated(CUSTOMER, "Wingtip", "AUD",
                "it@wingtip.example", Map.of(), new CustomerDetails("Wingtip Toys Pty Ltd", new CustomerDetails.Address(
                        "99 Pitt St", null, "Sydney", "NSW", "2000", "AU"), List.of(), "EXEMPT", 30, null, null)),
                Instant.parse("2024-06-02T00:00:00Z"));
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().header("Authorization", ADMIN)
                        .get("/v1/customers/" + CUSTOMER + "/invoices/preview?period=2024-06").then().extract()
                        .jsonPath().getString("taxLines[0].taxCode"), "EXEMPT"::equals);
        given().header("Authorization", ADMIN).get("/v1/invoices/" + invoiceId).then().statusCode(200)
                .body("customer.address.line1", equalTo("8 Martin Place")).body("taxTotal", equalTo("22.00"))
                .body("dueDate", equalTo("2024-06-15"));

        // the PDF: "Tax invoice" with the seller's ABN, the tax line and the total
        byte[] pdf = given().header("Authorization", ADMIN).accept("application/pdf").get("/v1/invoices/" + invoiceId)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Tax invoice " + number)
                    .contains("ABN: 51824753556").contains("Due date: 2024-06-15").contains("8 Martin Place")
                    .contains("Tax AU-GST (STANDARD, 10 % of 220.00): 22.00 AUD").contains("Total: 242.00 AUD");
        }
        // the CSV: invoiceNumber and taxCode columns
        String csv = given().header("Authorization", ADMIN).accept("text/csv").get("/v1/invoices/" + invoiceId)
                .then().statusCode(200).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.get("invoiceNumber")).isEqualTo(number);
            assertThat(r.get("taxCode")).isEqualTo("AU-GST");
            assertThat(r.get("amount")).isEqualTo("220.00");
        });

        // the accounting exports: this invoice's rows add up to its total in both layouts
        String export = given().header("Authorization", ADMIN).queryParam("period", "2024-05").queryParam("format", "csv")
                .get("/v1/invoice-exports").then().statusCode(200).extract().asString();
        BigDecimal sum = BigDecimal.ZERO;
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(export))) {
            if (r.get("invoiceNumber").equals(number)) {
                sum = sum.add(new BigDecimal(r.get("amount"))).add(new BigDecimal(r.get("taxAmount")));
                assertThat(r.get("customerLegalName")).isEqualTo("Wingtip Toys Pty Ltd");
                assertThat(r.get("dueDate")).isEqualTo("2024-06-15");
            }
        }
        assertThat(sum).isEqualByComparingTo("242.00");
        String xero = given().header("Authorization", ADMIN).queryParam("period", "2024-05").queryParam("format", "xero")
                .get("/v1/invoice-exports").then().statusCode(200).extract().asString();
        assertThat(xero.lines().findFirst().orElseThrow()).startsWith("*ContactName,EmailAddress,POAddressLine1");
        BigDecimal xeroSum = BigDecimal.ZERO;
        for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(xero))) {
            if (r.get("*InvoiceNumber").equals(number)) {
                xeroSum = xeroSum.add(new BigDecimal(r.get("*UnitAmount"))).add(new BigDecimal(r.get("TaxAmount")));
                assertThat(r.get("*DueDate")).isEqualTo("15/06/2024");
            }
        }
        assertThat(xeroSum).isEqualByComparingTo("242.00");
        given().header("Authorization", ADMIN).queryParam("period", "2024-05").queryParam("format", "pdf")
                .get("/v1/invoice-exports").then().statusCode(400).body("field", equalTo("format"));
    }
}
