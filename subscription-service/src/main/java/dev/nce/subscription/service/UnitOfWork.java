package dev.nce.subscription.service;

import dev.nce.kit.clock.ClockLock;
import dev.nce.kit.clock.PlatformClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.StaleStateException;

/**
 * One state change = one new transaction that takes the shared clock lock, then reads now (DESIGN.md section 3), and
 * flushes before commit. A lost optimistic lock is retried in a new transaction a few times; when retries run out the
 * exception escapes and the kit answers 409 concurrent-modification.
 */
@ApplicationScoped
public class UnitOfWork {

    @Inject
    EntityManager em;
    @Inject
    ClockLock clockLock;
    @Inject
    PlatformClock clock;

    @ConfigProperty(name = "nce.optimistic-lock.attempts", defaultValue = "5")
    int attempts;

    /** Runs {@code work} with the platform's now, under the shared clock lock, retrying lost optimistic locks. */
    public <T> T write(Function<Instant, T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> {
                    clockLock.shared();
                    T result = work.apply(clock.now());
                    em.flush();
                    return result;
                });
            } catch (RuntimeException e) {
                if (!isLostOptimisticLock(e) || attempt >= attempts) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    /** A read-only transaction (views). */
    public <T> T read(Function<Instant, T> work) {
        return QuarkusTransaction.requiringNew().call(() -> work.apply(clock.now()));
    }

    static boolean isLostOptimisticLock(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(5L * attempt + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
