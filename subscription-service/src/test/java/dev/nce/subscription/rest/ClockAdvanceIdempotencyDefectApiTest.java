package dev.nce.subscription.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 15: POST /admin/clock/advance ignored Idempotency-Key, so a client retrying an advance whose answer it
 * lost got 409 clock-backwards once the clock had moved on. The retry now replays the first answer.
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
class ClockAdvanceIdempotencyDefectApiTest {

    @Test
    void a_retried_advance_with_its_idempotency_key_replays_the_first_answer() {
        Instant now = Api.now();
        String first = now.plus(Duration.ofHours(1)).toString();
        String later = now.plus(Duration.ofHours(2)).toString();
        String key = "advance-" + UUID.randomUUID();
        String body = "{\"to\":\"" + first + "\"}";
        Api.json().header("Idempotency-Key", key).body(body).post("/admin/clock/advance")
                .then().statusCode(200).body("now", equalTo(first));
        Api.json().body("{\"to\":\"" + later + "\"}").post("/admin/clock/advance").then().statusCode(200);
        Api.json().header("Idempotency-Key", key).body(body).post("/admin/clock/advance")
                .then().statusCode(200).body("now", equalTo(first));
        assertThat(Api.now()).isEqualTo(Instant.parse(later));
        Api.json().header("Idempotency-Key", key).body("{\"to\":\"" + later + "\"}").post("/admin/clock/advance")
                .then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
    }
}
