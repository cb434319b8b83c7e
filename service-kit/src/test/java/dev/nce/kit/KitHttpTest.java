package dev.nce.kit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;

import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.kit.testapp.KitTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(KitTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class KitHttpTest {

    static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());
    static final String VALID = "{\"name\":\"widget\",\"price\":\"12.50\",\"billing\":\"MONTHLY\",\"quantity\":2}";

    private int count() {
        return given().header("Authorization", ADMIN).get("/v1/things").then().statusCode(200)
                .extract().path("totalCount");
    }

    @Test
    void no_token_is_401_problem_json() {
        given().get("/v1/things").then().statusCode(401).contentType("application/problem+json")
                .body("code", equalTo("unauthorized")).body("status", equalTo(401));
    }

    @Test
    void forged_token_is_401_problem_json() {
        given().header("Authorization", TestTokens.bearer(TestTokens.forged())).get("/v1/things")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthorized"));
    }

    @Test
    void valid_token_without_role_is_403() {
        given().header("Authorization", TestTokens.bearer(TestTokens.customer("c-1"))).contentType(ContentType.JSON)
                .body(VALID).post("/v1/things")
                .then().statusCode(403).contentType("application/problem+json").body("code", equalTo("forbidden"));
    }

    @Test
    void malformed_json_is_400_and_changes_nothing() {
        int before = count();
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"name\": \"x\", ").post("/v1/things")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation-failed")).body("field", equalTo("body"));
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void unknown_field_money_as_number_bad_enum_and_range_name_the_field() {
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"w\",\"price\":\"1.00\",\"colour\":\"red\"}").post("/v1/things")
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("field", equalTo("colour"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"w\",\"price\":1.00}").post("/v1/things")
                .then().statusCode(400).body("field", equalTo("price"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"w\",\"price\":\"1.00\",\"billing\":\"WEEKLY\"}").post("/v1/things")
                .then().statusCode(400).body("field", equalTo("billing"));
        given().header("Authorization", ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"w\",\"price\":\"1.00\",\"quantity\":0}").post("/v1/things")
                .then().statusCode(400).body("code", equalTo("validation-failed")).body("field", equalTo("quantity"));
    }

    @Test
    void unknown_resource_and_unknown_path_are_404_problem_json() {
        given().header("Authorization", ADMIN).get("/v1/things/nope").then().statusCode(404)
                .contentType("application/problem+json").body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).get("/v1/nothing-here").then().statusCode(404)
                .body("code", equalTo("not-found"));
    }

    @Test
    void unexpected_error_is_500_without_stack_trace() {
        given().header("Authorization", ADMIN).get("/v1/things/boom").then().statusCode(500)
                .contentType("application/problem+json").body("code", equalTo("internal-error"))
                .body(not(containsString("secret internal detail"))).body(not(containsString("at dev.nce")));
    }

    @Test
    void action_post_with_no_body_and_no_content_type_works_then_repeat_is_409() {
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(VALID).post("/v1/things")
                .then().statusCode(201).extract().path("id");
        given().header("Authorization", ADMIN).post("/v1/things/" + id + "/suspend")
                .then().statusCode(200).body("suspended", equalTo(true));
        given().header("Authorization", ADMIN).post("/v1/things/" + id + "/suspend")
                .then().statusCode(409).body("code", equalTo("invalid-state"));
    }

    @Test
    void idempotency_key_replays_the_first_answer_and_refuses_another_body() {
        String key = UUID.randomUUID().toString();
        int before = count();
        Response first = given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(VALID).post("/v1/things");
        first.then().statusCode(201);
        // same body with other key order and whitespace: canonical JSON makes it the same request
        Response second = given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{ \"quantity\":2, \"billing\":\"MONTHLY\", \"price\":\"12.50\", \"name\":\"widget\" }").post("/v1/things");
        second.then().statusCode(201);
        assertThat(second.<String>path("id")).isEqualTo(first.path("id"));
        assertThat(count()).isEqualTo(before + 1);
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body("{\"name\":\"other\",\"price\":\"1.00\"}").post("/v1/things")
                .then().statusCode(422).body("code", equalTo("idempotency-key-reused"));
        given().header("Authorization", ADMIN).header("Idempotency-Key", "x".repeat(256)).contentType(ContentType.JSON)
                .body(VALID).post("/v1/things")
                .then().statusCode(400).body("field", equalTo("Idempotency-Key"));
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void idempotency_key_replays_a_refusal_too() {
        String key = UUID.randomUUID().toString();
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).post("/v1/things/missing/suspend")
                .then().statusCode(404).body("code", equalTo("not-found"));
        given().header("Authorization", ADMIN).header("Idempotency-Key", key).post("/v1/things/missing/suspend")
                .then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void clock_is_reported_and_advance_is_only_on_the_clock_owner() {
        given().header("Authorization", ADMIN).get("/admin/clock").then().statusCode(200)
                .body("mode", equalTo("SIMULATED")).body("now", equalTo("2022-01-01T00:00:00Z"));
        given().header("Authorization", TestTokens.bearer(TestTokens.customer("c-1"))).get("/admin/clock")
                .then().statusCode(403);
        given().header("Authorization", ADMIN).contentType(ContentType.JSON).body("{\"to\":\"2022-02-01\"}")
                .post("/admin/clock/advance").then().statusCode(404).body("code", equalTo("not-found"));
    }

    @Test
    void health_ready_sees_database_and_topics() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void outbox_event_reaches_the_real_broker_once() {
        String id = given().header("Authorization", ADMIN).contentType(ContentType.JSON).body(VALID).post("/v1/things")
                .then().statusCode(201).extract().path("id");
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InProcessKafkaResource.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "kit-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        List<EventEnvelope> mine = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(Topics.SUBSCRIPTION_EVENTS));
            long deadline = System.currentTimeMillis() + 20_000;
            while (System.currentTimeMillis() < deadline && mine.isEmpty()) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    if (id.equals(r.key())) {
                        mine.add(EventJson.readEnvelope(r.value()));
                    }
                }
            }
            // a further poll window shows no duplicate
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                if (id.equals(r.key())) {
                    mine.add(EventJson.readEnvelope(r.value()));
                }
            }
        }
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).type()).isEqualTo("ThingCreated");
        assertThat(mine.get(0).effectiveAt()).hasToString("2022-01-01T00:00:00Z");
        assertThat(mine.get(0).actor()).isEqualTo("admin");
    }
}
