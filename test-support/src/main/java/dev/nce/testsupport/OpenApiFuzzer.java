package dev.nce.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nce.contracts.events.EventJson;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Issue 16 part 3: requests derived from a running service's OpenAPI document ({@code /q/openapi}) and made wrong on
 * purpose (wrong types, missing and unknown fields, huge numbers, long and odd Unicode strings, invalid dates, broken
 * JSON, wrong content types, odd path ids, limit out of range, NUL characters, duplicate keys, trailing garbage, no
 * Content-Type), generated with jqwik's Arbitraries. Every request is built so that no valid request can result (a
 * path id that names nothing, or a body with an unknown field after the wrong one), so the service must answer 4xx
 * problem+json with a code of the API.md table, never 5xx, and change nothing.
 */
public final class OpenApiFuzzer {

    /** The codes of the API.md error table (and the other statuses' codes listed under it). */
    public static final Set<String> TABLE_CODES = Set.of("validation-failed", "not-found",
            "cancellation-window-closed", "reduction-exceeds-refundable", "notice-period-passed", "seat-cap-exceeded",
            "invalid-state", "term-shortening-not-allowed", "clock-backwards", "simulation-disabled",
            "concurrent-modification", "term-change-not-allowed", "period-not-closed", "idempotency-key-in-progress",
            "unauthorized", "forbidden", "plan-not-available", "upgrade-not-eligible", "coterm-not-allowed",
            "idempotency-key-reused", "promotion-not-eligible", "precondition-failed", "catalog-unavailable",
            "service-unavailable", "method-not-allowed", "not-acceptable", "unsupported-media-type",
            "uri-too-long"); // 414, added by issue 15 item 6 (API.md: add codes, never rename)

    /** One generated request. */
    public record FuzzRequest(String kind, String method, String path, String contentType, String body) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "..." : body;
            return kind + ": " + method + " " + (path.length() > 200 ? path.substring(0, 200) + "..." : path) + " ["
                    + contentType + "] " + shown;
        }
    }

    /**
     * What a run saw: requests sent, answers by status, the answers of the application that broke a rule (5xx, a
     * refused request taken, a code outside the table) and those the defects change fixes (issue 15 item 6): error
     * answers of the HTTP layer that are not problem+json or no answer at all (414, control characters), and any
     * wrong answer to a request with a NUL character.
     */
    public record Report(int sent, Map<Integer, Integer> byStatus, List<String> violations, List<String> httpLayer) {}

    record Operation(String method, String template, boolean hasBody, List<String> queryParams) {}

    private static final String NOT_PROBLEM = " not problem+json";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private OpenApiFuzzer() {}

    /** Sends {@code count} generated requests to the service at {@code base} with {@code bearer}. */
    public static Report run(URI base, String bearer, int count) throws Exception {
        return run(base, bearer, count, List.of());
    }

    /** As above, leaving out the routes under {@code skippedPrefixes} (a test's stand-in of another service). */
    public static Report run(URI base, String bearer, int count, List<String> skippedPrefixes) throws Exception {
        List<Operation> operations = operations(EventJson.mapper().readTree(
                HTTP.send(HttpRequest.newBuilder(base.resolve("q/openapi?format=json")).build(),
                        HttpResponse.BodyHandlers.ofString()).body())).stream()
                .filter(op -> skippedPrefixes.stream().noneMatch(op.template()::startsWith)).toList();
        if (operations.isEmpty()) {
            throw new AssertionError("no operations in the OpenAPI document of " + base);
        }
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        List<String> violations = new ArrayList<>();
        List<String> httpLayer = new ArrayList<>();
        AtomicInteger sent = new AtomicInteger();
        Iterator<FuzzRequest> requests = requests(operations).sampleStream().iterator();
        while (sent.get() < count) {
            FuzzRequest request = requests.next();
            HttpResponse<String> response;
            try {
                response = HTTP.send(build(base, bearer, request), HttpResponse.BodyHandlers.ofString());
            } catch (IllegalArgumentException unsendable) {
                continue; // the JDK client refuses it (e.g. a header value): nothing reached the service
            } catch (java.io.IOException noAnswer) {
                sent.incrementAndGet();
                if (httpLayer.size() < 50) {
                    httpLayer.add("no answer (" + noAnswer.getMessage() + ") for " + request);
                }
                continue;
            }
            sent.incrementAndGet();
            byStatus.merge(response.statusCode(), 1, Integer::sum);
            String violation = check(request, response);
            boolean defectsChange = violation != null && (violation.contains(NOT_PROBLEM) && response.statusCode() < 500
                    || hasNul(request));
            List<String> list = defectsChange ? httpLayer : violations;
            if (violation != null && list.size() < 50) {
                list.add(violation);
            }
        }
        return new Report(sent.get(), new TreeMap<>(byStatus), violations, httpLayer);
    }

    /** NUL characters in the path, query or body: rejected by the defects change (issue 15 item 6). */
    static boolean hasNul(FuzzRequest request) {
        return request.path().contains("%00") || request.body() != null
                && (request.body().contains("\u0000") || request.body().contains("\\u0000"));
    }

    static String check(FuzzRequest request, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 500) {
            return status + " for " + request + ": " + response.body();
        }
        if (status < 400) {
            return "GET".equals(request.method()) ? null : status + " (accepted) for " + request;
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return status + NOT_PROBLEM + " (" + type + ") for " + request;
        }
        try {
            String code = EventJson.mapper().readTree(response.body()).path("code").asText();
            return TABLE_CODES.contains(code) ? null : status + " code '" + code + "' not in the table for " + request;
        } catch (Exception e) {
            return status + " unreadable problem body for " + request;
        }
    }

    static List<Operation> operations(JsonNode openapi) {
        List<Operation> result = new ArrayList<>();
        openapi.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String method = op.getKey().toUpperCase();
            if (!Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                return;
            }
            List<String> query = new ArrayList<>();
            op.getValue().path("parameters").forEach(p -> {
                if ("query".equals(p.path("in").asText())) {
                    query.add(p.path("name").asText());
                }
            });
            boolean hasBody = op.getValue().has("requestBody");
            result.add(new Operation(method, path.getKey(), hasBody, query));
        }));
        return result;
    }

    // ---- generators -----------------------------------------------------------------------------------------------

    static Arbitrary<String> oddStrings() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMinLength(0).ofMaxLength(40),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(30),
                Arbitraries.strings().withChars('\u0000', '\u0007', '\u001b', '\u202e', '\ufeff', '\ud83d', '\ude00',
                        '\u00e9', '\u4e2d', '%', '/', '\\', '"', '\'', '<', '>', '{', '}', ';', '\n')
                        .ofMinLength(1).ofMaxLength(20),
                Arbitraries.of("\uD83D\uDE00\uD83D\uDE00", "Ω≈ç√∫", "e\u0301", "' OR 1=1 --", "../../etc/passwd",
                        "%00", "%2e%2e%2f", "null", "undefined", "NaN", "-0", "1e999", "\u0000"),
                Arbitraries.strings().withChars('x', '\u00e9', '\u4e2d').ofMinLength(300).ofMaxLength(5_000));
    }

    static Arbitrary<String> oddJsonValues() {
        return Arbitraries.oneOf(
                oddStrings().map(OpenApiFuzzer::json),
                Arbitraries.of("1e400", "-1e400", "99999999999999999999999999", "-9223372036854775809", "0.0000001",
                        "10.4", "-1", "0", "2147483648", "true", "false", "null", "[]", "{}", "[1,2,3]",
                        "{\"a\":{\"b\":[]}}", "\"2022-13-45\"", "\"2022-02-30\"", "\"0000-01\"", "\"2022-1\"",
                        "\"25:61\"", "\"2022-01-01T25:00:00Z\"", "\"P-1D\"", "\"PT1000000000H\""),
                Arbitraries.longs().map(Object::toString),
                Arbitraries.doubles().map(d -> Double.isFinite(d) ? Double.toString(d) : "1e400"));
    }

    static Arbitrary<String> oddIds() {
        return Arbitraries.oneOf(oddStrings().filter(s -> !s.isEmpty()),
                Arbitraries.of("00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
                        "not-a-uuid", "CFQ7TTC0LF8Q:9999", "ZZZZZZZZZZZZ:0001", "-1", "0", "9999999999999999999",
                        "%00", "%25", "a%2Fb", ".", "..", "%2e%2e", " ", "\u00e9t\u00e9"));
    }

    static String json(String s) {
        return EventJson.write(s);
    }

    /** A body that can never be valid: ends with an unknown field (API.md: unknown fields are 400). */
    static Arbitrary<String> badBodies() {
        Arbitrary<String> field = Arbitraries.of("name", "quantity", "offerId", "term", "billing", "currency", "period",
                "to", "email", "billingCurrency", "autoRenew", "endOfTermAction", "unitPrice", "rate", "effectiveFrom",
                "targetOfferId", "customerId", "promotionId", "url", "secret", "items", "prices", "at");
        Arbitrary<String> objectWithWrongField = Combinators.combine(field.list().ofMinSize(1).ofMaxSize(4),
                oddJsonValues().list().ofMinSize(4).ofMaxSize(4)).as((names, values) -> {
            StringBuilder b = new StringBuilder("{");
            for (int i = 0; i < names.size(); i++) {
                b.append(json(names.get(i))).append(':').append(values.get(i)).append(',');
            }
            return b.append("\"zzUnknownField\":1}").toString();
        });
        return Arbitraries.oneOf(
                objectWithWrongField,
                objectWithWrongField.map(b -> b.replaceFirst("\\{", "{\"name\":\"a\",\"name\":\"b\",")), // duplicate keys
                objectWithWrongField.map(b -> b + " trailing garbage"),
                objectWithWrongField.map(b -> b.substring(0, Math.max(1, b.length() / 2))), // broken JSON
                Arbitraries.of("", "{", "}", "[", "nul", "{\"a\":}", "{'a':1}", "{\"a\":1,}", "\u0000", "[]", "\"x\"",
                        "42", "true", "{\"zzUnknownField\":\"\u0000\"}"),
                oddStrings().map(s -> "{\"zzUnknownField\":" + json(s) + "}"));
    }

    static Arbitrary<FuzzRequest> requests(List<Operation> operations) {
        Arbitrary<Operation> operation = Arbitraries.of(operations);
        Arbitrary<String> contentTypes = Arbitraries.of("application/json", "application/json", "application/json",
                "text/plain", "application/xml", "application/x-www-form-urlencoded", "application/merge-patch+json",
                "application/json; charset=utf-16", "multipart/form-data; boundary=x", "*/*", "", "application/jso\u00f1");
        return Combinators.combine(operation, oddIds(), badBodies(), contentTypes, oddJsonValues(), oddStrings(),
                        Arbitraries.integers().between(0, 5))
                .as((op, id, body, contentType, queryValue, oddQuery, mode) -> build(op, id, body, contentType,
                        queryValue, oddQuery, mode));
    }

    static FuzzRequest build(Operation op, String id, String body, String contentType, String queryValue,
                             String oddQuery, int mode) {
        boolean templated = op.template().contains("{");
        String path = op.template().replaceAll("\\{[^}]+}", encodePathSegment(id));
        String kind;
        StringBuilder query = new StringBuilder();
        if (mode == 0 && !op.queryParams().isEmpty()) {
            kind = "limit/query out of range";
            for (String name : op.queryParams()) {
                String value = name.equals("limit") ? pick(queryValue, "0", "1001", "-5", "abc", "1e3")
                        : name.equals("offset") ? pick(queryValue, "-1", "x", "99999999999999999999") : queryValue;
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(encode(value));
            }
        } else if (mode == 1 && !op.queryParams().isEmpty()) {
            kind = "odd query strings";
            for (String name : op.queryParams()) {
                query.append(query.length() == 0 ? "?" : "&").append(name).append('=').append(encode(oddQuery));
            }
        } else {
            kind = templated ? "odd path id" : "bad body";
        }
        String method = op.method();
        if (!"GET".equals(method) && !"DELETE".equals(method)) {
            if (!templated && !op.hasBody()) {
                // no id to make it miss and no body to make it wrong: only a wrong method is safe here
                return new FuzzRequest("wrong method", "PATCH", path + query, contentType, body);
            }
            return new FuzzRequest(kind + (mode == 5 ? " (no content type)" : ""), method, path + query,
                    mode == 5 ? null : contentType, body);
        }
        if (!templated && "DELETE".equals(method)) {
            return new FuzzRequest("wrong method", "PATCH", path + query, contentType, body);
        }
        return new FuzzRequest(kind, method, path + query, null, null);
    }

    private static String pick(String generated, String... fixed) {
        int i = Math.floorMod(generated.hashCode(), fixed.length + 1);
        return i == fixed.length ? generated : fixed[i];
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String encodePathSegment(String id) {
        return encode(id).replace("+", "%20");
    }

    static HttpRequest build(URI base, String bearer, FuzzRequest request) {
        String path = request.path().startsWith("/") ? request.path().substring(1) : request.path();
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base.toString() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", bearer);
        HttpRequest.BodyPublisher body = request.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(request.body());
        if (request.contentType() != null && !request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        return builder.method(request.method(), body).build();
    }

    /** A JSON object of the services' answers, for the report. */
    public static String summary(Report report) {
        ObjectNode node = EventJson.mapper().createObjectNode();
        node.put("sent", report.sent());
        node.put("violations", report.violations().size());
        node.put("httpLayer", report.httpLayer().size());
        report.byStatus().forEach((status, n) -> node.put(Integer.toString(status), n));
        return node.toString();
    }
}
