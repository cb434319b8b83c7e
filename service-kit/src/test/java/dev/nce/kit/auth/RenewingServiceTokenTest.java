package dev.nce.kit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** Issue 14 part 6: a service token is renewed by its holder, never sent expired or about to expire. */
class RenewingServiceTokenTest {

    static final KeyPair KEYS = generate();
    static final Instant T0 = Instant.parse("2026-12-07T20:00:00Z");

    static final class MovingClock extends Clock {
        Instant now = T0;
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private static JwtClaims verifyAt(String token, Instant at) throws InvalidJwtException {
        JwtConsumer consumer = new JwtConsumerBuilder().setVerificationKey(KEYS.getPublic()).setExpectedIssuer("nce")
                .setRequireExpirationTime().setAllowedClockSkewInSeconds(0)
                .setEvaluationTime(NumericDate.fromSeconds(at.getEpochSecond())).build();
        return consumer.processToClaims(token);
    }

    @Test
    void renewedAfterThreeQuartersOfItsLifetimeAndValidAtEveryCall() throws Exception {
        MovingClock clock = new MovingClock();
        RenewingServiceToken tokens = new RenewingServiceToken(KEYS.getPrivate(), "nce", "subscription-service",
                Duration.ofSeconds(40), clock);

        String first = tokens.current();
        JwtClaims claims = verifyAt(first, T0);
        assertThat(claims.getSubject()).isEqualTo("subscription-service");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("partner-admin");
        assertThat(claims.getIssuedAt().getValue()).isEqualTo(T0.getEpochSecond());
        assertThat(claims.getExpirationTime().getValue()).isEqualTo(T0.getEpochSecond() + 40);

        clock.now = T0.plusSeconds(29);
        assertThat(tokens.current()).isSameAs(first);
        clock.now = T0.plusSeconds(30);
        String second = tokens.current();
        assertThat(second).isNotEqualTo(first);
        assertThat(verifyAt(second, clock.now).getExpirationTime().getValue()).isEqualTo(T0.getEpochSecond() + 70);

        // ten lifetimes, one call a second: every token sent is valid with more than a quarter (10 s) left
        Set<String> seen = new HashSet<>();
        for (int s = 30; s <= 430; s++) {
            clock.now = T0.plusSeconds(s);
            String token = tokens.current();
            long left = verifyAt(token, clock.now).getExpirationTime().getValue() - clock.now.getEpochSecond();
            assertThat(left).isBetween(11L, 40L);
            seen.add(token);
        }
        assertThat(seen).hasSize(14); // renewed at 30, 60, ..., 420 s
        // the first token itself has expired meanwhile: a static token would now be refused
        assertThatThrownBy(() -> verifyAt(first, T0.plusSeconds(41))).isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void theReserveIsCountedFromTheWholeSecondInTheToken() throws Exception {
        MovingClock clock = new MovingClock();
        clock.now = T0.plusMillis(900);
        RenewingServiceToken tokens = new RenewingServiceToken(KEYS.getPrivate(), "nce", "s", Duration.ofSeconds(4), clock);
        String first = tokens.current();
        assertThat(verifyAt(first, clock.now).getExpirationTime().getValue()).isEqualTo(T0.getEpochSecond() + 4);
        clock.now = T0.plusMillis(2_999);
        assertThat(tokens.current()).isSameAs(first);
        clock.now = T0.plusMillis(3_000); // one second (a quarter) before exp, not 3.9 s after 0.9
        assertThat(tokens.current()).isNotEqualTo(first);
    }

    @Test
    void aSubSecondLifetimeIsRefused() {
        assertThatThrownBy(() -> new RenewingServiceToken(KEYS.getPrivate(), "nce", "s", Duration.ofMillis(500),
                Clock.systemUTC())).isInstanceOf(IllegalArgumentException.class);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
