package dev.nce.kit.http;

import dev.nce.contracts.ErrorCode;
import dev.nce.kit.problem.Problem;
import dev.nce.kit.problem.Problems;
import dev.nce.kit.validation.FieldLimits;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Issue 15 item 6, before any resource runs: a URI longer than 4096 characters is 414 problem+json, a request body without a Content-Type is 415 (it used to be taken as
 * JSON), a control character (NUL) in the path is 404 (not a well-formed id, API.md) and in a query parameter 400
 * naming it (PostgreSQL cannot store NUL and answered 500).
 */
public class RequestHygiene {

    private static final Set<String> WITH_BODY = Set.of("POST", "PUT", "PATCH");

    /** Longest request URI answered by the application; Vert.x reads lines up to 16 KiB so this 414 is problem+json. */
    static final int MAX_URI = 4096;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (request.getUriInfo().getRequestUri().toString().length() > MAX_URI + 64) { // scheme, host, port
            return Problems.response(Problem.of(414, "uri-too-long", "the request URI is longer than " + MAX_URI
                    + " characters", null, Map.of()));
        }
        String path = request.getUriInfo().getPath();
        if (FieldLimits.hasControl(path)) {
            return Problems.response(Problem.of(404, ErrorCode.NOT_FOUND, "resource not found", null, Map.of()));
        }
        for (Map.Entry<String, List<String>> query : request.getUriInfo().getQueryParameters().entrySet()) {
            if (FieldLimits.hasControl(query.getKey()) || query.getValue().stream().anyMatch(FieldLimits::hasControl)) {
                String field = FieldLimits.hasControl(query.getKey()) ? "query" : query.getKey();
                return Problems.response(Problem.of(400, ErrorCode.VALIDATION_FAILED,
                        "query parameter " + field + " contains a control character", null, Map.of("field", field)));
            }
        }
        if (WITH_BODY.contains(request.getMethod()) && request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null
                && hasBody(request)) {
            return Problems.response(Problem.of(415, ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "a request body needs a Content-Type (application/json)", null, Map.of()));
        }
        return null;
    }

    private static boolean hasBody(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                return Long.parseLong(length.trim()) > 0;
            } catch (NumberFormatException e) {
                return true;
            }
        }
        String encoding = request.getHeaderString("Transfer-Encoding");
        return encoding != null && encoding.toLowerCase().contains("chunked");
    }
}
