package dev.nce.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 items 14 and 17 on the launcher, without PostgreSQL or a broker: no password or token on a service's command
 * line (they are in its environment), and a service that exits during start is started once more with its first
 * output kept in the log.
 */
class LocalStackDefectsTest {

    private final Path root = TestStacks.newDir("defects");
    private final StackConfig config = TestStacks.config(root, root.resolve(".nce"), "nce_defects_unused");
    private final List<String> output = new ArrayList<>();

    @Test
    void no_password_or_token_is_on_a_service_command_line_they_are_in_its_environment() {
        JwtKeys.ensure(config.jwtDir());
        Stack stack = new Stack(config, output::add);
        for (Service s : Service.values()) {
            if (!s.hasDatabase()) {
                continue; // the console: no database and no secret of its own
            }
            List<String> cmd = stack.serviceCommand(s);
            // a secret's value never: the service-token signing key's location is a path, the key stays in its file
            assertTrue(cmd.stream().filter(a -> !a.startsWith("-Dnce.service-token.signing-key.location=file:"))
                    .noneMatch(a -> a.contains("password") || a.contains("token")), cmd.toString());
            Map<String, String> env = stack.serviceEnvironment(s);
            assertEquals(config.db(s).password(), env.get("QUARKUS_DATASOURCE_PASSWORD"));
        }
        // subscription signs its own renewing catalog token with the key file (issue 14 part 6): no token is passed
        assertFalse(stack.serviceEnvironment(Service.SUBSCRIPTION).containsKey("NCE_CATALOG_TOKEN"));
        assertTrue(stack.serviceCommand(Service.SUBSCRIPTION).stream()
                .anyMatch(a -> a.startsWith("-Dnce.service-token.signing-key.location=file:")));
        assertEquals("true", stack.serviceEnvironment(Service.NOTIFICATION).get("NCE_WEBHOOKS_ALLOW_PRIVATE_TARGETS"));
        assertFalse(stack.serviceEnvironment(Service.CATALOG).containsKey("NCE_CATALOG_TOKEN"));
    }

    @Test
    void a_service_that_exits_during_start_is_retried_once_and_its_first_output_is_kept() throws Exception {
        StackTest.writeJar(config.serviceJar(Service.NOTIFICATION), FlakyService.class);
        Files.createDirectories(config.base());
        Stack stack = new Stack(config, output::add);
        ChildProcesses processes = new ChildProcesses(config);
        try {
            stack.startProcess(Service.NOTIFICATION, false, true);
            stack.awaitReady(EnumSet.of(Service.NOTIFICATION));
            String log = Files.readString(config.logFile(Service.NOTIFICATION.shortName()));
            assertTrue(log.contains("first attempt: giving up early"), log);
            assertTrue(log.contains("exited during start (exit code 3); second attempt"), log);
            assertTrue(log.contains("second attempt: ready"), log);
            assertTrue(output.stream().anyMatch(l -> l.contains("notification-service exited during start (exit code 3)")),
                    output.toString());
        } finally {
            processes.stop(Service.NOTIFICATION.shortName());
        }
    }
}
