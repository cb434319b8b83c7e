package dev.nce.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Configurations for the stack module's own tests: free ports, data under target/, databases nce_stacktest_*. */
final class TestStacks {

    private static final AtomicInteger SEQ = new AtomicInteger();

    private TestStacks() {
    }

    /** The stack module's target directory (surefire passes it; the classpath files live there). */
    static Path target() {
        return Path.of(System.getProperty("nce.stack.target", "target")).toAbsolutePath().normalize();
    }

    /** The repository root that holds this module. */
    static Path repoRoot() {
        return target().getParent().getParent();
    }

    /** A fresh directory under target/stack-tests. */
    static Path newDir(String name) {
        try {
            Path dir = target().resolve("stack-tests").resolve(name + "-" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet());
            KafkaBroker.deleteTree(dir);
            Files.createDirectories(dir);
            return dir;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static StackConfig config(Path root, Path base, String dbPrefix) {
        Map<Service, Integer> ports = new EnumMap<>(Service.class);
        Map<Service, DbSpec> dbs = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            ports.put(s, Ports.freePort());
            dbs.put(s, new DbSpec(dbPrefix + "_" + s.shortName(), dbPrefix, dbPrefix));
        }
        return new StackConfig(root, base, ports, Ports.freePort(), Ports.freePort(), Ports.freePort(), Ports.freePort(),
                "127.0.0.1", 5432, dbs, "2022-01-01", true, false, true, Duration.ofSeconds(60));
    }
}
