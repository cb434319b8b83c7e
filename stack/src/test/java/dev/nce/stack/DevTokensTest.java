package dev.nce.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Test;

/** Keys are generated once as PEM; tokens verify with the public key and carry the claims the services read. */
class DevTokensTest {

    private final Path jwtDir = TestStacks.newDir("jwt").resolve("jwt");

    private JwtConsumer consumer() {
        return new JwtConsumerBuilder()
                .setVerificationKey(JwtKeys.readPublic(jwtDir.resolve(JwtKeys.PUBLIC_KEY)))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256)
                .setExpectedIssuer("nce")
                .setRequireExpirationTime()
                .setRequireSubject()
                .build();
    }

    @Test
    void generatesPemKeysOnceAndKeepsThem() throws Exception {
        JwtKeys.ensure(jwtDir);
        String priv = Files.readString(jwtDir.resolve("privateKey.pem"));
        String pub = Files.readString(jwtDir.resolve("publicKey.pem"));
        assertTrue(priv.startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(pub.startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) JwtKeys.readPublic(jwtDir.resolve("publicKey.pem"))).getModulus().bitLength());
        JwtKeys.ensure(jwtDir);
        assertEquals(priv, Files.readString(jwtDir.resolve("privateKey.pem")));
    }

    @Test
    void adminTokenIsAPartnerAdminForTwelveHours() throws Exception {
        String token = DevTokens.fromDir(jwtDir).admin();
        JwtClaims claims = consumer().processToClaims(token);
        assertEquals("nce", claims.getIssuer());
        assertEquals("admin", claims.getSubject());
        assertEquals(List.of("partner-admin"), claims.getStringListClaimValue("groups"));
        assertFalse(claims.hasClaim("customer_id"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertEquals(12 * 3600, lifetime);
    }

    @Test
    void customerTokenCarriesTheCustomerId() throws Exception {
        String token = DevTokens.fromDir(jwtDir).customer("c-42");
        JwtClaims claims = consumer().processToClaims(token);
        assertEquals("customer-c-42", claims.getSubject());
        assertEquals(List.of("customer"), claims.getStringListClaimValue("groups"));
        assertEquals("c-42", claims.getStringClaimValue("customer_id"));
    }

    @Test
    void forgedTokenDoesNotVerify() {
        JwtKeys.ensure(jwtDir);
        assertThrows(InvalidJwtException.class, () -> consumer().processToClaims(DevTokens.forged().admin()));
    }
}
