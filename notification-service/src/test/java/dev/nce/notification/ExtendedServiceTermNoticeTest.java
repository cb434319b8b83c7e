package dev.nce.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.Plan;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.contracts.events.SeatBatchInfo;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.TermPeriod;
import dev.nce.notification.persistence.OfferNameEntity;
import dev.nce.notification.support.Events;
import dev.nce.notification.support.GreenMailResource;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * R-F4 / D8 / D17: with auto-renew turned off into EST, the notices give way to one EXPIRY_UPCOMING that states the EST
 * price quoted in EndOfTermActionChanged; the offer name comes from the offers topic; EST_STARTED when the term ends.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
class ExtendedServiceTermNoticeTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    @Test
    void r_f4_expiry_upcoming_states_the_est_price_and_est_started_follows() {
        String customer = "cust-est-" + UUID.randomUUID();
        String sub = "sub-est-" + UUID.randomUUID();
        String offerId = "OFFEST" + UUID.randomUUID().toString().substring(0, 6).toUpperCase() + ":0001";
        String email = customer + "@example.com";
        int partition = Events.partitionOf(customer);
        LocalDate start = LocalDate.parse("2025-06-01");
        Instant purchase = Instant.parse("2025-06-01T09:30:00Z");
        try (Events events = new Events()) {
            events.catalog(offerId, new CatalogEvent.OfferSnapshot(new OfferData(offerId, "Contoso Suite", "Contoso",
                    List.of(new Plan(Term.P1Y, dev.nce.contracts.BillingFrequency.MONTHLY)), List.of(), null, true, true,
                    false, List.of(), 3)), purchase);
            // the offers topic is another consumer: wait until the name is in the local copy
            await().atMost(Duration.ofSeconds(120)).until(() -> QuarkusTransaction.requiringNew()
                    .call(() -> OfferNameEntity.findById(offerId) != null));
            events.subscription(customer, customer, new SubscriptionEvent.CustomerCreated(customer, "Adatum", "USD", email,
                    Map.of()), Instant.parse("2025-05-01T00:00:00Z"));
            events.subscription(customer, sub, new SubscriptionEvent.SubscriptionCreated(
                    Events.snapshot(sub, customer, offerId, Term.P1Y, 10, SubscriptionStatus.ACTIVE, EndOfTermAction.RENEW,
                            start, purchase),
                    new SeatBatchInfo("b-1", 1, 10, purchase, purchase.plus(Duration.ofHours(168))), "PURCHASE", null),
                    purchase);
            events.subscription(customer, sub, new SubscriptionEvent.EndOfTermActionChanged(
                    Events.snapshot(sub, customer, offerId, Term.P1Y, 10, SubscriptionStatus.ACTIVE,
                            EndOfTermAction.EXTENDED_SERVICE_TERM, start, purchase),
                    false, EndOfTermAction.EXTENDED_SERVICE_TERM, new BigDecimal("44.50"), "USD"),
                    Instant.parse("2025-09-10T14:00:00Z"));
            events.watermark(Instant.parse("2026-05-01T00:00:00Z"), partition);
            Instant estStart = Instant.parse("2026-06-01T00:00:00Z");
            var estSnapshot = new dev.nce.contracts.events.SubscriptionSnapshot(sub, customer, offerId, "Microsoft 365 E3",
                    null, Term.P1Y, dev.nce.contracts.BillingFrequency.MONTHLY, 10, SubscriptionStatus.ACTIVE, false,
                    EndOfTermAction.EXTENDED_SERVICE_TERM, true, new BigDecimal("44.50"), "USD", new BigDecimal("44.50"),
                    null, null, null, estStart, LocalDate.parse("2026-06-01"), LocalDate.parse("2026-06-30"),
                    LocalDate.parse("2026-06-30"), start, LocalDate.parse("2026-07-01"), null, List.of(), false, null, null, 3);
            events.subscription(customer, sub, new SubscriptionEvent.ExtendedTermStarted(estSnapshot,
                    new TermPeriod(start, LocalDate.parse("2026-05-31")), LocalDate.parse("2026-06-01"),
                    LocalDate.parse("2026-06-30"), new BigDecimal("44.50")), estStart);
            events.watermark(Instant.parse("2026-08-01T00:00:00Z"), partition);
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> GreenMailResource.messagesTo(email).size() >= 3);
        List<MimeMessage> mails = GreenMailResource.messagesTo(email);
        assertThat(mails).extracting(GreenMailResource::subject).containsExactlyInAnyOrder(
                "Cancellation window for 10 seats of Contoso Suite closes at 2025-06-08 09:30 UTC",
                "Contoso Suite moves to an extended service term on 2026-06-01",
                "Contoso Suite is now in an extended service term");
        MimeMessage expiry = mails.stream().filter(m -> GreenMailResource.subject(m).contains("moves to")).findFirst()
                .orElseThrow();
        assertThat(GreenMailResource.body(expiry)).contains("End-of-term action: EXTENDED_SERVICE_TERM",
                "44.50 USD per seat per month as quoted today (445.00 USD per month for 10 seats)",
                "turn auto-renew on by the notice deadline, 2026-05-02");

        JsonPath list = given().header("Authorization", ADMIN).get("/v1/customers/" + customer + "/notifications")
                .then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("items.kind")).containsExactly("WINDOW_CLOSING", "EXPIRY_UPCOMING", "NOTICE_UPCOMING",
                "NOTICE_DEADLINE", "EST_STARTED");
        assertThat(list.getList("items.status")).containsExactly("SENT", "SENT", "CANCELLED", "CANCELLED", "SENT");
        assertThat(list.getList("items.dueAt")).containsExactly("2025-06-07T09:30:00Z", "2026-04-25T09:00:00Z",
                "2026-04-25T09:00:00Z", "2026-05-02T09:00:00Z", "2026-06-01T00:00:00Z");
        // WINDOW_CLOSING carries the start of the term its batch was bought in (API.md; issue 15 item 16)
        assertThat(list.getList("items.termStartDate")).containsExactly("2025-06-01", "2025-06-01", "2025-06-01",
                "2025-06-01", "2025-06-01");
    }
}
