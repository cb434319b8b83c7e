package dev.nce.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The local PostgreSQL: makes sure it answers on {@code pgHost:pgPort} (starting the Debian cluster, or installing
 * it when we are root), then creates each service's role and database idempotently, as the {@code postgres}
 * superuser: over JDBC when the server trusts local TCP connections, else with {@code psql} run as the
 * {@code postgres} OS user (peer authentication on the socket).
 */
public final class Postgres {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final StackConfig config;
    private final Consumer<String> out;

    public Postgres(StackConfig config, Consumer<String> out) {
        this.config = config;
        this.out = out;
    }

    /** Makes PostgreSQL answer on the configured host and port, or fails with the command to run. */
    public void ensureRunning() {
        if (answers()) {
            return;
        }
        if (commandExists("pg_ctlcluster") && commandExists("pg_lsclusters")) {
            startClusters();
            if (awaitAnswer(30)) {
                return;
            }
            throw new StackException("PostgreSQL is installed but does not answer on " + where()
                    + " after pg_ctlcluster start; check /var/log/postgresql/");
        }
        if (isRoot() && commandExists("apt-get")) {
            out.accept("PostgreSQL is not installed: apt-get install -y postgresql ...");
            int rc = run(List.of("apt-get", "install", "-y", "postgresql"), 900);
            if (rc != 0) {
                run(List.of("apt-get", "update"), 600);
                rc = run(List.of("apt-get", "install", "-y", "postgresql"), 900);
            }
            if (rc != 0) {
                throw new StackException("apt-get install -y postgresql failed (exit " + rc + ")");
            }
            startClusters();
            if (awaitAnswer(60)) {
                return;
            }
            throw new StackException("PostgreSQL was installed but does not answer on " + where());
        }
        throw new StackException("PostgreSQL does not answer on " + where()
                + ": install and start it (sudo apt-get install -y postgresql && sudo pg_ctlcluster 15 main start)");
    }

    private String where() {
        return config.pgHost() + ":" + config.pgPort();
    }

    private boolean answers() {
        return Ports.answers(config.pgHost(), config.pgPort(), 1000);
    }

    private boolean awaitAnswer(int seconds) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (answers()) {
                return true;
            }
            KafkaBroker.sleep(250);
        }
        return answers();
    }

    private void startClusters() {
        List<String[]> clusters = new ArrayList<>();
        for (String line : capture(List.of("pg_lsclusters", "--no-header"))) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4) {
                clusters.add(f);
            }
        }
        for (String[] c : clusters) {
            if (!c[3].startsWith("online")) {
                out.accept("starting PostgreSQL cluster " + c[0] + "/" + c[1] + " ...");
                List<String> cmd = List.of("pg_ctlcluster", "--skip-systemctl-redirect", c[0], c[1], "start");
                int rc = run(isRoot() ? cmd : prepend("sudo", cmd), 120);
                if (rc != 0) {
                    throw new StackException("pg_ctlcluster " + c[0] + " " + c[1] + " start failed (exit " + rc
                            + "); run it yourself: sudo pg_ctlcluster --skip-systemctl-redirect " + c[0] + " " + c[1] + " start");
                }
            }
        }
        if (clusters.isEmpty()) {
            throw new StackException("PostgreSQL is installed but has no cluster: sudo pg_createcluster 15 main --start");
        }
    }

    /**
     * Creates every service's role (LOGIN, password as configured) and database (owned by that role). With
     * {@code fresh}, drops the databases first (closing their connections).
     */
    public void ensureDatabases(boolean fresh) {
        Map<String, String> roles = new LinkedHashMap<>();
        for (DbSpec db : config.databases().values()) {
            check(db.database());
            check(db.user());
            roles.put(db.user(), db.password());
        }
        try (Admin admin = openAdmin()) {
            for (Map.Entry<String, String> role : roles.entrySet()) {
                String pw = role.getValue().replace("'", "''");
                if (admin.query("SELECT 1 FROM pg_roles WHERE rolname = '" + role.getKey() + "'").isEmpty()) {
                    admin.exec("CREATE ROLE " + role.getKey() + " LOGIN PASSWORD '" + pw + "'");
                } else {
                    admin.exec("ALTER ROLE " + role.getKey() + " LOGIN PASSWORD '" + pw + "'");
                }
            }
            for (DbSpec db : config.databases().values()) {
                boolean exists = !admin.query("SELECT 1 FROM pg_database WHERE datname = '" + db.database() + "'").isEmpty();
                if (exists && fresh) {
                    admin.exec("DROP DATABASE " + db.database() + " WITH (FORCE)");
                    exists = false;
                }
                if (!exists) {
                    admin.exec("CREATE DATABASE " + db.database() + " OWNER " + db.user());
                }
            }
        }
    }

    /** Drops the given databases (tests clean up after themselves with it). */
    public void dropDatabases(List<String> names) {
        try (Admin admin = openAdmin()) {
            for (String n : names) {
                check(n);
                admin.exec("DROP DATABASE IF EXISTS " + n + " WITH (FORCE)");
            }
        }
    }

    /** True if the database exists and already holds tables (a stack that ran before). */
    public boolean hasTables(String database) {
        check(database);
        try (Admin admin = openAdmin()) {
            if (admin.query("SELECT 1 FROM pg_database WHERE datname = '" + database + "'").isEmpty()) {
                return false;
            }
        }
        DbSpec any = config.databases().values().stream().filter(d -> d.database().equals(database)).findFirst()
                .orElseThrow();
        try (Connection c = DriverManager.getConnection(any.jdbcUrl(config.pgHost(), config.pgPort()), any.user(), any.password());
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog','information_schema')")) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void check(String identifier) {
        if (!IDENTIFIER.matcher(identifier).matches()) {
            throw new StackException("not a plain PostgreSQL identifier: " + identifier);
        }
    }

    /** The superuser connection: JDBC first, then psql as the postgres OS user. */
    Admin openAdmin() {
        Properties props = new Properties();
        props.setProperty("user", "postgres");
        String pw = System.getenv("PGPASSWORD");
        if (pw != null) {
            props.setProperty("password", pw);
        }
        props.setProperty("connectTimeout", "5");
        try {
            Connection c = DriverManager.getConnection(
                    "jdbc:postgresql://" + config.pgHost() + ":" + config.pgPort() + "/postgres", props);
            return new JdbcAdmin(c);
        } catch (SQLException jdbcFailure) {
            if (commandExists("psql") && (isRoot() || "postgres".equals(System.getProperty("user.name")))) {
                return new PsqlAdmin(config.pgPort());
            }
            throw new StackException("cannot connect to PostgreSQL on " + where() + " as postgres ("
                    + jdbcFailure.getMessage().lines().findFirst().orElse("") + "); run as root, set PGPASSWORD, "
                    + "or allow trust for 127.0.0.1 in pg_hba.conf");
        }
    }

    /** Superuser SQL: {@link #query} returns the first column of each row. */
    interface Admin extends AutoCloseable {
        List<String> query(String sql);

        void exec(String sql);

        @Override
        void close();
    }

    private static final class JdbcAdmin implements Admin {
        private final Connection c;

        JdbcAdmin(Connection c) {
            this.c = c;
        }

        @Override
        public List<String> query(String sql) {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
                return rows;
            } catch (SQLException e) {
                throw new StackException("PostgreSQL: " + sql + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void exec(String sql) {
            try (Statement st = c.createStatement()) {
                st.execute(sql);
            } catch (SQLException e) {
                throw new StackException("PostgreSQL: " + sql + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void close() {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing
            }
        }
    }

    private static final class PsqlAdmin implements Admin {
        private final int port;

        PsqlAdmin(int port) {
            this.port = port;
        }

        private List<String> psql(String sql) {
            List<String> cmd = new ArrayList<>();
            if (!"postgres".equals(System.getProperty("user.name"))) {
                cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
            }
            cmd.addAll(List.of("psql", "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-p", Integer.toString(port),
                    "-d", "postgres", "-c", sql));
            try {
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new StackException("psql as postgres failed: " + sql + ": " + output.trim());
                }
                return output.lines().filter(l -> !l.isBlank()).toList();
            } catch (IOException e) {
                throw new StackException("cannot run psql: " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("interrupted while running psql");
            }
        }

        @Override
        public List<String> query(String sql) {
            return psql(sql);
        }

        @Override
        public void exec(String sql) {
            psql(sql);
        }

        @Override
        public void close() {
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    static boolean commandExists(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            path = "/usr/bin:/bin:/usr/sbin:/sbin";
        }
        for (String dir : (path + ":/usr/sbin:/sbin").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> l = new ArrayList<>();
        l.add(first);
        l.addAll(rest);
        return l;
    }

    private int run(List<String> cmd, int timeoutSeconds) {
        try {
            Process p = new ProcessBuilder(cmd).inheritIO().start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static List<String> capture(List<String> cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            return output.lines().toList();
        } catch (IOException e) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
    }
}
