package dev.nce.subscription.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns catalog error answers into {@link CatalogRefusal} (final, the client's: every 4xx but the ones about this
 * service's own token or load) or {@link CatalogFailure} (retryable, counted by the circuit breaker). Issue 15 item 2:
 * a 400 or 414 for a malformed id used to count as an outage and opened the breaker for every customer.
 */
public class CatalogResponseMapper implements ResponseExceptionMapper<RuntimeException> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public RuntimeException toThrowable(Response response) {
        int status = response.getStatus();
        String body = "";
        try {
            if (response.hasEntity()) {
                body = response.readEntity(String.class);
            }
        } catch (RuntimeException e) {
            body = "";
        }
        String code = null;
        String detail = null;
        try {
            JsonNode node = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            code = node.path("code").isTextual() ? node.path("code").asText() : null;
            detail = node.path("detail").isTextual() ? node.path("detail").asText() : null;
        } catch (Exception e) {
            // not problem+json: keep the status only
        }
        if (isClientError(status)) {
            return new CatalogRefusal(status, code, detail);
        }
        return new CatalogFailure("catalog-service answered " + status + (code == null ? "" : " " + code));
    }

    /** 401/403 (our token), 408 and 429 (load) are the catalog's or ours to retry; any other 4xx is the request's. */
    static boolean isClientError(int status) {
        return status >= 400 && status < 500 && status != 401 && status != 403 && status != 408 && status != 429;
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
