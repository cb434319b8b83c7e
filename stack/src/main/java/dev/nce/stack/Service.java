package dev.nce.stack;

import java.util.Locale;
import java.util.Optional;

/** The four services of the platform, in start order, and the web console (issue 21), started last. */
public enum Service {
    CATALOG("catalog"),
    SUBSCRIPTION("subscription"),
    BILLING("billing"),
    NOTIFICATION("notification"),
    /** The web console: no database, reads the four services' APIs (module {@code console}). */
    CONSOLE("console");

    private final String shortName;

    Service(String shortName) {
        this.shortName = shortName;
    }

    /** {@code catalog}, {@code subscription}, ... : the database name of the local stack and the CLI name. */
    public String shortName() {
        return shortName;
    }

    /** The Maven module and process name, e.g. {@code catalog-service}. */
    public String moduleName() {
        return this == CONSOLE ? shortName : shortName + "-service";
    }

    /** Every service but the console owns a database. */
    public boolean hasDatabase() {
        return this != CONSOLE;
    }

    /** Accepts {@code catalog}, {@code catalog-service} or {@code CATALOG}. */
    public static Optional<Service> parse(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Service s : values()) {
            if (s.shortName.equals(n) || s.moduleName().equals(n)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
