package dev.nce.kit.clock;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;

/**
 * Issue 15 item 11: the simulated clock moves inside the step's transaction (under the exclusive clock lock, so every
 * writer that waited for the lock reads the new instant), and is taken back when that transaction does not commit, so
 * a failed step never leaves the in-memory clock ahead of the persisted one.
 */
public final class TransactionalClockMove {

    private TransactionalClockMove() {}

    /** Moves {@code clock} to {@code to} now and restores its previous instant if the current transaction rolls back. */
    public static void moveTo(PlatformClock clock, TransactionSynchronizationRegistry transaction, Instant to) {
        Instant previous = clock.now();
        clock.moveTo(to);
        Instant moved = clock.now();
        if (moved.equals(previous)) {
            return;
        }
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED && clock.now().equals(moved)) {
                    clock.restore(previous);
                }
            }
        });
    }
}
