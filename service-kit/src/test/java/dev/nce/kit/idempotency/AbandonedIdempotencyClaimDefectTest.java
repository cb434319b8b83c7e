package dev.nce.kit.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import dev.nce.kit.testapp.KitTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 8: a claim whose request died stayed "in progress" for 24 h (every retry waited 10 s and got 409).
 * Past the request timeout (nce.idempotency.claim-timeout, 60 s) a retry with the same body takes the claim over.
 */
@QuarkusTest
@QuarkusTestResource(KitTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
class AbandonedIdempotencyClaimDefectTest {

    @Inject
    IdempotencyStore store;
    @Inject
    EntityManager em;

    private void claimedAgo(String scope, String hash, int seconds) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO idempotency_key (scope, request_hash, "
                        + "created_at) VALUES (?1, ?2, now() - make_interval(secs => ?3))")
                .setParameter(1, scope).setParameter(2, hash).setParameter(3, seconds).executeUpdate());
    }

    @Test
    void a_claim_older_than_the_request_timeout_is_taken_over_by_the_retry_at_once() {
        String scope = "abandoned-" + UUID.randomUUID();
        claimedAgo(scope, "hash-a", 120);
        long started = System.nanoTime();
        assertThat(store.claim(scope, "hash-a")).isEmpty();
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
        // the retry owns it now and can complete it
        store.complete(scope, 201, "application/json", "{}");
        assertThat(store.claim(scope, "hash-a")).hasValueSatisfying(a -> assertThat(a.status()).isEqualTo(201));
    }

    @Test
    void a_recent_claim_still_makes_a_retry_wait_and_another_body_is_still_refused() {
        String scope = "running-" + UUID.randomUUID();
        claimedAgo(scope, "hash-b", 1);
        assertThatThrownBy(() -> store.claim(scope, "hash-c")).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("idempotency-key-reused"));
        String old = "old-" + UUID.randomUUID();
        claimedAgo(old, "hash-d", 120);
        assertThatThrownBy(() -> store.claim(old, "hash-e")).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).code()).isEqualTo("idempotency-key-reused"));
    }
}
