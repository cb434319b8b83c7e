package dev.nce.subscription.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/** Turns catalog error answers into {@link CatalogRefusal} (404, 422: final) or {@link CatalogFailure} (retryable). */
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
        if (status == 404 || status == 422) {
            return new CatalogRefusal(status, code, detail);
        }
        return new CatalogFailure("catalog-service answered " + status + (code == null ? "" : " " + code));
    }

    @Override
    public boolean handles(int status, jakarta.ws.rs.core.MultivaluedMap<String, Object> headers) {
        return status >= 400;
    }
}
