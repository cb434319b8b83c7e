package dev.nce.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Issue 16, one service's poison record: a record that is not an event envelope, sent to a topic the service consumes,
 * must be filed as an OPEN dead letter of that consumer (listed by GET /admin/dead-letters), copied to
 * {@code <topic>.dlq} with the same key and value and the origin headers, counted per topic, and then be resolvable
 * exactly once. Throws AssertionError with what differed.
 */
public final class PoisonRecordCheck {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final String ADMIN = TestTokens.bearer(TestTokens.partnerAdmin());

    private PoisonRecordCheck() {}

    /** Runs the check against the service at {@code base} (e.g. the @TestHTTPResource URL); answers the dead letter. */
    public static JsonNode run(URI base, String topic, String channel) throws Exception {
        String key = "poison-" + UUID.randomUUID();
        String value = "not an event envelope " + key;
        DeadLetterProbe.send(topic, 0, key, value);

        JsonNode letter = null;
        long until = System.currentTimeMillis() + 60_000;
        while (letter == null && System.currentTimeMillis() < until) {
            JsonNode page = EventJson.mapper().readTree(get(base, "admin/dead-letters?limit=1000&topic=" + topic, 200));
            for (JsonNode item : page.get("items")) {
                if (key.equals(item.path("key").asText())) {
                    letter = item;
                }
            }
            if (letter == null) {
                Thread.sleep(250);
            }
        }
        check(letter != null, "no dead letter for the poison record on " + topic);
        check("CONSUMER".equals(letter.path("source").asText()), "source " + letter);
        check(channel.equals(letter.path("consumer").asText()), "consumer " + letter);
        check("OPEN".equals(letter.path("status").asText()), "status " + letter);
        check(letter.path("partition").asInt() == 0, "partition " + letter);
        check(!letter.path("error").asText().isBlank(), "error " + letter);
        check(topic.equals(letter.path("topic").asText()), "topic " + letter);

        List<ConsumerRecord<String, String>> copies = DeadLetterProbe.read(Topics.deadLetterOf(topic), 1000,
                Duration.ofSeconds(5)).stream().filter(r -> key.equals(r.key())).toList();
        check(copies.size() == 1, "copies on " + Topics.deadLetterOf(topic) + ": " + copies.size());
        ConsumerRecord<String, String> copy = copies.get(0);
        check(value.equals(copy.value()), "dlq value " + copy.value());
        check(topic.equals(DeadLetterProbe.header(copy, "dlq.original.topic")), "dlq topic header");
        check("0".equals(DeadLetterProbe.header(copy, "dlq.original.partition")), "dlq partition header");
        check(letter.path("offset").asText().equals(DeadLetterProbe.header(copy, "dlq.original.offset")),
                "dlq offset header");
        check(channel.equals(DeadLetterProbe.header(copy, "dlq.consumer")), "dlq consumer header");
        check(DeadLetterProbe.header(copy, "dlq.error") != null, "dlq error header");

        String metrics = get(base, "q/metrics", 200);
        check(metrics.contains("nce_dead_letters_total{source=\"CONSUMER\",topic=\"" + topic + "\"}"),
                "no nce_dead_letters_total for " + topic);

        String id = letter.path("deadLetterId").asText();
        JsonNode resolved = EventJson.mapper().readTree(post(base, "admin/dead-letters/" + id + "/resolve", 200));
        check("RESOLVED".equals(resolved.path("status").asText()), "resolve answered " + resolved);
        JsonNode again = EventJson.mapper().readTree(post(base, "admin/dead-letters/" + id + "/replay", 409));
        check("invalid-state".equals(again.path("code").asText()), "replay of a resolved letter answered " + again);
        return letter;
    }

    private static String get(URI base, String path, int status) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", ADMIN).GET().build(), status);
    }

    private static String post(URI base, String path, int status) throws Exception {
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Authorization", ADMIN)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), status);
    }

    private static String send(HttpRequest request, int status) throws Exception {
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        check(response.statusCode() == status, request.method() + " " + request.uri() + " answered "
                + response.statusCode() + ": " + response.body());
        return response.body();
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new AssertionError(message);
        }
    }
}
