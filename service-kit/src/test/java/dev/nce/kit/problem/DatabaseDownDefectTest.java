package dev.nce.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Issue 15 item 9: the service's own database down is 503 service-unavailable (API.md), not 500. */
class DatabaseDownDefectTest {

    @Test
    void connection_refused_from_the_pool_is_503_service_unavailable() {
        SQLException refused = new SQLException("Connection to localhost:5432 refused.", "08001");
        Problem p = Problems.from(new jakarta.persistence.PersistenceException(
                new JDBCConnectionException("Unable to acquire JDBC Connection", refused)));
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.code()).isEqualTo("service-unavailable");
    }

    @Test
    void pool_acquisition_timeout_and_transient_connection_errors_are_503() {
        assertThat(Problems.from(new RuntimeException(new SQLException("Sorry, acquisition timeout!"))).status())
                .isEqualTo(503);
        assertThat(Problems.from(new SQLTransientConnectionException("gone")).status()).isEqualTo(503);
        assertThat(Problems.from(new SQLException("terminating connection", "57P01")).status()).isEqualTo(503);
    }

    @Test
    void other_sql_errors_stay_500() {
        assertThat(Problems.from(new SQLException("syntax error", "42601")).status()).isEqualTo(500);
    }
}
