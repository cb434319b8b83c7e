package dev.nce.kit.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Issue 15 item 9: "the service's own database is down" (API.md 503 service-unavailable) recognised in a cause chain:
 * a connection-class SQLSTATE (08xxx), a transient connection error, Hibernate's JDBCConnectionException, or the
 * pool's acquisition timeout.
 */
final class DatabaseOutage {

    private DatabaseOutage() {}

    static boolean isOutage(Throwable t) {
        Throwable current = t;
        for (int i = 0; i < 20 && current != null; i++) {
            if (current instanceof SQLTransientConnectionException
                    || current instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (current instanceof SQLException sql) {
                String state = sql.getSQLState();
                if ((state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")))
                        || String.valueOf(sql.getMessage()).contains("acquisition timeout")) {
                    return true;
                }
            }
            if (current.getCause() == current) {
                break;
            }
            current = current.getCause();
        }
        return false;
    }
}
