package dev.nce.catalog.rest;

import static dev.nce.catalog.CatalogApi.admin;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.catalog.CatalogTestDatabase;
import dev.nce.catalog.domain.pricelist.SampleFiles;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * D22 / API.md "Price-list imports" through REST on a fresh catalog whose clock stands at 2025-12-05: the sample
 * list (December) is validated and applied, then a January list changes, ends and adds offers and names the renewal
 * whose price it raises. The tests run in order: each builds on the catalog the previous one left.
 */
@QuarkusTest
@TestProfile(PriceListImportResourceTest.December2025.class)
@QuarkusTestResource(CatalogTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PriceListImportResourceTest {

    /** Its own application start (a clean catalog database) with the clock at 2025-12-05. */
    public static class December2025 implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nce.clock.start", "2025-12-05T00:00:00Z");
        }
    }

    static final String DECEMBER = "{\"market\": \"US\", \"month\": \"2025-12\"}";
    static final String JANUARY = "{\"market\": \"US\", \"month\": \"2026-01\", \"segments\": [\"Commercial\"], "
            + "\"priceRule\": {\"basis\": \"ERP\", \"percent\": \"0\"}}";

    @Inject
    AgroalDataSource dataSource;

    static Response upload(String token, byte[] file, String fileName, String options) {
        return given().header("Authorization", TestTokens.bearer(token))
                .multiPart("file", fileName, file, "text/csv")
                .multiPart("options", options, "application/json")
                .post("/v1/price-list-imports");
    }

    static JsonPath validated(String importId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !"VALIDATING".equals(
                admin().get("/v1/price-list-imports/" + importId).then().statusCode(200).extract().path("status")));
        return admin().get("/v1/price-list-imports/" + importId).then().statusCode(200).extract().jsonPath();
    }

    static String billingAdmin() {
        try {
            return Jwt.issuer("nce").subject("billing-lead").groups(Set.of("billing-admin")).expiresIn(3600)
                    .sign(KeyUtils.readPrivateKey("testsupport/test-privateKey.pem"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(1)
    void d22SampleListIsValidatedAppliedOnceAndReuploadGivesTheSameImport() throws Exception {
        Response accepted = upload(TestTokens.partnerAdmin(), SampleFiles.sample(), "nce-pricelist-US-sample.csv",
                DECEMBER);
        accepted.then().statusCode(202).body("status", equalTo("VALIDATING"));
        String importId = accepted.path("importId");

        JsonPath report = validated(importId);
        assertThat(report.getString("status")).isEqualTo("VALIDATED");
        assertThat(report.getInt("rows")).isEqualTo(24);
        assertThat(report.getInt("offersAdded")).isEqualTo(7);
        assertThat(report.getInt("offersChanged")).isZero();
        assertThat(report.getInt("offersEnded")).isZero();
        assertThat(report.getList("warnings.code")).containsExactly("ratio-p1m", "segment-excluded", "end-of-sale");
        assertThat(report.getList("warnings.row")).containsExactly(21, 22, 24);
        assertThat(report.getList("rowOutcomes")).hasSize(24);
        assertThat(report.getList("renewalImpact")).isEmpty();

        // the same file and options again (a zip of it is another file): the existing import, 200
        upload(TestTokens.partnerAdmin(), SampleFiles.sample(), "again.csv", DECEMBER).then().statusCode(200)
                .body("importId", equalTo(importId)).body("status", equalTo("VALIDATED"));

        // billing-admin may validate but not apply
        given().header("Authorization", TestTokens.bearer(billingAdmin()))
                .post("/v1/price-list-imports/" + importId + "/apply").then().statusCode(403);
        admin().post("/v1/price-list-imports/" + importId + "/apply").then().statusCode(200)
                .body("status", equalTo("APPLIED")).body("offersAdded", equalTo(7));
        admin().post("/v1/price-list-imports/" + importId + "/apply").then().statusCode(409)
                .body("code", equalTo("invalid-state"));

        // the catalog now sells the E1 plan at its term prices; one offer event per added offer
        admin().get("/v1/offers/EXAMPLE0E1NT:0001").then().statusCode(200)
                .body("segment", equalTo("Commercial"))
                .body("prices[0].effectiveFrom", equalTo("2025-04-01"))
                .body("prices[0].planPrices.find { it.billing == 'ANNUAL' }.termUnitPrice", equalTo("81.50"))
                .body("prices[0].planPrices.find { it.billing == 'ANNUAL' }.termCostPrice", equalTo("65.18"))
                .body("prices[0].planPrices.find { it.billing == 'ANNUAL' }.unitPrice", equalTo("6.79"));
        admin().get("/v1/offers/CFQ7TTC0LH18:0001").then().statusCode(200).body("trialAvailable", equalTo(true));
        admin().get("/v1/offers/CFQ7TTC0LH18:000C").then().statusCode(404);
        admin().get("/v1/offers/EXAMPLE0LGA1:0001").then().statusCode(404);
        assertThat(outboxRows("EXAMPLE0E1NT:0001")).isEqualTo(1);
        assertThat(outboxRows("CFQ7TTC0LH3F:0002")).isEqualTo(1);
        // the price answer of an imported plan is its shown monthly price
        admin().get("/v1/offers/EXAMPLE0E1NT:0001/price?term=P1Y&billing=ANNUAL&at=2025-12-05").then()
                .statusCode(200).body("unitPrice", equalTo("6.79")).body("source", equalTo("PLAN_PRICE"));
    }

    @Test
    @Order(2)
    void d22NextMonthsListChangesEndsAndAddsOffersAndNamesTheRenewalItRaises() throws Exception {
        // a Business Basic P1Y/ANNUAL subscription at 6.00 renewing 2026-01-15 (within 60 days), and one renewing
        // after the window, as subscription-service publishes them
        publish(subscription("sub-renews-soon", LocalDate.of(2026, 1, 15)));
        publish(subscription("sub-renews-late", LocalDate.of(2026, 3, 15)));
        await().atMost(Duration.ofSeconds(30)).until(() -> projected("sub-renews-late"));

        byte[] zip = zip(SampleFiles.nextMonth());
        Response accepted = upload(TestTokens.partnerAdmin(), zip, "january.zip", JANUARY);
        accepted.then().statusCode(202);
        JsonPath report = validated(accepted.path("importId"));
        assertThat(report.getString("status")).isEqualTo("VALIDATED");
        assertThat(report.getInt("rows")).isEqualTo(23);
        assertThat(report.getList("changedOfferIds")).containsExactly("CFQ7TTC0LH18:0001");
        assertThat(report.getList("addedOfferIds")).containsExactly("EXAMPLE0COP1:0001");
        assertThat(report.getList("endedOfferIds")).containsExactly("EXAMPLE0W365:0001");
        assertThat(report.getList("renewalImpact.subscriptionId")).containsExactly("sub-renews-soon");
        assertThat(report.getString("renewalImpact[0].renewalDate")).isEqualTo("2026-01-15");
        assertThat(report.getString("renewalImpact[0].currentUnitPrice")).isEqualTo("6.00");
        assertThat(report.getString("renewalImpact[0].renewalUnitPrice")).isEqualTo("6.30");

        String importId = accepted.path("importId");
        admin().post("/v1/price-list-imports/" + importId + "/apply").then().statusCode(200)
                .body("status", equalTo("APPLIED"));
        admin().get("/v1/offers/CFQ7TTC0LH18:0001/price?term=P1Y&billing=ANNUAL&at=2026-01-15").then()
                .body("unitPrice", equalTo("6.30"));
        admin().get("/v1/offers/CFQ7TTC0LH18:0001/price?term=P1Y&billing=ANNUAL&at=2025-12-31").then()
                .body("unitPrice", equalTo("6.00"));
        admin().get("/v1/offers/EXAMPLE0W365:0001").then().body("sellableUntil", equalTo("2025-12-31"));
        assertThat(outboxRows("CFQ7TTC0LH18:0001")).isEqualTo(2);
        assertThat(outboxRows("EXAMPLE0E1NT:0001")).isEqualTo(1); // unchanged: no second event
    }

    @Test
    @Order(3)
    void badUploadsAre400WithTheirField() {
        given().header("Authorization", TestTokens.bearer(TestTokens.partnerAdmin()))
                .multiPart("file", "x.csv", "a,b\n1,2\n".getBytes(), "text/csv")
                .post("/v1/price-list-imports").then().statusCode(400).body("field", equalTo("file"));
        upload(TestTokens.partnerAdmin(), SampleFiles.sample(), "s.csv", "{\"month\": \"December\"}").then()
                .statusCode(400).body("field", equalTo("options.month"));
        upload(TestTokens.partnerAdmin(), SampleFiles.sample(), "s.csv", "{\"colour\": \"red\"}").then()
                .statusCode(400).body("field", equalTo("options.colour"));
        upload(TestTokens.customer("c-1"), SampleFiles.sample(), "s.csv", DECEMBER).then().statusCode(403);
        admin().get("/v1/price-list-imports/00000000-0000-4000-8000-000000000000").then().statusCode(404);
    }

    static SubscriptionSnapshot subscription(String id, LocalDate renewalDate) {
        LocalDate start = renewalDate.minusYears(1);
        return new SubscriptionSnapshot(id, "cust-1", "CFQ7TTC0LH18:0001", "Microsoft 365 Business Basic", null,
                Term.P1Y, BillingFrequency.ANNUAL, 10, SubscriptionStatus.ACTIVE, true, EndOfTermAction.RENEW, false,
                new BigDecimal("6.00"), "USD", null, null, null, null, start.atStartOfDay().toInstant(java.time.ZoneOffset.UTC),
                start, renewalDate.minusDays(1), renewalDate.minusDays(1), start, renewalDate,
                renewalDate.minusDays(30), List.of(), false, null, null, 1);
    }

    static void publish(SubscriptionSnapshot s) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        Instant at = s.termStartAt();
        EventEnvelope envelope = EventEnvelope.wrap(new SubscriptionEvent.SubscriptionCreated(s,
                new SeatBatchInfo("b-1", 1, s.quantity(), at, at.plusSeconds(7 * 86400)), "PURCHASE", null),
                at, at, s.customerId(), s.subscriptionId(), "test");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            producer.send(new ProducerRecord<>(Topics.SUBSCRIPTION_EVENTS, s.customerId(),
                    EventJson.write(envelope))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    boolean projected(String subscriptionId) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM subscription_renewal WHERE subscription_id = ?")) {
            s.setString(1, subscriptionId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1) == 1;
            }
        }
    }

    long outboxRows(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM outbox WHERE msg_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static byte[] zip(byte[] csv) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("january.csv"));
            zip.write(csv);
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }
}
