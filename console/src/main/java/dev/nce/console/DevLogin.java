package dev.nce.console;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.util.KeyUtils;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The local stack's development login (issue 21): mints a token for a chosen role with the stack's development key
 * ({@code .nce/jwt/privateKey.pem}, the key the services trust there), claims as stack/DevTokens: issuer nce, RS256,
 * 12 h. Never enabled in a deployment, which signs users in through OIDC instead.
 */
public final class DevLogin {

    public static final List<String> ROLES = List.of("partner-admin", "billing-admin", "sales-agent", "support-agent",
            "auditor", "customer");
    static final Duration LIFETIME = Duration.ofHours(12);

    private final PrivateKey key;

    public DevLogin(Path privateKeyPem) {
        try {
            this.key = KeyUtils.decodePrivateKey(Files.readString(privateKeyPem));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the development key " + privateKeyPem, e);
        }
    }

    /** A token for {@code role}; a customer token carries {@code customer_id} and the subject customer-<id>. */
    public String mint(String role, String customerId) {
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("unknown role " + role);
        }
        boolean customer = role.equals("customer");
        if (customer && (customerId == null || customerId.isBlank())) {
            throw new IllegalArgumentException("a customer sign-in needs a customer id");
        }
        var builder = Jwt.issuer("nce").subject(customer ? "customer-" + customerId.trim() : "console-" + role)
                .groups(Set.of(role)).expiresIn(LIFETIME);
        if (customer) {
            builder.claim("customer_id", customerId.trim());
        }
        return builder.jws().header("typ", "JWT").sign(key);
    }
}
