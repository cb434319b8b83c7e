package dev.nce.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.BillingEvent;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.contracts.events.TermPeriod;
import dev.nce.notification.support.Events;
import dev.nce.notification.support.GreenMailResource;
import dev.nce.notification.support.WebhookReceiver;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A year of one P1Y subscription through the real broker: each D8 reminder arrives once by e-mail (GreenMail) and once
 * by webhook with a valid signature, and advancing again sends nothing more.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
class NotificationFlowTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    private static JsonPath notifications(String customerId) {
        return given().header("Authorization", ADMIN).queryParam("limit", 1000)
                .get("/v1/customers/" + customerId + "/notifications").then().statusCode(200).extract().jsonPath();
    }

    private static void registerEndpoint(String customerId, WebhookReceiver receiver, String kinds) {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"url\":\"" + receiver.url() + "\",\"secret\":\"" + receiver.secret() + "\",\"customerId\":\""
                        + customerId + "\"" + (kinds == null ? "" : ",\"kinds\":" + kinds) + "}")
                .post("/v1/webhook-endpoints").then().statusCode(201);
    }

    private static void awaitClock(Instant upTo) {
        await().atMost(Duration.ofSeconds(120)).until(() -> Instant.parse(given().header("Authorization", ADMIN)
                .get("/admin/clock").then().statusCode(200).extract().path("now")).compareTo(upTo) >= 0);
    }

    @Test
    void d8_a_year_of_reminders_arrives_once_by_email_and_once_by_signed_webhook() throws Exception {
        String customer = "cust-flow-" + UUID.randomUUID();
        String email = customer + "@example.com";
        String sub = "sub-" + UUID.randomUUID();
        try (Events events = new Events(); WebhookReceiver receiver = new WebhookReceiver("whsec-" + UUID.randomUUID())) {
            Instant purchase = Instant.parse("2022-01-14T10:00:00Z");
            events.subscription(customer, customer, new SubscriptionEvent.CustomerCreated(customer, "Contoso Ltd", "USD",
                    email, Map.of()), Instant.parse("2022-01-10T08:00:00Z"));
            // wait until the customer exists, then register its endpoint (before anything is due)
            await().atMost(Duration.ofSeconds(120)).until(() -> given().header("Authorization", ADMIN)
                    .get("/v1/customers/" + customer + "/notifications").statusCode() == 200);
            registerEndpoint(customer, receiver, null);

            SubscriptionSnapshot first = Events.snapshot(sub, customer, Term.P1Y, 5, SubscriptionStatus.ACTIVE,
                    EndOfTermAction.RENEW, LocalDate.parse("2022-01-14"), purchase);
            // D4: before 2022-03-12 the window is 72 h
            SeatBatchInfo batch1 = new SeatBatchInfo("b-1", 1, 5, purchase, purchase.plus(Duration.ofHours(72)));
            EventEnvelope created = events.subscription(customer, sub,
                    new SubscriptionEvent.SubscriptionCreated(first, batch1, "PURCHASE", null), purchase);
            events.watermark(Instant.parse("2022-02-01T00:00:00Z"));
            events.resend(created); // a redelivery changes nothing
            events.watermark(Instant.parse("2022-12-10T00:00:00Z"));
            events.watermark(Instant.parse("2022-12-20T00:00:00Z"));

            Instant renewal = Instant.parse("2023-01-14T00:00:00Z");
            SubscriptionSnapshot second = Events.snapshot(sub, customer, Term.P1Y, 5, SubscriptionStatus.ACTIVE,
                    EndOfTermAction.RENEW, LocalDate.parse("2023-01-14"), renewal);
            SeatBatchInfo batch2 = new SeatBatchInfo("b-2", 2, 5, renewal, renewal.plus(Duration.ofHours(168)));
            events.subscription(customer, sub, new SubscriptionEvent.SubscriptionRenewed(second,
                    new TermPeriod(LocalDate.parse("2022-01-14"), LocalDate.parse("2023-01-13")), batch2, null), renewal);
            events.invoice(customer, new BillingEvent.InvoiceIssued("inv-" + sub, "2023-01-000001", customer, "2023-01",
                    LocalDate.parse("2023-02-01"), "USD", new BigDecimal("189.00"), new BigDecimal("189.00"), 1),
                    Instant.parse("2023-02-01T01:00:00Z"));
            events.watermark(Instant.parse("2023-02-01T00:00:00Z"));
            awaitClock(Instant.parse("2023-02-01T00:00:00Z"));

            List<String> expectedSubjects = List.of(
                    "Cancellation window for 5 seats of Microsoft 365 E3 closes at 2022-01-17 10:00 UTC",
                    "Notice deadline 2022-12-15: Microsoft 365 E3 renews on 2023-01-14",
                    "Today is the notice deadline: Microsoft 365 E3 renews on 2023-01-14",
                    "Cancellation window for 5 seats of Microsoft 365 E3 closes at 2023-01-21 00:00 UTC",
                    "Invoice 2023-01-000001 for 2023-01: 189.00 USD");
            await().atMost(Duration.ofSeconds(120)).until(() -> GreenMailResource.messagesTo(email).size()
                    >= expectedSubjects.size() && receiver.received().size() >= expectedSubjects.size());

            List<MimeMessage> mails = GreenMailResource.messagesTo(email);
            assertThat(mails).extracting(GreenMailResource::subject).containsExactlyInAnyOrderElementsOf(expectedSubjects);
            MimeMessage upcoming = mails.stream().filter(m -> GreenMailResource.subject(m).startsWith("Notice deadline"))
                    .findFirst().orElseThrow();
            assertThat(GreenMailResource.body(upcoming)).contains("Hello Contoso Ltd,", "Seats: 5",
                    "Notice deadline: 2022-12-15", "37.80 USD per seat per month (189.00 USD per month for 5 seats)",
                    "If you do nothing: it renews automatically on 2023-01-14");
            assertThat(mails).extracting(m -> GreenMailResource.header(m, "Message-ID")).doesNotHaveDuplicates()
                    .allSatisfy(id -> assertThat(id).endsWith(".email@notification.nce>"));

            assertThat(receiver.received()).hasSize(expectedSubjects.size())
                    .allSatisfy(r -> assertThat(r.signatureValid()).isTrue());
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::webhookId).doesNotHaveDuplicates();
            List<String> webhookSubjects = receiver.received().stream()
                    .map(r -> JsonPath.from(r.body()).getString("subject")).toList();
            assertThat(webhookSubjects).containsExactlyInAnyOrderElementsOf(expectedSubjects);
            JsonPath upcomingHook = receiver.received().stream().map(r -> JsonPath.from(r.body()))
                    .filter(j -> "NOTICE_UPCOMING".equals(j.getString("kind"))).findFirst().orElseThrow();
            assertThat(upcomingHook.getString("dueAt")).isEqualTo("2022-12-08T09:00:00Z");
            assertThat(upcomingHook.getString("sentAt")).isEqualTo("2022-12-08T09:00:00Z");
            assertThat(upcomingHook.getString("facts.subscription.unitPrice")).isEqualTo("37.80");
            assertThat(upcomingHook.getString("outcome")).isEqualTo("RENEWS");

            // the list: one row per notification and channel, with the D8 instants; the next term's notices last
            try {
                await().atMost(Duration.ofSeconds(120)).until(() -> notifications(customer).getList("items.status")
                        .subList(0, 10).stream().allMatch("SENT"::equals));
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError("the first 10 rows are not all SENT: " + notifications(customer).prettify(), e);
            }
            JsonPath list = notifications(customer);
            assertThat(list.getInt("totalCount")).isEqualTo(14);
            assertThat(list.getList("items.kind")).containsExactly("WINDOW_CLOSING", "WINDOW_CLOSING", "NOTICE_UPCOMING",
                    "NOTICE_UPCOMING", "NOTICE_DEADLINE", "NOTICE_DEADLINE", "WINDOW_CLOSING", "WINDOW_CLOSING",
                    "INVOICE_ISSUED", "INVOICE_ISSUED", "NOTICE_UPCOMING", "NOTICE_UPCOMING", "NOTICE_DEADLINE",
                    "NOTICE_DEADLINE");
            assertThat(list.getList("items.channel")).containsExactly("EMAIL", "WEBHOOK", "EMAIL", "WEBHOOK", "EMAIL",
                    "WEBHOOK", "EMAIL", "WEBHOOK", "EMAIL", "WEBHOOK", "EMAIL", "WEBHOOK", "EMAIL", "WEBHOOK");
            assertThat(list.getList("items.status")).containsExactly("SENT", "SENT", "SENT", "SENT", "SENT", "SENT",
                    "SENT", "SENT", "SENT", "SENT", "SCHEDULED", "SCHEDULED", "SCHEDULED", "SCHEDULED");
            assertThat(list.getList("items.dueAt")).containsExactly("2022-01-16T10:00:00Z", "2022-01-16T10:00:00Z",
                    "2022-12-08T09:00:00Z", "2022-12-08T09:00:00Z", "2022-12-15T09:00:00Z", "2022-12-15T09:00:00Z",
                    "2023-01-20T00:00:00Z", "2023-01-20T00:00:00Z", "2023-02-01T01:00:00Z", "2023-02-01T01:00:00Z",
                    "2023-12-08T09:00:00Z", "2023-12-08T09:00:00Z", "2023-12-15T09:00:00Z", "2023-12-15T09:00:00Z");
            assertThat(list.getList("items.sentAt").subList(0, 10)).isEqualTo(list.getList("items.dueAt").subList(0, 10));
            assertThat(list.getList("items.sentAt").subList(10, 14)).containsOnlyNulls();
            // WINDOW_CLOSING rows carry the start of the term their batch was bought in (issue 15 item 16)
            assertThat(list.getList("items.termStartDate")).containsExactly("2022-01-14", "2022-01-14", "2022-01-14",
                    "2022-01-14", "2022-01-14", "2022-01-14", "2023-01-14", "2023-01-14", null, null, "2023-01-14",
                    "2023-01-14", "2023-01-14", "2023-01-14");
            assertThat(list.getList("items.batchId").subList(0, 10)).containsExactly("b-1", "b-1", null, null, null,
                    null, "b-2", "b-2", null, null);
            assertThat(list.getString("items[8].invoiceId")).isEqualTo("inv-" + sub);
            assertThat(list.getString("items[8].subscriptionId")).isNull();
            assertThat(list.getString("items[2].subscriptionId")).isEqualTo(sub);
            assertThat(list.getString("items[1].endpointId")).isNotNull();
            assertThat(list.getString("items[0].endpointId")).isNull();
            assertThat(list.getString("items[0].notificationId")).isEqualTo(list.getString("items[1].notificationId"));

            // the next term's notices are scheduled, not sent
            JsonPath scheduled = given().header("Authorization", ADMIN).queryParam("status", "SCHEDULED")
                    .get("/v1/customers/" + customer + "/notifications").then().statusCode(200).extract().jsonPath();
            assertThat(scheduled.getList("items.dueAt")).containsExactly("2023-12-08T09:00:00Z", "2023-12-08T09:00:00Z",
                    "2023-12-15T09:00:00Z", "2023-12-15T09:00:00Z");
            assertThat(scheduled.getList("items.sentAt")).containsOnlyNulls();

            // advancing again (and a watermark redelivered) sends nothing more
            events.watermark(Instant.parse("2023-02-01T00:00:00Z"));
            events.watermark(Instant.parse("2023-03-01T00:00:00Z"));
            awaitClock(Instant.parse("2023-03-01T00:00:00Z"));
            Thread.sleep(1500);
            assertThat(GreenMailResource.messagesTo(email)).hasSize(expectedSubjects.size());
            assertThat(receiver.received()).hasSize(expectedSubjects.size());
            assertThat(notifications(customer).getInt("totalCount")).isEqualTo(14);
        }
    }
}
