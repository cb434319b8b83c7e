package dev.nce.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.contracts.events.EventJson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Issue 16 part 4: every /v1 and /admin route of a service's OpenAPI document called with no token, an expired token,
 * a token signed by another key, {@code alg: none} and a token of another issuer (all 401 {@code unauthorized}
 * problem+json), and with another customer's token: a route naming customer A's resources answers customer B exactly
 * as the same route with unknown ids (status and code), and A's ids never appear in what B reads.
 */
public final class TokenMatrix {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");

    /** The route calls made, and every answer that broke a rule. */
    public record Report(int calls, int routes, List<String> violations) {}

    private TokenMatrix() {}

    /** The invalid credentials, by name; null means no Authorization header. */
    public static Map<String, String> invalidTokens() {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.put("expired", TestTokens.bearer(TestTokens.expired()));
        tokens.put("another key", TestTokens.bearer(TestTokens.forged()));
        tokens.put("alg none", TestTokens.bearer(TestTokens.algNone()));
        tokens.put("another issuer", TestTokens.bearer(TestTokens.otherIssuer()));
        tokens.put("not a JWT", "Bearer abc.def");
        return tokens;
    }

    /**
     * @param ownedByA path parameter values naming customer A's resources (e.g. customerId, subscriptionId); routes
     *                 whose parameters are all known here are tried with them, others with unknown ids only
     * @param secrets  strings that must never appear in an answer to customer B (A's ids, names)
     */
    public static Report run(URI base, String customerB, Map<String, String> ownedByA, List<String> secrets)
            throws Exception {
        return run(base, customerB, ownedByA, secrets, List.of());
    }

    /** As above, leaving out the routes under {@code skippedPrefixes} (a test's stand-in of another service). */
    public static Report run(URI base, String customerB, Map<String, String> ownedByA, List<String> secrets,
                             List<String> skippedPrefixes) throws Exception {
        JsonNode openapi = EventJson.mapper().readTree(HTTP.send(HttpRequest.newBuilder(base.resolve("q/openapi?format=json"))
                .build(), HttpResponse.BodyHandlers.ofString()).body());
        List<String> violations = new ArrayList<>();
        int calls = 0;
        int routes = 0;
        var paths = openapi.path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            String template = path.getKey();
            if (!template.startsWith("/v1") && !template.startsWith("/admin")
                    || skippedPrefixes.stream().anyMatch(template::startsWith)) {
                continue;
            }
            var methods = path.getValue().fieldNames();
            while (methods.hasNext()) {
                String methodKey = methods.next();
                String method = methodKey.toUpperCase();
                // the content type the route takes (multipart uploads), so a bad token is judged, not the body type
                String contentType = path.getValue().path(methodKey).path("requestBody").path("content")
                        .has("multipart/form-data") ? "multipart/form-data; boundary=x" : "application/json";
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                routes++;
                String unknown = fill(template, Map.of());
                for (var token : invalidTokens().entrySet()) {
                    HttpResponse<String> r = call(base, method, unknown, token.getValue(), contentType);
                    calls++;
                    if (r.statusCode() != 401 || !"unauthorized".equals(code(r))) {
                        violations.add(token.getKey() + ": " + method + " " + unknown + " answered " + r.statusCode()
                                + " " + r.body());
                    }
                }
                HttpResponse<String> unknownAnswer = call(base, method, unknown, customerB, contentType);
                calls++;
                checkProblem(violations, "customer B, unknown ids", method, unknown, unknownAnswer);
                if (template.contains("{") && ownedByA.keySet().containsAll(params(template))) {
                    String owned = fill(template, ownedByA);
                    HttpResponse<String> ownedAnswer = call(base, method, owned, customerB, contentType);
                    calls++;
                    if (ownedAnswer.statusCode() != unknownAnswer.statusCode()
                            || !code(ownedAnswer).equals(code(unknownAnswer))) {
                        violations.add("customer B: " + method + " " + owned + " answered " + ownedAnswer.statusCode()
                                + " " + code(ownedAnswer) + " but unknown ids answer " + unknownAnswer.statusCode() + " "
                                + code(unknownAnswer));
                    }
                    for (String secret : secrets) {
                        if (ownedAnswer.body().contains(secret) && !owned.contains(secret)) {
                            violations.add("customer B: " + method + " " + owned + " shows '" + secret + "'");
                        }
                    }
                }
                for (String secret : secrets) {
                    if (unknownAnswer.statusCode() < 300 && unknownAnswer.body().contains(secret)) {
                        violations.add("customer B: " + method + " " + unknown + " shows '" + secret + "'");
                    }
                }
            }
        }
        return new Report(calls, routes, violations);
    }

    private static void checkProblem(List<String> violations, String who, String method, String path,
                                     HttpResponse<String> r) {
        if (r.statusCode() >= 500) {
            violations.add(who + ": " + method + " " + path + " answered " + r.statusCode());
        } else if (r.statusCode() >= 400 && !r.headers().firstValue("Content-Type").orElse("")
                .startsWith("application/problem+json")) {
            violations.add(who + ": " + method + " " + path + " answered " + r.statusCode() + " without problem+json");
        }
    }

    static List<String> params(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = PARAM.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String fill(String template, Map<String, String> values) {
        Matcher m = PARAM.matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String value = values.getOrDefault(m.group(1), unknownId(m.group(1)));
            m.appendReplacement(b, Matcher.quoteReplacement(value));
        }
        m.appendTail(b);
        return b.toString();
    }

    /** An id of the right shape that names nothing. */
    static String unknownId(String name) {
        String lower = name.toLowerCase();
        if (lower.contains("offer")) {
            return "ZZZZZZZZZZZZ:0001";
        }
        if (lower.contains("currency")) {
            return "XTS";
        }
        return "00000000-0000-4000-8000-000000000000";
    }

    static HttpResponse<String> call(URI base, String method, String path, String bearer, String contentType)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base.toString() + path.substring(1)))
                .timeout(Duration.ofSeconds(30));
        if (bearer != null) {
            b.header("Authorization", bearer);
        }
        boolean multipart = contentType.startsWith("multipart/");
        HttpRequest.BodyPublisher body = "GET".equals(method) || "DELETE".equals(method)
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(multipart ? "--x--\r\n" : "{}");
        if (!"GET".equals(method) && !"DELETE".equals(method)) {
            b.header("Content-Type", contentType);
        }
        return HTTP.send(b.method(method, body).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String code(HttpResponse<String> r) {
        try {
            return EventJson.mapper().readTree(r.body()).path("code").asText("");
        } catch (Exception e) {
            return "";
        }
    }
}
