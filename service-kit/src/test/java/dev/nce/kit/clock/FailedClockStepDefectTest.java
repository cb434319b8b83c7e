package dev.nce.kit.clock;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 15 item 11: a clock step that rolls back used to leave the in-memory simulated clock ahead. */
class FailedClockStepDefectTest {

    static final Instant START = Instant.parse("2022-01-01T00:00:00Z");
    static final Instant STEP = Instant.parse("2022-02-01T00:00:00Z");

    /** Records the synchronizations a transaction would run at its end. */
    static final class Transaction implements TransactionSynchronizationRegistry {
        final List<Synchronization> synchronizations = new ArrayList<>();

        void end(int status) { synchronizations.forEach(s -> s.afterCompletion(status)); }

        @Override public Object getTransactionKey() { return this; }
        @Override public void putResource(Object key, Object value) {}
        @Override public Object getResource(Object key) { return null; }
        @Override public void registerInterposedSynchronization(Synchronization sync) { synchronizations.add(sync); }
        @Override public int getTransactionStatus() { return Status.STATUS_ACTIVE; }
        @Override public void setRollbackOnly() {}
        @Override public boolean getRollbackOnly() { return false; }
    }

    @Test
    void a_rolled_back_step_puts_the_simulated_clock_back() {
        PlatformClock clock = new PlatformClock("simulated", Optional.of(START.toString()));
        Transaction tx = new Transaction();
        TransactionalClockMove.moveTo(clock, tx, STEP);
        assertThat(clock.now()).isEqualTo(STEP); // writers waiting for the exclusive lock read the step's instant
        tx.end(Status.STATUS_ROLLEDBACK);
        assertThat(clock.now()).isEqualTo(START);
    }

    @Test
    void a_committed_step_keeps_the_clock_moved() {
        PlatformClock clock = new PlatformClock("simulated", Optional.of(START.toString()));
        Transaction tx = new Transaction();
        TransactionalClockMove.moveTo(clock, tx, STEP);
        tx.end(Status.STATUS_COMMITTED);
        assertThat(clock.now()).isEqualTo(STEP);
    }
}
