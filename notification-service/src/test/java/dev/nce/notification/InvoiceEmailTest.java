package dev.nce.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.nce.contracts.events.BillingEvent;
import dev.nce.contracts.events.CustomerDetails;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.notification.support.Events;
import dev.nce.notification.support.GreenMailResource;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Issue 18: INVOICE_ISSUED goes to the billing contacts (one e-mail, one EMAIL row) with the PDF as issued. */
@QuarkusTest
@QuarkusTestResource(NotificationTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
class InvoiceEmailTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    @Test
    void invoice_email_goes_to_the_billing_contacts_with_the_pdf_attached() throws Exception {
        String customer = "cust-invoice-mail-" + UUID.randomUUID();
        String ap = "ap-" + customer + "@example.com";
        String cfo = "cfo-" + customer + "@example.com";
        byte[] pdf = "%PDF-1.4 invoice 2022-02-000009".getBytes(StandardCharsets.US_ASCII);
        try (Events events = new Events()) {
            events.subscription(customer, customer, new SubscriptionEvent.CustomerCreated(customer, "Wingtip", "AUD",
                    customer + "@example.com", Map.of(), new CustomerDetails("Wingtip Toys Pty Ltd", null, null,
                            "NONE", 30, null, List.of(ap, cfo))), Instant.parse("2022-01-01T00:00:00Z"));
            await().atMost(Duration.ofSeconds(120)).until(() -> given().header("Authorization", ADMIN)
                    .get("/v1/customers/" + customer + "/notifications").statusCode() == 200);
            events.invoice(customer, new BillingEvent.InvoiceIssued("inv-m-" + customer, "2022-02-000009", customer,
                    "2022-02", LocalDate.parse("2022-03-01"), "AUD", new BigDecimal("21.00"), new BigDecimal("23.10"), 20,
                    LocalDate.parse("2022-03-31"), new BigDecimal("2.10"), pdf), Instant.parse("2022-03-01T01:00:00Z"));

            // one message addressed to both contacts (the SMTP sink keeps a copy per recipient mailbox)
            await().atMost(Duration.ofSeconds(120)).until(() -> GreenMailResource.messagesTo(cfo).size() == 2);
            MimeMessage mail = GreenMailResource.messagesTo(ap).get(0);
            assertThat(GreenMailResource.messagesTo(ap)).extracting(m -> GreenMailResource.header(m, "Message-ID"))
                    .hasSize(2).containsOnly(GreenMailResource.header(mail, "Message-ID"));
            assertThat(GreenMailResource.messagesTo(customer + "@example.com")).isEmpty();
            assertThat(GreenMailResource.subject(mail)).isEqualTo("Invoice 2022-02-000009 for 2022-02: 23.10 AUD");
            Multipart parts = (Multipart) mail.getContent();
            Part attachment = null;
            for (int i = 0; i < parts.getCount(); i++) {
                if (Part.ATTACHMENT.equalsIgnoreCase(parts.getBodyPart(i).getDisposition())) {
                    attachment = parts.getBodyPart(i);
                }
            }
            assertThat(attachment).isNotNull();
            assertThat(attachment.getFileName()).isEqualTo("invoice-2022-02-000009.pdf");
            assertThat(attachment.getContentType()).startsWith("application/pdf");
            assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(pdf);
            List<String> channels = given().header("Authorization", ADMIN)
                    .get("/v1/customers/" + customer + "/notifications").then().extract().jsonPath()
                    .getList("items.channel");
            assertThat(channels).containsExactly("EMAIL");
        }
    }
}
