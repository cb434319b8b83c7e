package dev.nce.kit.auth;

import io.smallrye.jwt.util.KeyUtils;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The bearer a service sends on a service-to-service call. With {@code nce.service-token.signing-key.location} (a
 * PEM private key, {@code file:} path as mounted from a Secret) the service signs its own short-lived token
 * ({@code nce.service-token.lifetime}, default one hour) and renews it by itself; otherwise the static token of the
 * named fallback property is sent, with a warning at first use, as that one expires without notice.
 */
@ApplicationScoped
@Unremovable // looked up from REST client interfaces' default header methods, which CDI does not see as injection points
public class ServiceTokens {

    private static final Logger LOG = Logger.getLogger(ServiceTokens.class);

    @ConfigProperty(name = "nce.service-token.signing-key.location")
    Optional<String> signingKeyLocation;
    @ConfigProperty(name = "nce.service-token.lifetime", defaultValue = "PT1H")
    Duration lifetime;
    @ConfigProperty(name = "quarkus.application.name")
    String subject;
    @ConfigProperty(name = "mp.jwt.verify.issuer", defaultValue = "nce")
    String issuer;
    @Inject
    org.eclipse.microprofile.config.Config config;

    private volatile RenewingServiceToken renewing;
    private volatile boolean warned;

    /** The Authorization header value: a self-signed token, else the static token in {@code fallbackProperty}. */
    public String authorization(String fallbackProperty) {
        if (signingKeyLocation.isPresent() && !signingKeyLocation.get().isBlank()) {
            return "Bearer " + renewing().current();
        }
        if (!warned) {
            warned = true;
            LOG.warnf("no nce.service-token.signing-key.location: sending the static %s, which is not renewed",
                    fallbackProperty);
        }
        return "Bearer " + config.getOptionalValue(fallbackProperty, String.class).orElse("");
    }

    private RenewingServiceToken renewing() {
        if (renewing == null) {
            synchronized (this) {
                if (renewing == null) {
                    try {
                        renewing = new RenewingServiceToken(readKey(signingKeyLocation.get()), issuer,
                                subject, lifetime, Clock.systemUTC());
                    } catch (Exception e) {
                        throw new IllegalStateException("cannot read the service signing key "
                                + signingKeyLocation.get() + ": " + e.getMessage(), e);
                    }
                }
            }
        }
        return renewing;
    }

    /**
     * The PEM private key at {@code location}: {@code file:/path} as the stack passes it and the chart mounts it (a
     * plain path works too), else a classpath resource. smallrye's own reader takes classpath resources only.
     */
    static PrivateKey readKey(String location) throws IOException, GeneralSecurityException {
        String path = location.startsWith("file:") ? location.substring("file:".length()) : location;
        if (Files.isRegularFile(Path.of(path))) {
            return KeyUtils.decodePrivateKey(Files.readString(Path.of(path), StandardCharsets.US_ASCII));
        }
        return KeyUtils.readPrivateKey(location);
    }
}
