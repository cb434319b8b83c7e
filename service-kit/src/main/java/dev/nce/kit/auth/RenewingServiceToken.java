package dev.nce.kit.auth;

import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * A service's own bearer token for calls to another service (issue 14 part 6): RS256, {@code sub} = the calling
 * service, {@code groups} = [partner-admin], a short lifetime, signed with a key the caller holds (a Secret mounted
 * as a file) and verified by the callee with the public key it already uses for every token. The token is renewed
 * once three quarters of its lifetime have passed, so a call never carries a token close to expiry and nothing
 * expires silently after weeks. Time is the wall clock ({@code exp} is checked against real time by the callee),
 * never the simulated platform clock.
 */
public final class RenewingServiceToken {

    private final PrivateKey key;
    private final String issuer;
    private final String subject;
    private final Duration lifetime;
    private final Clock clock;
    private String token;
    private Instant renewAt = Instant.MIN;

    public RenewingServiceToken(PrivateKey key, String issuer, String subject, Duration lifetime, Clock clock) {
        if (lifetime.toSeconds() < 1) {
            throw new IllegalArgumentException("a service token lives at least one second, not " + lifetime);
        }
        this.key = key;
        this.issuer = issuer;
        this.subject = subject;
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /** The current token, signed anew when none exists yet or three quarters of its lifetime have passed. */
    public synchronized String current() {
        Instant now = clock.instant();
        if (!now.isBefore(renewAt)) {
            // iat and exp are whole seconds: count the lifetime from the truncated instant, so the quarter kept in
            // reserve is measured against the exp the callee sees
            Instant issued = Instant.ofEpochSecond(now.getEpochSecond());
            token = sign(issued);
            renewAt = issued.plus(lifetime).minus(lifetime.dividedBy(4));
        }
        return token;
    }

    private String sign(Instant now) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(subject);
        claims.setStringListClaim("groups", List.of("partner-admin"));
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(now.plus(lifetime).getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign the service token of " + subject, e);
        }
    }
}
