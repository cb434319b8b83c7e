package dev.nce.kit.auth;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Issue 16 item 5: with the production profile active (prod, or any profile other than dev and test, e.g. worker), a service refuses to start on a development signing key: the
 * test key pair committed in test-support (recognised by its fingerprint) or the local stack's generated key under
 * {@code .nce/jwt/} (recognised by its location). The local stack, a development environment, says so with
 * {@code nce.jwt.development-key-allowed=true}.
 */
@ApplicationScoped
public class SigningKeyGuard {

    /** SHA-256 of the base64 body of test-support's testsupport/test-publicKey.pem. */
    static final String TEST_KEY_SHA256 = "f12eeb305be858db3825c75bea85434e141cece6f402b0f8187f8620d1a725da";

    @ConfigProperty(name = "mp.jwt.verify.publickey.location", defaultValue = "")
    String location;
    @ConfigProperty(name = "nce.jwt.development-key-allowed", defaultValue = "false")
    boolean developmentKeyAllowed;

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || developmentKeyAllowed) {
            return;
        }
        refusal(ConfigUtils.getProfiles(), location, read(location)).ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
    }

    /** Why this key must not verify tokens under these profiles, if it must not. */
    static Optional<String> refusal(List<String> profiles, String location, String pem) {
        if (profiles.contains("dev") || profiles.contains("test")) {
            return Optional.empty(); // every other profile of a packaged service (prod, worker) is production
        }
        if (location.replace('\\', '/').contains(".nce/jwt/")) {
            return Optional.of("the production profile refuses the development signing key at " + location
                    + " (set mp.jwt.verify.publickey.location to the production key)");
        }
        if (pem != null && TEST_KEY_SHA256.equals(fingerprint(pem))) {
            return Optional.of("the production profile refuses the test signing key at " + location);
        }
        return Optional.empty();
    }

    static String fingerprint(String pem) {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(body.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String location) {
        try {
            if (location.startsWith("file:")) {
                return Files.readString(Path.of(location.substring("file:".length())));
            }
            String resource = location.startsWith("classpath:") ? location.substring("classpath:".length()) : location;
            try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
                return in == null ? null : new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            }
        } catch (IOException | RuntimeException unreadable) {
            return null; // smallrye-jwt reports an unreadable key itself
        }
    }
}
