package dev.nce.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** What every page's layout shows (who is signed in, the platform time, the local-stack controls) and JSON helpers. */
@RequestScoped
public class Page {

    @Inject
    UserToken user;
    @Inject
    Services services;
    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "nce.console.local-stack", defaultValue = "false")
    boolean localStack;

    private String now;

    public ObjectMapper mapper() {
        return mapper;
    }

    /** The platform clock (subscription-service's), the base of every countdown. */
    public String now() {
        if (now == null) {
            ApiResult clock = services.get(Backend.SUBSCRIPTION, "/admin/clock");
            now = clock.ok() ? clock.json().path("now").asText() : java.time.Instant.now().toString();
        }
        return now;
    }

    public TemplateInstance with(TemplateInstance t, String active) {
        return t.data("who", user.who()).data("now", now()).data("localStack", localStack).data("active", active);
    }

    /** JSON as plain maps and lists, which the templates read as {row.field}. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? Map.of() : mapper.convertValue(node, Map.class);
    }

    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> items(ApiResult r) {
        if (!r.ok()) {
            return List.of();
        }
        return mapper.convertValue(r.json().path("items"), List.class);
    }
}
