package dev.nce.testsupport;

import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Set;

/**
 * Bearer tokens for service tests, signed with the test key pair in this jar (public key:
 * classpath:testsupport/test-publicKey.pem, which test configurations point mp.jwt.verify.publickey.location at).
 */
public final class TestTokens {

    public static final String PUBLIC_KEY_LOCATION = "testsupport/test-publicKey.pem";
    private static final PrivateKey KEY = load("testsupport/test-privateKey.pem");

    private TestTokens() {}

    public static String partnerAdmin() {
        return Jwt.issuer("nce").subject("admin").groups(Set.of("partner-admin")).expiresIn(3600).sign(KEY);
    }

    public static String customer(String customerId) {
        return Jwt.issuer("nce").subject("customer-" + customerId).groups(Set.of("customer"))
                .claim("customer_id", customerId).expiresIn(3600).sign(KEY);
    }

    /** A well-formed token signed by a key the services do not trust. */
    public static String forged() {
        try {
            var generator = java.security.KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.issuer("nce").subject("admin").groups(Set.of("partner-admin")).expiresIn(3600)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A partner-admin token of the trusted key that expired an hour ago (issue 16 part 4). */
    public static String expired() {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer("nce").subject("admin").groups(Set.of("partner-admin")).issuedAt(now - 7200)
                .expiresAt(now - 3600).sign(KEY);
    }

    /** A partner-admin token of the trusted key from another issuer. */
    public static String otherIssuer() {
        return Jwt.issuer("not-nce").subject("admin").groups(Set.of("partner-admin")).expiresIn(3600).sign(KEY);
    }

    /** An unsigned partner-admin token ({@code alg: none}). */
    public static String algNone() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"nce\",\"sub\":\"admin\",\"groups\":[\"partner-admin\"],"
                + "\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}").getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    public static String bearer(String token) { return "Bearer " + token; }

    static PrivateKey load(String resource) {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
