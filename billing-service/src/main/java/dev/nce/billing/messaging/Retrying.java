package dev.nce.billing.messaging;

import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Processes one record with retries: a record is never skipped silently while the database is unreachable (records of a
 * partition are applied in order); a record that keeps failing for a reason that retrying cannot fix (malformed
 * payload, a bug) is logged and skipped after {@code attempts}, so one poison record cannot stop billing.
 */
final class Retrying {

    /** Set when the application begins to stop (see ShutdownFlag). */
    static volatile boolean shuttingDown;

    private Retrying() {}

    private static boolean isShutdown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("is closed")) {
                return true;
            }
        }
        return false;
    }

    static <T> T run(Logger log, String what, int attempts, Supplier<T> work) {
        long backoff = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (shuttingDown || isShutdown(e)) {
                    // never skip a record because the application is stopping: it stays uncommitted and is
                    // redelivered after the restart (nothing lost, DESIGN.md section 6)
                    throw e;
                }
                boolean transientFailure = isTransient(e);
                if (!transientFailure && attempt >= attempts) {
                    log.errorf(e, "%s failed %d times; skipped", what, attempt);
                    return null;
                }
                log.warnf("%s failed (attempt %d): %s; retrying", what, attempt, rootMessage(e));
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                backoff = Math.min(backoff * 2, 5_000);
            }
        }
    }

    private static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLTransientException || t instanceof java.sql.SQLRecoverableException
                    || t instanceof java.net.ConnectException
                    || t.getClass().getName().contains("JDBCConnectionException")
                    || t.getClass().getName().contains("LockAcquisitionException")
                    || t.getClass().getName().contains("PessimisticLockException")
                    || (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40")
                    || sql.getSQLState().startsWith("57")))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
