package dev.nce.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Calls the services' public APIs with the signed-in user's bearer token (the Quarkus REST client's JAX-RS API); the
 * console holds no data of its own. A service that does not answer is a 503-like result, never an exception page.
 */
@ApplicationScoped
public class Services {

    @Inject
    ObjectMapper mapper;
    @Inject
    UserToken user;

    private final Client client = ClientBuilder.newBuilder().connectTimeout(3, TimeUnit.SECONDS)
            .readTimeout(30, TimeUnit.SECONDS).build();

    @PreDestroy
    void close() {
        client.close();
    }

    public static Map<String, Object> query(Object... pairs) {
        Map<String, Object> q = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null && !pairs[i + 1].toString().isBlank()) {
                q.put(pairs[i].toString(), pairs[i + 1]);
            }
        }
        return q;
    }

    public ApiResult get(Backend b, String path, Map<String, Object> query) {
        return call(b, path, query, "GET", null, MediaType.APPLICATION_JSON);
    }

    public ApiResult get(Backend b, String path) {
        return get(b, path, Map.of());
    }

    /** GET with another Accept (PDF, CSV): the bytes are kept. */
    public ApiResult download(Backend b, String path, String accept) {
        return call(b, path, Map.of(), "GET", null, accept);
    }

    public ApiResult send(Backend b, String method, String path, Object body) {
        return call(b, path, Map.of(), method, body, MediaType.APPLICATION_JSON);
    }

    private ApiResult call(Backend b, String path, Map<String, Object> query, String method, Object body, String accept) {
        WebTarget target = client.target(baseUrl(b)).path(path);
        for (Map.Entry<String, Object> q : query.entrySet()) {
            target = target.queryParam(q.getKey(), q.getValue());
        }
        Invocation.Builder request = target.request().accept(accept, "application/problem+json");
        user.bearer().ifPresent(t -> request.header("Authorization", "Bearer " + t));
        try (Response r = body == null && !method.equals("POST") && !method.equals("PATCH") && !method.equals("PUT")
                ? request.method(method)
                : request.method(method, Entity.entity(body == null ? "{}" : mapper.writeValueAsString(body),
                method.equals("PATCH") ? "application/merge-patch+json" : MediaType.APPLICATION_JSON))) {
            byte[] bytes = r.hasEntity() ? r.readEntity(byte[].class) : new byte[0];
            String type = r.getMediaType() == null ? "" : r.getMediaType().toString();
            JsonNode json = MissingNode.getInstance();
            if (type.contains("json") && bytes.length > 0) {
                json = mapper.readTree(bytes);
            }
            return new ApiResult(r.getStatus(), json, bytes, type);
        } catch (ProcessingException | IOException e) {
            return new ApiResult(503, mapper.createObjectNode().put("code", "unavailable")
                    .put("detail", b.label() + " did not answer (" + e.getMessage() + ")"), new byte[0], "");
        }
    }

    static String baseUrl(Backend b) {
        return ConfigProvider.getConfig().getValue(b.urlProperty(), String.class);
    }
}
