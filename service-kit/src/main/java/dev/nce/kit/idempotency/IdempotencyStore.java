package dev.nce.kit.idempotency;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;

/**
 * Rows of idempotency_key, each in its own short transaction so the business transaction stays separate: a key is
 * claimed before the request runs and completed with the answer after it committed (5xx answers are not stored).
 */
@ApplicationScoped
public class IdempotencyStore {

    public record StoredAnswer(int status, String contentType, String body) {}

    static final long WAIT_MILLIS = 10_000;

    @Inject
    EntityManager em;

    /**
     * Issue 15 item 8: a claim not completed within the request timeout belongs to a request that died (crash, lost
     * connection); a retry takes it over instead of waiting 10 s for a 409, for 24 hours.
     */
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "nce.idempotency.claim-timeout", defaultValue = "PT60S")
    java.time.Duration claimTimeout;

    /** Empty when this request now owns the key; the stored answer when it is a completed repeat. */
    public Optional<StoredAnswer> claim(String scope, String requestHash) {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (true) {
            boolean inserted = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "INSERT INTO idempotency_key (scope, request_hash) VALUES (?1, ?2) ON CONFLICT (scope) DO NOTHING")
                    .setParameter(1, scope).setParameter(2, requestHash).executeUpdate() == 1);
            if (inserted) {
                return Optional.empty();
            }
            List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                            "SELECT request_hash, completed, status, content_type, response_body, "
                                    + "created_at < now() - interval '24 hours', "
                                    + "(NOT completed AND created_at < now() - make_interval(secs => ?2)) "
                                    + "FROM idempotency_key WHERE scope = ?1")
                    .setParameter(1, scope).setParameter(2, (double) claimTimeout.toMillis() / 1000).getResultList());
            if (rows.isEmpty()) {
                continue;
            }
            Object[] row = (Object[]) rows.get(0);
            if (Boolean.TRUE.equals(row[5]) || (Boolean.TRUE.equals(row[6]) && requestHash.equals(row[0]))) {
                releaseIf(scope, (String) row[0]);
                continue;
            }
            if (!requestHash.equals(row[0])) {
                throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_REUSED, null,
                        "this Idempotency-Key was used with another request body");
            }
            if (Boolean.TRUE.equals(row[1])) {
                return Optional.of(new StoredAnswer(((Number) row[2]).intValue(), (String) row[3], (String) row[4]));
            }
            if (System.currentTimeMillis() > deadline) {
                throw new RuleViolation(ErrorCode.IDEMPOTENCY_KEY_IN_PROGRESS, null,
                        "the first request with this Idempotency-Key is still running");
            }
            sleep();
        }
    }

    public void complete(String scope, int status, String contentType, String body) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE idempotency_key SET completed = TRUE, status = ?2, content_type = ?3, response_body = ?4 WHERE scope = ?1")
                .setParameter(1, scope).setParameter(2, status).setParameter(3, contentType).setParameter(4, body)
                .executeUpdate());
    }

    /** Removes an abandoned claim only if it is still the one seen (another request may have taken it meanwhile). */
    private void releaseIf(String scope, String requestHash) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "DELETE FROM idempotency_key WHERE scope = ?1 AND request_hash = ?2 AND (NOT completed "
                                + "OR created_at < now() - interval '24 hours')")
                .setParameter(1, scope).setParameter(2, requestHash).executeUpdate());
    }

    public void release(String scope) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM idempotency_key WHERE scope = ?1")
                .setParameter(1, scope).executeUpdate());
    }

    /** Keys are kept 24 h of wall-clock time. */
    @Scheduled(every = "1h", delayed = "1m")
    void purgeExpired() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM idempotency_key WHERE created_at < now() - interval '24 hours'").executeUpdate());
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
