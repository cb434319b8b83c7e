package dev.nce.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * Everything that differs between the developer stack ({@code ./nce up}: ports 8081-8084, data under {@code .nce/})
 * and the e2e stack (ports 18081-18084, data under {@code e2e-tests/target/stack}).
 *
 * @param root            the repository root (service jars and {@code stack/target/*.classpath} are found from here)
 * @param base            data, logs, pids and JWT keys
 * @param servicePorts    HTTP port of each service
 * @param brokerPort      Kafka PLAINTEXT listener
 * @param controllerPort  Kafka KRaft controller listener
 * @param smtpPort        GreenMail SMTP
 * @param mailApiPort     GreenMail REST API ({@code ./nce mail})
 * @param pgHost          PostgreSQL host the services connect to
 * @param pgPort          PostgreSQL port
 * @param databases       each service's database and role
 * @param clockStart      the simulated clock's start instant (ISO-8601), or null to let the services restore theirs
 * @param fresh           drop and recreate the databases and wipe broker data before starting
 * @param loadDemoCatalog load {@code demo-catalog.json} through the catalog API once the services are ready
 * @param stopOnExit      stop every child process when this JVM exits (e2e); {@code ./nce up} leaves them running
 * @param readyTimeout    how long to wait for every service's {@code /q/health/ready}
 */
public record StackConfig(
        Path root,
        Path base,
        Map<Service, Integer> servicePorts,
        int brokerPort,
        int controllerPort,
        int smtpPort,
        int mailApiPort,
        String pgHost,
        int pgPort,
        Map<Service, DbSpec> databases,
        String clockStart,
        boolean fresh,
        boolean loadDemoCatalog,
        boolean stopOnExit,
        Duration readyTimeout) {

    public static final String E2E_CLOCK_START = "2022-01-01T00:00:00Z";

    public StackConfig {
        servicePorts = Collections.unmodifiableMap(new EnumMap<>(servicePorts));
        databases = Collections.unmodifiableMap(new EnumMap<>(databases));
        root = root.toAbsolutePath().normalize();
        base = base.toAbsolutePath().normalize();
        if (clockStart != null) {
            clockStart = normalizeClock(clockStart);
        }
    }

    /** The developer stack of {@code ./nce}: ports 8081-8084, broker 9092/9093, SMTP 3025, databases {@code catalog}... */
    public static StackConfig local(Path root, String clockStart, boolean fresh) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, DbSpec> dbs = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, 8081 + s.ordinal());
            if (s.hasDatabase()) {
                dbs.put(s, new DbSpec(s.shortName(), s.shortName(), s.shortName()));
            }
        }
        return new StackConfig(root, root.resolve(".nce"), ports, 9092, 9093, 3025, 8025, "127.0.0.1", 5432, dbs,
                clockStart, fresh, true, false, Duration.ofSeconds(120));
    }

    /** The e2e stack: ports 18081-18084, broker 19092/19093, SMTP 13025, databases {@code nce_e2e_*}, always fresh. */
    public static StackConfig e2e(Path root) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, DbSpec> dbs = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, 18081 + s.ordinal());
            if (s.hasDatabase()) {
                dbs.put(s, new DbSpec("nce_e2e_" + s.shortName(), "nce_e2e", "nce_e2e"));
            }
        }
        return new StackConfig(root, root.resolve("e2e-tests").resolve("target").resolve("stack"), ports, 19092, 19093,
                13025, 18025, "127.0.0.1", 5432, dbs, E2E_CLOCK_START, true, false, true, Duration.ofSeconds(120));
    }

    /** Today, 00:00 UTC: the default clock start of {@code ./nce up}. */
    public static String todayUtc() {
        return LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
    }

    /** Accepts an instant ({@code 2022-01-01T00:00:00Z}) or a date ({@code 2022-01-01}, meaning 00:00Z). */
    public static String normalizeClock(String value) {
        try {
            return Instant.parse(value).toString();
        } catch (DateTimeParseException notInstant) {
            try {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant().toString();
            } catch (DateTimeParseException e) {
                throw new StackException("--clock " + value + " is neither a date (2022-01-01) nor an instant (2022-01-01T00:00:00Z)");
            }
        }
    }

    /**
     * The repository root: the system property {@code nce.root} if set, else the nearest directory at or above the
     * working directory that holds {@code mvnw} and {@code stack/pom.xml}.
     */
    public static Path findRoot() {
        String explicit = System.getProperty("nce.root");
        if (explicit != null && !explicit.isBlank()) {
            return Path.of(explicit).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isRegularFile(dir.resolve("stack").resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new StackException("cannot find the repository root (a directory with mvnw and stack/pom.xml) above "
                + Path.of("").toAbsolutePath() + "; set -Dnce.root");
    }

    public int port(Service s) {
        return servicePorts.get(s);
    }

    public DbSpec db(Service s) {
        return databases.get(s);
    }

    public String url(Service s) {
        return "http://127.0.0.1:" + port(s);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + brokerPort;
    }

    public Path logs() {
        return base.resolve("logs");
    }

    public Path pids() {
        return base.resolve("pids");
    }

    public Path jwtDir() {
        return base.resolve("jwt");
    }

    public Path kafkaDir() {
        return base.resolve("kafka");
    }

    public Path logFile(String name) {
        return logs().resolve(name + ".log");
    }

    public Path pidFile(String name) {
        return pids().resolve(name + ".pid");
    }

    public Path serviceJar(Service s) {
        return root.resolve(s.moduleName()).resolve("target").resolve("quarkus-app").resolve("quarkus-run.jar");
    }

    public Path stackTarget() {
        return root.resolve("stack").resolve("target");
    }

    /** The marker every child JVM carries, so {@code down} never signals a process it did not start. */
    public String processMarker() {
        return "-Dnce.stack=" + base;
    }
}
