package dev.nce.stack.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.nce.stack.Service;
import dev.nce.stack.Stack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** A small JSON client of the public REST API (API.md), as a partner admin. Used by the demo and e2e journeys. */
public final class PlatformApi {

    /** One answer: status and JSON body (a problem+json body on a refusal). */
    public record Answer(int status, JsonNode body) {
        public boolean ok() { return status >= 200 && status < 300; }

        public String code() { return body.path("code").asText(""); }

        public JsonNode orThrow(String what) {
            if (!ok()) {
                throw new ApiException(what + " answered " + status + " " + code() + ": " + body.path("detail").asText(""), this);
            }
            return body;
        }
    }

    public static final class ApiException extends RuntimeException {
        private final transient Answer answer;

        ApiException(String message, Answer answer) {
            super(message);
            this.answer = answer;
        }

        public Answer answer() { return answer; }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final Stack stack;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public PlatformApi(Stack stack) {
        this.stack = stack;
        this.token = stack.tokens().admin();
    }

    public Answer get(Service service, String path) { return send(service, "GET", path, null); }

    public Answer post(Service service, String path, Object body) { return send(service, "POST", path, body); }

    public Answer put(Service service, String path, Object body) { return send(service, "PUT", path, body); }

    public Answer patch(Service service, String path, Object body) { return send(service, "PATCH", path, body); }

    /** POST /admin/clock/advance on subscription-service, then waits until billing and notification report it. */
    public void advanceTo(Instant to, Duration catchUpTimeout) {
        JsonNode now = get(Service.SUBSCRIPTION, "/admin/clock").orThrow("GET /admin/clock").path("now");
        if (!Instant.parse(now.asText()).isBefore(to)) {
            return;
        }
        post(Service.SUBSCRIPTION, "/admin/clock/advance", JSON.createObjectNode().put("to", to.toString()))
                .orThrow("clock advance to " + to);
        awaitClock(Service.BILLING, to, catchUpTimeout);
        awaitClock(Service.NOTIFICATION, to, catchUpTimeout);
    }

    public void awaitClock(Service service, Instant to, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Answer clock = get(service, "/admin/clock");
            if (clock.ok() && !Instant.parse(clock.body().path("now").asText()).isBefore(to)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(service.moduleName() + " did not reach " + to + " within " + timeout
                        + " (it reports " + clock.body().path("now").asText() + ")");
            }
            sleep(50);
        }
    }

    private Answer send(Service service, String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.url(service) + path))
                    .timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token)
                    .header("Accept", "application/json");
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            if ("POST".equals(method)) {
                request.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body() == null || response.body().isBlank()
                    ? NullNode.getInstance() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
