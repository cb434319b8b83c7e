package dev.nce.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Service tests use their own database `<service>_test` owned by role nce_test (docs/CONVENTIONS.md). .ci/run creates
 * them too; this resource creates them when the local PostgreSQL lets the postgres role in over TCP (trust), and
 * always points the service at them. Flyway cleans them at start (test profile).
 */
public abstract class TestDatabase implements io.quarkus.test.common.QuarkusTestResourceLifecycleManager {

    public static final String ROLE = "nce_test";

    protected abstract String database();

    @Override
    public Map<String, String> start() {
        // -Dnce.test.db-suffix=_b lets a second checkout run the same module's tests at the same time
        String database = database() + System.getProperty("nce.test.db-suffix", "");
        ensure(database);
        return Map.of(
                "quarkus.datasource.username", ROLE,
                "quarkus.datasource.password", ROLE,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:5432/" + database,
                "quarkus.datasource.reactive.url", "postgresql://127.0.0.1:5432/" + database);
    }

    @Override
    public void stop() {}

    public static void ensure(String database) {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "");
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + ROLE + "' CREATEDB");
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + database + " OWNER " + ROLE);
                }
            }
        } catch (SQLException e) {
            // not trusted over TCP: .ci/run (or the developer) created the database beforehand
            System.err.println("test-support: could not ensure database " + database + ": " + e.getMessage());
        }
    }
}
