package dev.nce.subscription.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.subscription.SubscriptionTestDatabase;
import dev.nce.subscription.support.Api;
import dev.nce.subscription.support.CatalogStandIn;
import dev.nce.subscription.support.FakeCatalog;
import dev.nce.testsupport.InProcessKafkaResource;
import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.util.KeyUtils;
import java.security.PublicKey;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 6: subscription-service signs its own catalog token (a 4-second lifetime here, one hour in production)
 * and renews it by itself: purchases keep working over several lifetimes, and every token catalog receives still had a
 * quarter of its lifetime (1 s) left when the purchase was sent, with no clock skew allowed. Before, the launcher
 * minted one static token (30 days).
 */
@QuarkusTest
@QuarkusTestResource(SubscriptionTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@QuarkusTestResource(CatalogStandIn.class)
@TestProfile(ServiceTokenRenewalTest.ShortLivedTokens.class)
@Order(101)
class ServiceTokenRenewalTest {

    public static class ShortLivedTokens implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nce.service-token.signing-key.location", "testsupport/test-privateKey.pem",
                    "nce.service-token.lifetime", "PT4S");
        }
    }

    static final String OFFER = "CFQ7TTC0TOKN:0001";

    static {
        FakeCatalog.register(OFFER, "12.50", "12.00", "P1M/MONTHLY", "P1Y/MONTHLY");
    }

    @Test
    void purchases_keep_working_past_several_token_lifetimes() throws Exception {
        PublicKey catalogKey = KeyUtils.readPublicKey(TestTokens.PUBLIC_KEY_LOCATION);
        String customer = Api.customer("Token Renewal");
        Set<String> tokens = new LinkedHashSet<>();
        long start = System.nanoTime();
        int purchases = 0;
        while (System.nanoTime() - start < 13_000_000_000L) { // three lifetimes and more
            NumericDate sent = NumericDate.now();
            Api.buy(customer, OFFER, "P1M", "MONTHLY", 1);
            purchases++;
            String token = FakeCatalog.lastAuthorization.substring("Bearer ".length());
            // signature, issuer and expiry as catalog checks them, at the moment the purchase was sent, no skew
            JwtConsumer catalog = new JwtConsumerBuilder().setVerificationKey(catalogKey).setExpectedIssuer("nce")
                    .setRequireExpirationTime().setAllowedClockSkewInSeconds(0).setEvaluationTime(sent).build();
            JwtClaims claims = catalog.processToClaims(token);
            assertThat(claims.getSubject()).isEqualTo("subscription-service");
            assertThat(claims.getStringListClaimValue("groups")).containsExactly("partner-admin");
            assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(4);
            assertThat(claims.getExpirationTime().getValue() - sent.getValue())
                    .as("seconds left when sent").isGreaterThanOrEqualTo(1);
            tokens.add(token);
            Thread.sleep(400);
        }
        assertThat(Api.subscriptionCount(customer)).isEqualTo(purchases);
        assertThat(purchases).isGreaterThanOrEqualTo(5);
        assertThat(tokens).as("renewed by itself after 3/4 of each 4 s lifetime").hasSizeGreaterThanOrEqualTo(3);
    }
}
