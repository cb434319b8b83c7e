package dev.nce.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nce.contracts.Topics;
import dev.nce.kit.testapp.KitTestDatabase;
import dev.nce.testsupport.DeadLetterProbe;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 1 and issue 16: an outbox row the broker can never take (a 1.2 MB event, above the 1 MB record limit)
 * is moved to the dead letters with its error and counted; the rows after it are published; operators list and
 * resolve it (partner-admin only, problem+json errors).
 */
@QuarkusTest
@QuarkusTestResource(KitTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class OutboxDeadLetterTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    static final String TOPIC = Topics.INVOICES;

    @Inject
    EntityManager em;

    private void outboxRow(String key, String payload) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "INSERT INTO outbox (event_id, topic, msg_key, payload) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, TOPIC).setParameter(3, key).setParameter(4, payload)
                .executeUpdate());
    }

    private long unsent() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL").getSingleResult()).longValue());
    }

    @Test
    void a_1_2_mb_event_is_moved_aside_and_the_rows_after_it_go_out() {
        String key = "c-oversized";
        String huge = "{\"customerId\":\"" + key + "\",\"name\":\"" + "x".repeat(1_200_000) + "\"}";
        outboxRow(key, "{\"n\":\"before\"}");
        outboxRow(key, huge);
        outboxRow(key, "{\"n\":\"after-1\"}");
        outboxRow(key, "{\"n\":\"after-2\"}");

        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> unsent() == 0);
        List<String> published = DeadLetterProbe.read(TOPIC, 3, Duration.ofSeconds(20)).stream()
                .filter(r -> key.equals(r.key())).map(ConsumerRecord::value).toList();
        assertThat(published).containsExactly("{\"n\":\"before\"}", "{\"n\":\"after-1\"}", "{\"n\":\"after-2\"}");

        JsonPath open = given().header("Authorization", ADMIN).queryParam("status", "OPEN").queryParam("topic", TOPIC)
                .get("/admin/dead-letters").then().statusCode(200).extract().jsonPath();
        assertThat(open.getInt("totalCount")).isEqualTo(1);
        assertThat(open.getString("items[0].source")).isEqualTo("OUTBOX");
        assertThat(open.getString("items[0].key")).isEqualTo(key);
        assertThat(open.getLong("items[0].payloadBytes")).isEqualTo(huge.length());
        assertThat(open.getString("items[0].error")).contains("RecordTooLargeException");
        assertThat(open.getString("items[0].status")).isEqualTo("OPEN");
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("nce_dead_letters_total{source=\"OUTBOX\",topic=\"" + TOPIC + "\"} 1.0");
        assertThat(metrics).contains("nce_dead_letters_open{topic=\"" + TOPIC + "\"} 1.0");

        String id = open.getString("items[0].deadLetterId");
        // partner-admin only; unknown and malformed ids answer 404; paging is validated
        given().header("Authorization", TestTokens.bearer(TestTokens.customer(key))).get("/admin/dead-letters")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
        given().get("/admin/dead-letters").then().statusCode(401).body("code", equalTo("unauthorized"));
        given().header("Authorization", ADMIN).post("/admin/dead-letters/" + UUID.randomUUID() + "/resolve")
                .then().statusCode(404).contentType("application/problem+json").body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).post("/admin/dead-letters/not-an-id/replay")
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).queryParam("limit", 0).get("/admin/dead-letters")
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("field", equalTo("limit"));
        given().header("Authorization", ADMIN).queryParam("status", "LOST").get("/admin/dead-letters")
                .then().statusCode(400).body("field", equalTo("status"));

        given().header("Authorization", ADMIN).post("/admin/dead-letters/" + id + "/resolve").then().statusCode(200)
                .body("status", equalTo("RESOLVED")).body("closedBy", equalTo("admin"));
        given().header("Authorization", ADMIN).post("/admin/dead-letters/" + id + "/resolve").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("invalid-state"));
        given().header("Authorization", ADMIN).queryParam("status", "OPEN").get("/admin/dead-letters").then()
                .statusCode(200).body("totalCount", equalTo(0));
        assertThat(given().get("/q/metrics").then().extract().asString())
                .contains("nce_dead_letters_open{topic=\"" + TOPIC + "\"} 0.0");
    }
}
