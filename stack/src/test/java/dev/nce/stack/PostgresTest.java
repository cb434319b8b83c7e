package dev.nce.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the real local PostgreSQL: roles and databases are created idempotently, --fresh recreates them. */
class PostgresTest {

    private final StackConfig config = TestStacks.config(TestStacks.repoRoot(), TestStacks.newDir("pg"), "nce_stacktest");
    private final Postgres pg = new Postgres(config, line -> { });

    @AfterEach
    void dropDatabases() {
        pg.dropDatabases(config.databases().values().stream().map(DbSpec::database).toList());
    }

    @Test
    void createsRoleAndDatabasesOnceAndRecreatesThemWhenFresh() throws Exception {
        pg.ensureRunning();
        pg.ensureDatabases(true);
        DbSpec catalog = config.db(Service.CATALOG);
        assertFalse(pg.hasTables(catalog.database()));
        exec(catalog, "CREATE TABLE marker (id int)");
        assertTrue(pg.hasTables(catalog.database()));
        assertEquals("nce_stacktest", query(catalog, "SELECT current_user"));
        assertEquals("nce_stacktest", query(catalog, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));

        Connection open = connect(catalog); // --fresh must not be blocked by an open connection
        try {
            pg.ensureDatabases(false); // idempotent: keeps what is there
            assertTrue(pg.hasTables(catalog.database()));

            pg.ensureDatabases(true); // fresh: dropped and recreated, empty
            assertFalse(pg.hasTables(catalog.database()));
        } finally {
            try {
                open.close();
            } catch (Exception ignored) {
                // terminated by DROP ... WITH (FORCE)
            }
        }
        for (Service s : Service.values()) {
            assertEquals("1", query(config.db(s), "SELECT 1"));
        }
    }

    @Test
    void dropsOnlyWhatItIsAskedTo() throws Exception {
        pg.ensureDatabases(false);
        pg.dropDatabases(List.of(config.db(Service.BILLING).database()));
        assertFalse(pg.hasTables(config.db(Service.BILLING).database()));
        assertEquals("1", query(config.db(Service.CATALOG), "SELECT 1"));
    }

    private Connection connect(DbSpec db) throws Exception {
        return DriverManager.getConnection(db.jdbcUrl(config.pgHost(), config.pgPort()), db.user(), db.password());
    }

    private void exec(DbSpec db, String sql) throws Exception {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private String query(DbSpec db, String sql) throws Exception {
        try (Connection c = connect(db); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
