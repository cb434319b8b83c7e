package dev.nce.stack;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Development bearer tokens for the local and e2e stacks (docs/CONVENTIONS.md "Authentication"), signed with jose4j:
 * RS256, issuer {@code nce}, 12 h expiry; {@code sub=admin} with groups [partner-admin], or {@code sub=customer-<id>}
 * with groups [customer] and the claim {@code customer_id}.
 */
public final class DevTokens {

    public static final String ISSUER = "nce";
    public static final String PARTNER_ADMIN = "partner-admin";
    public static final String CUSTOMER = "customer";
    public static final Duration LIFETIME = Duration.ofHours(12);

    private final PrivateKey signingKey;

    public DevTokens(PrivateKey signingKey) {
        this.signingKey = signingKey;
    }

    /** Tokens signed with {@code <jwtDir>/privateKey.pem}, generating the key pair first if it is missing. */
    public static DevTokens fromDir(Path jwtDir) {
        JwtKeys.ensure(jwtDir);
        return new DevTokens(JwtKeys.readPrivate(jwtDir.resolve(JwtKeys.PRIVATE_KEY)));
    }

    /** Tokens signed by a key the stack has never seen: every service must answer 401 to them. */
    public static DevTokens forged() {
        return new DevTokens(JwtKeys.generate().getPrivate());
    }

    /** A partner-admin token ({@code sub=admin}). */
    public String admin() {
        return sign(claims("admin", PARTNER_ADMIN));
    }

    /** A customer token ({@code sub=customer-<id>}, {@code customer_id=<id>}). */
    public String customer(String customerId) {
        JwtClaims c = claims("customer-" + customerId, CUSTOMER);
        c.setStringClaim("customer_id", customerId);
        return sign(c);
    }

    private static JwtClaims claims(String subject, String group) {
        JwtClaims c = new JwtClaims();
        c.setIssuer(ISSUER);
        c.setSubject(subject);
        c.setStringListClaim("groups", List.of(group));
        c.setIssuedAtToNow();
        c.setGeneratedJwtId();
        c.setExpirationTimeMinutesInTheFuture(LIFETIME.toMinutes());
        return c;
    }

    private String sign(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }
}
