package dev.nce.kit.deadletter;

/**
 * Sorts a processing failure (issue 16): TRANSIENT when waiting can fix it (database, broker or catalog unreachable,
 * a lock or serialization conflict), STOPPING when the application is closing (the record must stay uncommitted),
 * else PERMANENT (a malformed record or a bug: retrying the same record gives the same answer).
 */
public final class Failures {

    public enum Kind { TRANSIENT, STOPPING, PERMANENT }

    private Failures() {}

    public static Kind classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().contains("is closed")) {
                return Kind.STOPPING;
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (isTransient(t)) {
                return Kind.TRANSIENT;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Kind.PERMANENT;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof TransientFailure || t instanceof java.sql.SQLTransientException
                || t instanceof java.sql.SQLRecoverableException || t instanceof java.net.ConnectException
                || t instanceof java.net.SocketTimeoutException || t instanceof java.net.UnknownHostException
                || t instanceof java.util.concurrent.TimeoutException
                || t instanceof org.apache.kafka.common.errors.RetriableException
                || t instanceof jakarta.persistence.PessimisticLockException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof jakarta.persistence.OptimisticLockException
                || t instanceof jakarta.ws.rs.ProcessingException) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            // 08 connection, 40 rollback (serialization, deadlock), 53 resources, 57 operator intervention (shutdown)
            return state.startsWith("08") || state.startsWith("40") || state.startsWith("53") || state.startsWith("57");
        }
        String name = t.getClass().getName();
        return name.endsWith("JDBCConnectionException") || name.endsWith("LockAcquisitionException")
                || name.endsWith("PessimisticLockException") || name.endsWith("StaleObjectStateException")
                || name.endsWith("CircuitBreakerOpenException") || name.endsWith("TimeoutException")
                || (t instanceof jakarta.ws.rs.WebApplicationException web && web.getResponse() != null
                && web.getResponse().getStatus() >= 500);
    }

    /** The innermost cause as "Type: message", bounded, for the dead letter's error and its header. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getClass().getName() + ": " + root.getMessage();
        if (root != failure) {
            text = failure.getClass().getName() + " caused by " + text;
        }
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
