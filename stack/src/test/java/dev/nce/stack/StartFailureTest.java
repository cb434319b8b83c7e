package dev.nce.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The one line ./nce prints when a service does not start. */
class StartFailureTest {

    private final Path dir = TestStacks.newDir("failure");

    private String lineOf(String log) throws Exception {
        Path file = dir.resolve("svc.log");
        Files.writeString(file, log);
        return Stack.startFailure(file);
    }

    @Test
    void quarkusStartFailureGivesTheInnermostCause() throws Exception {
        assertEquals("Caused by: org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation",
                lineOf("""
                        2026-12-02 16:59:30,001 WARN  [io.quarkus.config] (main) Unrecognized configuration key
                        2026-12-02 16:59:38,967 ERROR [io.quarkus.runtime.Application] (main) Failed to start application: java.lang.RuntimeException: Failed to start quarkus
                        \tat io.quarkus.runner.ApplicationImpl.doStart(Unknown Source)
                        Caused by: java.lang.IllegalStateException: Flyway
                        \tat x.y(Unknown Source)
                        Caused by: org.flywaydb.core.api.exception.FlywayValidateException: Validate failed: Migrations have failed validation
                        \tat x.z(Unknown Source)
                        """));
    }

    @Test
    void anErrorLineIsGivenWithoutItsLogPrefix() throws Exception {
        assertEquals("clock is already at 2023-01-01T00:00:00Z; refusing --clock 2022-01-01T00:00:00Z (use --fresh)",
                lineOf("""
                        2026-12-02 17:00:00,000 INFO  [io.quarkus] (main) starting
                        2026-12-02 17:00:01,000 ERROR [dev.nce.su.sc.ClockStartup] (main) clock is already at 2023-01-01T00:00:00Z; refusing --clock 2022-01-01T00:00:00Z (use --fresh)
                        2026-12-02 17:00:01,100 INFO  [io.quarkus] (main) stopped
                        """));
    }

    @Test
    void withoutAnErrorTheLastLine() throws Exception {
        assertEquals("Error: Unable to access jarfile x.jar", lineOf("Error: Unable to access jarfile x.jar\n"));
        assertEquals("(empty log)", lineOf(""));
    }
}
