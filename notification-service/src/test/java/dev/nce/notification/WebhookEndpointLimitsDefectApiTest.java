package dev.nce.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.notification.persistence.WebhookEndpointEntity;
import dev.nce.notification.support.Events;
import dev.nce.notification.support.GreenMailResource;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 3, the registration half: secrets of at least 16 characters stored encrypted (AES-GCM, never the
 * plain text), and at most 10 endpoints per customer.
 */
@QuarkusTest
@QuarkusTestResource(NotificationTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(GreenMailResource.class)
class WebhookEndpointLimitsDefectApiTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    private static io.restassured.response.Response register(String token, String customer, String url, String secret) {
        return given().header("Authorization", token).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"secret\":\"" + secret + "\",\"customerId\":\"" + customer + "\"}")
                .post("/v1/webhook-endpoints");
    }

    @Test
    void short_secrets_are_400_secrets_are_stored_encrypted_and_an_eleventh_endpoint_is_409() {
        String customer = "cust-limits-" + UUID.randomUUID();
        try (Events events = new Events()) {
            events.subscription(customer, customer, new SubscriptionEvent.CustomerCreated(customer, "Limits " + customer,
                    "USD", "limits@example.com", Map.of()), Instant.parse("2022-01-01T00:00:00Z"));
        }
        await().atMost(Duration.ofSeconds(120)).ignoreExceptions().until(() -> given().header("Authorization", ADMIN)
                .get("/v1/customers/" + customer + "/notifications").then().extract().statusCode() == 200);
        String token = TestTokens.bearer(TestTokens.customer(customer));

        register(token, customer, "https://hooks.example.com/short", "fifteen-chars-x").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("secret"));

        String secret = "a-secret-of-24-characters";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(register(token, customer, "https://hooks.example.com/n" + i, secret).then().statusCode(201)
                    .extract().path("endpointId"));
        }
        register(token, customer, "https://hooks.example.com/n10", secret).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("invalid-state"));
        given().header("Authorization", token).delete("/v1/webhook-endpoints/" + ids.get(0)).then().statusCode(204);
        register(token, customer, "https://hooks.example.com/n11", secret).then().statusCode(201);

        String stored = QuarkusTransaction.requiringNew().call(() ->
                WebhookEndpointEntity.<WebhookEndpointEntity>findById(UUID.fromString(ids.get(1))).secret);
        assertThat(stored).startsWith("enc:v1:").doesNotContain(secret);
    }
}
