package dev.nce.billing.flow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.nce.billing.BillingTestDatabase;
import dev.nce.billing.TestEvents;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.Topics;
import dev.nce.contracts.events.BillingEvent;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The March 2022 run through the real broker: events -> ledger -> watermark -> run -> tasks -> workers -> numbered
 * invoices -> InvoiceIssued; S004 figures to the cent, D13 FX and a missing rate, D19 retry on the 2nd, D21 numbers,
 * redelivered tasks and a second run without a second invoice, CSV and PDF, a late event (D18).
 */
@QuarkusTest
@QuarkusTestResource(BillingTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(2)
class InvoiceRunFlowTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    // customerId order decides the D21 numbers: a (AUD), b (SGD), c (MYR without a rate at first)
    static final String AUD = "c-flow-a";
    static final String SGD = "c-flow-b";
    static final String MYR = "c-flow-c";
    static SubscriptionSnapshot audSubscription;
    static String runId;

    @Inject
    EntityManager em;

    static <T> T await(java.util.concurrent.Callable<T> supplier, java.util.function.Predicate<T> until) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(supplier, until);
    }

    static JsonPath run(String id) {
        return given().header("Authorization", ADMIN).get("/v1/invoice-runs/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath invoices(String customerId, String period) {
        return given().header("Authorization", ADMIN).get("/v1/customers/" + customerId + "/invoices?period=" + period)
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    @Order(1)
    void march_charges_arrive_and_the_period_is_not_closed_yet() {
        TestEvents.fxRates(TestEvents.rate("SGD", "1.30", "2022-01-01"), TestEvents.rate("SGD", "1.32", "2022-02-15"),
                TestEvents.rate("SGD", "1.40", "2022-03-02"));
        TestEvents.customer(AUD, "AUD");
        TestEvents.customer(SGD, "SGD");
        TestEvents.customer(MYR, "MYR");
        audSubscription = TestEvents.purchase(AUD, "s-flow-a", Term.P1Y, BillingFrequency.MONTHLY, 1, "10.00", "AUD",
                "2022-03-01");
        TestEvents.quantityChanged(audSubscription, 2, Instant.parse("2022-03-17T08:00:00Z"));
        audSubscription = TestEvents.snapshot(AUD, "s-flow-a", Term.P1Y, BillingFrequency.MONTHLY, 2, "10.00", "AUD",
                "2022-03-01");
        var sgd = TestEvents.purchase(SGD, "s-flow-b", Term.P1Y, BillingFrequency.MONTHLY, 1, "20.00", "USD",
                "2022-03-01");
        TestEvents.quantityChanged(sgd, 2, Instant.parse("2022-03-17T08:00:00Z"));
        TestEvents.purchase(MYR, "s-flow-c", Term.P1M, BillingFrequency.MONTHLY, 1, "7.00", "USD", "2022-03-01");
        // March is still open: every event of March has not been seen
        TestEvents.watermark(Instant.parse("2022-03-31T12:00:00Z"));

        await(() -> given().header("Authorization", ADMIN).get("/admin/clock").then().extract().jsonPath()
                .getString("now"), now -> "2022-03-31T12:00:00Z".equals(now));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"period\":\"2022-03\"}")
                .post("/v1/invoice-runs").then().statusCode(409).body("code", equalTo("period-not-closed"))
                .body("rule", equalTo("D12"));
        JsonPath preview = await(() -> given().header("Authorization", ADMIN)
                        .get("/v1/customers/" + SGD + "/invoices/preview?period=2022-03").then().extract().jsonPath(),
                p -> p.getList("lines") != null && p.getList("lines").size() == 2);
        assertThat(preview.getList("lines.amount")).containsExactly("13.63", "25.55");
        assertThat(preview.getList("lines.fxRate")).containsExactly("1.32", "1.32");
        assertThat(preview.getList("lines.fxRateDate")).containsExactly("2022-02-15", "2022-02-15");
        assertThat(preview.getString("currency")).isEqualTo("SGD");
        given().header("Authorization", ADMIN).get("/v1/customers/" + MYR + "/invoices/preview?period=2022-03")
                .then().statusCode(409).body("code", equalTo("invalid-state")).body("rule", equalTo("D13"));
    }

    @Test
    @Order(2)
    void a_request_starts_the_run_once_the_watermark_passed_the_month_and_issues_s004_figures() {
        TestEvents.watermark(Instant.parse("2022-04-01T00:00:00Z"));
        Response created = await(() -> given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"period\":\"2022-03\"}").post("/v1/invoice-runs"), r -> r.statusCode() == 201);
        runId = created.path("runId");
        assertThat(created.<String>path("period")).isEqualTo("2022-03");
        assertThat(created.<Integer>path("customersTotal")).isEqualTo(3);

        JsonPath run = await(() -> run(runId), r -> "COMPLETED".equals(r.getString("status")));
        assertThat(run.getInt("invoicesIssued")).isEqualTo(2);
        assertThat(run.getList("missingCustomers")).containsExactly(MYR); // D13: no MYR rate, never guessed
        assertThat(run.getString("issueDate")).isEqualTo("2022-04-01"); // D19: before 01:00 issues as the run would
        assertThat(run.getInt("tasksDone")).isEqualTo(run.getInt("tasksTotal"));

        JsonPath aud = invoices(AUD, "2022-03");
        assertThat(aud.getInt("totalCount")).isEqualTo(1);
        assertThat(aud.getString("items[0].invoiceNumber")).isEqualTo("2022-03-000001");
        assertThat(aud.getString("items[0].issueDate")).isEqualTo("2022-04-01");
        assertThat(aud.getString("items[0].currency")).isEqualTo("AUD");
        assertThat(aud.getList("items[0].lines.amount")).containsExactly("5.17", "9.68");
        assertThat(aud.getList("items[0].lines.daysActive")).containsExactly(16, 15);
        assertThat(aud.getList("items[0].lines.chargeStartDate")).containsExactly("2022-03-01", "2022-03-17");
        assertThat(aud.getString("items[0].total")).isEqualTo("14.85");

        JsonPath sgd = invoices(SGD, "2022-03");
        assertThat(sgd.getString("items[0].invoiceNumber")).isEqualTo("2022-03-000002");
        assertThat(sgd.getList("items[0].lines.amount")).containsExactly("13.63", "25.55");
        assertThat(sgd.getString("items[0].total")).isEqualTo("39.18");
        assertThat(sgd.getList("items[0].lines.pricingCurrency")).containsExactly("USD", "USD");
        assertThat(invoices(MYR, "2022-03").getInt("totalCount")).isZero();
    }

    @Test
    @Order(3)
    void the_issued_invoice_equals_its_preview_from_the_same_code() {
        JsonPath issued = invoices(AUD, "2022-03");
        JsonPath preview = given().header("Authorization", ADMIN)
                .get("/v1/customers/" + AUD + "/invoices/preview?period=2022-03").then().statusCode(200)
                .extract().jsonPath();
        assertThat(preview.getList("lines")).isEqualTo(issued.getList("items[0].lines"));
        assertThat(preview.getString("total")).isEqualTo(issued.getString("items[0].total"));
    }

    @Test
    @Order(4)
    void a_second_run_request_and_redelivered_tasks_create_no_second_invoice() throws Exception {
        Response again = given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"period\":\"2022-03\"}").post("/v1/invoice-runs");
        again.then().statusCode(200).body("runId", equalTo(runId));

        // every task record published so far, sent again as a redelivery would
        List<ConsumerRecord<String, String>> tasks = readAll(Topics.INVOICE_TASKS);
        assertThat(tasks).isNotEmpty();
        for (ConsumerRecord<String, String> task : tasks) {
            TestEvents.send(Topics.INVOICE_TASKS, task.partition(), task.key(), task.value());
        }
        // and a brand-new task for customers that already have their invoice (e.g. a crashed run's re-dispatch)
        UUID run = UUID.fromString(runId);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO invoice_task (run_id, attempt, "
                + "task_no, key_partition, customer_ids, status) VALUES (?1, 1, 999, 0, ARRAY['c-flow-a','c-flow-b'], "
                + "'PENDING')").setParameter(1, run).executeUpdate());
        var extra = new dev.nce.billing.service.InvoiceTask(run, "2022-03", 1, 999, 0, java.time.LocalDate.of(2022, 4, 1),
                List.of(AUD, SGD));
        TestEvents.send(Topics.INVOICE_TASKS, null, AUD, EventJson.write(EventEnvelope.wrap(extra, Instant.now(),
                Instant.now(), AUD, runId, "test")));

        await(() -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT status FROM invoice_task WHERE task_no = 999").getSingleResult()), "DONE"::equals);
        long invoices = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM invoice WHERE period = '2022-03'").getSingleResult()).longValue());
        assertThat(invoices).isEqualTo(2);
        assertThat(invoices(AUD, "2022-03").getInt("totalCount")).isEqualTo(1);
        assertThat(run(runId).getInt("invoicesIssued")).isEqualTo(2);
    }

    @Test
    @Order(5)
    void csv_has_a_header_row_with_the_line_fields_and_pdf_is_a_readable_invoice() throws Exception {
        String invoiceId = invoices(AUD, "2022-03").getString("items[0].invoiceId");
        String csv = given().header("Authorization", ADMIN).accept("text/csv").get("/v1/invoices/" + invoiceId)
                .then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        List<CSVRecord> rows = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
        assertThat(rows.get(0).toList()).containsExactly("subscriptionId", "offerId", "description", "chargeType",
                "chargeStartDate", "chargeEndDate", "quantity", "unitPrice", "pricingCurrency", "fxRate", "fxRateDate",
                "billingMonths", "daysActive", "daysInPeriod", "amount", "promotionId", "invoiceNumber", "taxCode");
        assertThat(rows).hasSize(3);
        // issue 18: no address, no seller profile: out of scope (D23 settled details), the number on every row
        assertThat(rows.get(1).get(16)).isEqualTo("2022-03-000001");
        assertThat(rows.get(2).get(17)).isEqualTo("OUT_OF_SCOPE");
        assertThat(rows.get(1).get(15)).isEmpty(); // R-K6: no promotion, empty trailing column
        assertThat(rows.get(1).get(14)).isEqualTo("5.17");
        assertThat(rows.get(2).get(14)).isEqualTo("9.68");
        assertThat(rows.get(2).get(6)).isEqualTo("2");

        byte[] pdf = given().header("Authorization", ADMIN).accept("application/pdf").get("/v1/invoices/" + invoiceId)
                .then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        assertThat(new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF");
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        assertThat(text).contains("2022-03-000001").contains("14.85").contains("9.68").contains(AUD);

        // customer scoping: the owner sees it, another customer gets 404
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(AUD))).get("/v1/invoices/" + invoiceId)
                .then().statusCode(200).body("total", equalTo("14.85"));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(SGD))).get("/v1/invoices/" + invoiceId)
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).accept("text/html").get("/v1/invoices/" + invoiceId)
                .then().statusCode(406);
    }

    @Test
    @Order(6)
    void invoice_issued_events_go_out_after_numbering() throws Exception {
        List<BillingEvent.InvoiceIssued> issued = new ArrayList<>();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            issued.clear();
            for (ConsumerRecord<String, String> r : readAll(Topics.INVOICES)) {
                if (BillingEvent.decode(EventJson.readEnvelope(r.value())) instanceof BillingEvent.InvoiceIssued i
                        && "2022-03".equals(i.period())) {
                    assertThat(r.key()).isEqualTo(i.customerId());
                    issued.add(i);
                }
            }
            return issued.size() == 2;
        });
        assertThat(issued).extracting(BillingEvent.InvoiceIssued::invoiceNumber)
                .containsExactlyInAnyOrder("2022-03-000001", "2022-03-000002");
        assertThat(issued).filteredOn(i -> i.customerId().equals(AUD)).singleElement().satisfies(i -> {
            assertThat(i.total()).isEqualByComparingTo("14.85");
            assertThat(i.lineCount()).isEqualTo(2);
            assertThat(i.issueDate()).hasToString("2022-04-01");
        });
    }

    @Test
    @Order(7)
    void the_retry_on_the_2nd_invoices_the_customer_whose_rate_arrived_d13_d19() {
        TestEvents.fxRates(TestEvents.rate("SGD", "1.30", "2022-01-01"), TestEvents.rate("SGD", "1.32", "2022-02-15"),
                TestEvents.rate("SGD", "1.40", "2022-03-02"), TestEvents.rate("MYR", "4.45", "2022-03-01"));
        TestEvents.watermark(Instant.parse("2022-04-02T06:00:00Z"));

        await(() -> invoices(MYR, "2022-03"), p -> p.getInt("totalCount") == 1);
        JsonPath myr = invoices(MYR, "2022-03");
        assertThat(myr.getString("items[0].invoiceNumber")).isEqualTo("2022-03-000003"); // continues the sequence
        assertThat(myr.getString("items[0].issueDate")).isEqualTo("2022-04-02");
        assertThat(myr.getString("items[0].total")).isEqualTo("31.15");
        assertThat(myr.getString("items[0].lines[0].fxRate")).isEqualTo("4.45");
        assertThat(myr.getString("items[0].lines[0].fxRateDate")).isEqualTo("2022-03-01");
        JsonPath run = await(() -> run(runId), r -> "COMPLETED".equals(r.getString("status")));
        assertThat(run.getInt("attempt")).isEqualTo(2);
        assertThat(run.getList("missingCustomers")).isEmpty();
        assertThat(run.getInt("invoicesIssued")).isEqualTo(3);
        await(() -> given().header("Authorization", ADMIN).get("/admin/clock").then().extract().jsonPath()
                .getString("now"), now -> "2022-04-02T06:00:00Z".equals(now));
    }

    @Test
    @Order(8)
    void a_late_event_for_an_invoiced_month_goes_on_the_next_invoice_d18() {
        // a reduction dated in March reaches billing after March was invoiced
        TestEvents.publish(AUD, "s-flow-a", new dev.nce.contracts.events.SubscriptionEvent.QuantityChanged(
                withQuantity(audSubscription, 1), 2, 1, List.of(),
                List.of(new dev.nce.contracts.events.BatchChange("x", 1, null))), Instant.parse("2022-03-25T10:00:00Z"));
        TestEvents.watermark(Instant.parse("2022-05-01T02:00:00Z"));

        JsonPath april = await(() -> invoices(AUD, "2022-04"), p -> p.getInt("totalCount") == 1);
        assertThat(april.getString("items[0].issueDate")).isEqualTo("2022-05-01");
        assertThat(april.getString("items[0].invoiceNumber")).startsWith("2022-04-");
        List<Map<String, Object>> lines = april.getList("items[0].lines");
        assertThat(lines).extracting(l -> l.get("chargeStartDate") + ".." + l.get("chargeEndDate") + " x"
                        + l.get("quantity") + " " + l.get("amount"))
                .containsExactly(
                        "2022-03-25..2022-03-31 x2 -4.52", // credit: 10 x 2 x 7/31 = 4.516
                        "2022-03-25..2022-03-31 x1 2.26",  // charge: 10 x 1 x 7/31 = 2.258
                        "2022-04-01..2022-04-30 x1 10.00");
        assertThat(april.getString("items[0].total")).isEqualTo("7.74");
        // March's invoice never changes
        assertThat(invoices(AUD, "2022-03").getString("items[0].total")).isEqualTo("14.85");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("billing_late_events_total(\\{[^}]*\\})? [1-9]");
        assertThat(metrics).contains("billing_invoice_tasks_done_total");
    }

    @Test
    @Order(9)
    void a_customer_still_missing_on_the_4th_raises_the_alert_and_a_request_after_the_3rd_issues_it_today_d12_d19() {
        String nok = "c-flow-d";
        TestEvents.customer(nok, "NOK");
        TestEvents.purchase(nok, "s-flow-d", Term.P1M, BillingFrequency.MONTHLY, 3, "10.00", "USD", "2022-05-01");
        TestEvents.watermark(Instant.parse("2022-06-04T06:00:00Z"));

        JsonPath may = await(() -> given().header("Authorization", ADMIN).get("/v1/invoice-runs?period=2022-05")
                .then().statusCode(200).extract().jsonPath(), p -> p.getInt("totalCount") == 1
                && Integer.valueOf(1).equals(p.get("items[0].missingOnAlert")));
        String mayRun = may.getString("items[0].runId");
        assertThat(may.getList("items[0].missingCustomers")).containsExactly(nok);
        assertThat(may.getInt("items[0].attempt")).isEqualTo(3); // the run on the 1st, retries on the 2nd and 3rd
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("billing_invoice_run_missing_customers(\\{[^}]*\\})? 1\\.0");

        // the rate arrives; a request after the 3rd re-issues tasks for the missing customer, issued today (D19)
        TestEvents.fxRates(TestEvents.rate("SGD", "1.30", "2022-01-01"), TestEvents.rate("SGD", "1.32", "2022-02-15"),
                TestEvents.rate("SGD", "1.40", "2022-03-02"), TestEvents.rate("MYR", "4.45", "2022-03-01"),
                TestEvents.rate("NOK", "9.8765", "2022-05-01"));
        TestEvents.watermark(Instant.parse("2022-06-05T10:00:00Z"));
        await(() -> given().header("Authorization", ADMIN).get("/admin/clock").then().extract().jsonPath()
                .getString("now"), now -> "2022-06-05T10:00:00Z".equals(now));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"period\":\"2022-05\"}")
                .post("/v1/invoice-runs").then().statusCode(200).body("runId", equalTo(mayRun));

        JsonPath invoice = await(() -> invoices(nok, "2022-05"), p -> p.getInt("totalCount") == 1);
        assertThat(invoice.getString("items[0].issueDate")).isEqualTo("2022-06-05");
        assertThat(invoice.getString("items[0].currency")).isEqualTo("NOK");
        assertThat(invoice.getString("items[0].total")).isEqualTo("296.30"); // 10 x 3 x 9.8765 = 296.295 -> UP
        assertThat(invoice.getString("items[0].lines[0].fxRateDate")).isEqualTo("2022-05-01");
        JsonPath run = await(() -> run(mayRun), r -> "COMPLETED".equals(r.getString("status")));
        assertThat(run.getInt("attempt")).isEqualTo(4);
        assertThat(run.getList("missingCustomers")).isEmpty();
    }

    static SubscriptionSnapshot withQuantity(SubscriptionSnapshot s, int quantity) {
        return TestEvents.snapshot(s.customerId(), s.subscriptionId(), s.term(), s.billing(), quantity,
                s.unitPrice().toPlainString(), s.currency(), s.startDate().toString());
    }

    static List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "billing-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 4_000;
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(300))) {
                    records.add(r);
                }
            }
        }
        return records;
    }
}
