package dev.nce.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The signed-in user's bearer token: the OIDC access token when a deployment signs in through an OIDC provider (code
 * flow), else the development login's cookie (local stack). The console forwards it; the services decide.
 */
@RequestScoped
public class UserToken {

    public static final String COOKIE = "nce_console_token";

    @Inject
    HttpServerRequest request;
    @Inject
    Instance<SecurityIdentity> identity;
    @Inject
    ObjectMapper mapper;

    public Optional<String> bearer() {
        if (identity.isResolvable()) {
            SecurityIdentity id = identity.get();
            if (id != null && !id.isAnonymous()) {
                AccessTokenCredential oidc = id.getCredential(AccessTokenCredential.class);
                if (oidc != null) {
                    return Optional.of(oidc.getToken());
                }
            }
        }
        Cookie c = request.getCookie(COOKIE);
        return c == null || c.getValue().isBlank() ? Optional.empty() : Optional.of(c.getValue());
    }

    public boolean signedIn() {
        return bearer().isPresent();
    }

    /** Who is signed in, for the header: subject, roles and customer of the token (not verified here). */
    @io.quarkus.qute.TemplateData
    public record Who(String subject, List<String> roles, String customerId) {
        public boolean partner() {
            return customerId == null;
        }

        public String rolesText() {
            return String.join(", ", roles);
        }
    }

    public Who who() {
        return bearer().map(this::decode).orElse(new Who("", List.of(), null));
    }

    private Who decode(String jwt) {
        try {
            String[] parts = jwt.split("\\.");
            JsonNode claims = mapper.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            List<String> roles = new java.util.ArrayList<>();
            claims.path("groups").forEach(g -> roles.add(g.asText()));
            String customer = claims.path("customer_id").isTextual() ? claims.path("customer_id").asText() : null;
            return new Who(claims.path("sub").asText(""), roles, customer);
        } catch (Exception e) {
            return new Who("?", List.of(), null);
        }
    }
}
