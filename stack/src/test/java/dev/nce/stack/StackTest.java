package dev.nce.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The orchestration with a real broker, SMTP sink and PostgreSQL, and stand-in service jars ({@link FakeService}):
 * up, status, stop/start of one service by PID, demo catalog, down, and the one-line failures.
 */
class StackTest {

    private final Path root = TestStacks.newDir("root");
    private StackConfig config;
    private Stack stack;
    private final List<String> output = new ArrayList<>();

    @AfterEach
    void tearDown() {
        if (stack != null) {
            stack.down();
            new Postgres(config, line -> { }).dropDatabases(config.databases().values().stream().map(DbSpec::database).toList());
        }
    }

    private Stack stack(Map<Service, Class<?>> mains) throws IOException {
        Path target = Files.createDirectories(root.resolve("stack/target"));
        for (String f : List.of("broker.classpath", "greenmail.classpath")) {
            Files.copy(TestStacks.target().resolve(f), target.resolve(f));
        }
        Path resources = Files.createDirectories(root.resolve("stack/src/main/resources"));
        Files.writeString(resources.resolve("demo-catalog.json"),
                "{\"offers\": [{\"offerId\": \"CFQ7TTC0LF8Q:0001\", \"name\": \"Business Premium\"}, {\"offerId\": \"CFQ7TTC0LH18:0001\"}]}");
        for (Service s : Service.values()) {
            writeJar(root.resolve(s.moduleName()).resolve("target/quarkus-app/quarkus-run.jar"), mains.getOrDefault(s, FakeService.class));
        }
        StackConfig base = TestStacks.config(root, root.resolve(".nce"), "nce_stacktest_fake");
        config = new StackConfig(base.root(), base.base(), base.servicePorts(), base.brokerPort(), base.controllerPort(),
                base.smtpPort(), base.mailApiPort(), base.pgHost(), base.pgPort(), base.databases(), "2022-01-01", true, true,
                true, Duration.ofSeconds(60));
        stack = new Stack(config, output::add);
        return stack;
    }

    static void writeJar(Path jar, Class<?> main) throws IOException {
        Files.createDirectories(jar.getParent());
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(Attributes.Name.MAIN_CLASS, main.getName());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), m)) {
            Path classes = Path.of(main.getProtectionDomain().getCodeSource().getLocation().getPath());
            String prefix = main.getName().replace('.', '/');
            try (var files = Files.walk(classes)) {
                for (Path f : files.filter(p -> classes.relativize(p).toString().startsWith(prefix)).toList()) {
                    String name = classes.relativize(f).toString();
                    if (name.equals(prefix + ".class") || name.startsWith(prefix + "$")) {
                        out.putNextEntry(new JarEntry(name));
                        out.write(Files.readAllBytes(f));
                        out.closeEntry();
                    }
                }
            }
        }
    }

    @Test
    void upStatusRestartOneServiceAndDown() throws Exception {
        stack(Map.of()).up();

        List<Stack.ProcessStatus> status = stack.status();
        // the services (the console among them), one billing worker, broker and SMTP sink
        assertEquals(Service.values().length + 3, status.size());
        // issue 14 part 4: one billing invoice worker beside billing-service, in the worker profile on its own port
        assertEquals(List.of(1), stack.runningWorkers());
        String workerLog = Files.readString(config.logFile(Stack.workerName(1)));
        assertTrue(workerLog.contains("config quarkus.profile=worker"), workerLog);
        assertTrue(workerLog.contains("config quarkus.http.port=" + (config.port(Service.BILLING) + 100)), workerLog);
        assertFalse(Files.readString(config.logFile("billing")).contains("quarkus.profile"));
        for (Stack.ProcessStatus p : status) {
            assertTrue(p.running() && p.ready() && p.rssBytes() > 0, p.toString());
        }
        String catalogLog = Files.readString(config.logFile("catalog"));
        assertTrue(catalogLog.contains("PUT /v1/offers/CFQ7TTC0LF8Q:0001 auth=true"), catalogLog);
        assertTrue(catalogLog.contains("PUT /v1/offers/CFQ7TTC0LH18:0001 auth=true"), catalogLog);
        assertTrue(output.contains("demo catalog: 2 offer(s), 0 FX rate(s) and 0 promotion(s) loaded"), output.toString());

        String subscriptionLog = Files.readString(config.logFile("subscription"));
        DbSpec db = config.db(Service.SUBSCRIPTION);
        for (String expected : List.of(
                "config quarkus.http.port=" + config.port(Service.SUBSCRIPTION),
                "config quarkus.datasource.username=" + db.user(),
                "config quarkus.datasource.password=" + db.password(),
                "config quarkus.datasource.jdbc.url=jdbc:postgresql://127.0.0.1:5432/" + db.database(),
                "config quarkus.datasource.reactive.url=postgresql://127.0.0.1:5432/" + db.database(),
                "config kafka.bootstrap.servers=127.0.0.1:" + config.brokerPort(),
                "config nce.clock.mode=simulated",
                "config nce.clock.start=2022-01-01T00:00:00Z",
                "config mp.jwt.verify.publickey.location=file:" + config.jwtDir().resolve("publicKey.pem"),
                "config mp.jwt.verify.issuer=nce",
                "config quarkus.rest-client.catalog.url=http://127.0.0.1:" + config.port(Service.CATALOG))) {
            assertTrue(subscriptionLog.contains(expected), expected + " not in\n" + subscriptionLog);
        }
        assertTrue(subscriptionLog.contains("config nce.service-token.signing-key.location=file:"
                + config.jwtDir().resolve("privateKey.pem")), subscriptionLog);
        assertFalse(subscriptionLog.contains("nce.catalog.token"), "no static service token any more");
        assertFalse(Files.readString(config.logFile("catalog")).contains("nce.catalog.token"));
        String notificationLog = Files.readString(config.logFile("notification"));
        assertTrue(notificationLog.contains("config quarkus.mailer.port=" + config.smtpPort()), notificationLog);
        assertTrue(notificationLog.contains("config quarkus.mailer.mock=false"), notificationLog);

        long billingPid = stack.pid(Service.BILLING).orElseThrow();
        stack.stop(Service.BILLING);
        assertFalse(stack.isRunning(Service.BILLING));
        assertFalse(ProcessHandle.of(billingPid).map(ProcessHandle::isAlive).orElse(false));
        assertTrue(Ports.isFree(config.port(Service.BILLING)));
        stack.start(Service.BILLING);
        assertTrue(stack.isRunning(Service.BILLING));
        assertTrue(stack.ready(Service.BILLING));
        assertTrue(Files.readString(config.logFile("billing")).split("started on").length == 3, "log appended on restart");

        // SIGKILL (the e2e restart journeys) and a restart into the running stack: no nce.clock.start the second
        // time, so subscription-service restores its persisted clock instead of refusing a start behind it
        stack.serviceProperty("kafka.session.timeout.ms", "10000");
        long subscriptionPid = stack.kill(Service.SUBSCRIPTION);
        assertFalse(ProcessHandle.of(subscriptionPid).map(ProcessHandle::isAlive).orElse(false));
        assertFalse(stack.isRunning(Service.SUBSCRIPTION));
        assertEquals(-1, stack.kill(Service.SUBSCRIPTION));
        stack.start(Service.SUBSCRIPTION);
        assertTrue(stack.ready(Service.SUBSCRIPTION));
        String restarted = Files.readString(config.logFile("subscription"));
        assertEquals(2, restarted.split("config nce.clock.start=", -1).length, "clock start given once:\n" + restarted);
        assertTrue(restarted.contains("config kafka.session.timeout.ms=10000"), restarted);

        stack.scaleBillingWorkers(3);
        assertEquals(List.of(1, 2, 3), stack.runningWorkers());
        long worker3 = stack.status().stream().filter(p -> p.name().equals("billing-worker-3")).findFirst().orElseThrow().pid();
        stack.scaleBillingWorkers(2);
        assertEquals(List.of(1, 2), stack.runningWorkers());
        assertFalse(ProcessHandle.of(worker3).map(ProcessHandle::isAlive).orElse(false));

        List<Long> pids = stack.status().stream().map(Stack.ProcessStatus::pid).toList();
        stack.down();
        assertTrue(stack.runningNames().isEmpty());
        for (long pid : pids) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "pid " + pid + " left behind");
        }
    }

    @Test
    void aServiceThatExitsFailsTheStartWithOneLineAndStopsEverything() throws Exception {
        Map<Service, Class<?>> mains = new EnumMap<>(Service.class);
        mains.put(Service.SUBSCRIPTION, FailingService.class);
        stack(mains);
        StackException e = assertThrows(StackException.class, stack::up);
        assertTrue(e.getMessage().startsWith("subscription-service failed to start: Caused by: java.lang.IllegalStateException: "
                + "the platform clock is at 2023-01-01T00:00:00Z"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(stack.runningNames().isEmpty(), stack.runningNames().toString());
    }

    @Test
    void aTakenPortIsOneClearLineAndStartsNothing() throws Exception {
        stack(Map.of());
        try (ServerSocket taken = new ServerSocket(config.port(Service.BILLING), 50, InetAddress.getByName("127.0.0.1"))) {
            StackException e = assertThrows(StackException.class, stack::up);
            assertEquals("port " + config.port(Service.BILLING) + " (billing-service) is already in use; free it or stop what runs there",
                    e.getMessage());
        }
        assertTrue(stack.runningNames().isEmpty());
    }

    @Test
    void aMissingServiceJarSaysHowToBuildIt() throws Exception {
        stack(Map.of());
        Files.delete(config.serviceJar(Service.NOTIFICATION));
        StackException e = assertThrows(StackException.class, stack::up);
        assertTrue(e.getMessage().startsWith("notification-service is not built: "), e.getMessage());
        assertTrue(stack.runningNames().isEmpty());
    }
}
