package dev.nce.stack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) as a child JVM ({@code kafka.Kafka}) from
 * the Maven jars listed in {@code stack/target/broker.classpath}. Data lives under {@code <base>/kafka/data} and
 * survives a restart unless the stack is started fresh.
 */
public final class KafkaBroker {

    static final String NAME = "broker";

    private final StackConfig config;
    private final ChildProcesses processes;
    private final SecureKafka secure;

    KafkaBroker(StackConfig config, ChildProcesses processes) {
        this(config, processes, null);
    }

    /** With {@code secure} the broker listens with SASL_SSL only (SCRAM-SHA-512) and enforces ACLs (issue 14). */
    KafkaBroker(StackConfig config, ChildProcesses processes, SecureKafka secure) {
        this.config = config;
        this.processes = processes;
        this.secure = secure;
    }

    Path dataDir() {
        return config.kafkaDir().resolve("data");
    }

    Path serverProperties() {
        return config.kafkaDir().resolve("server.properties");
    }

    String classpath() {
        Path file = config.stackTarget().resolve("broker.classpath");
        try {
            String cp = Files.readString(file).trim();
            if (cp.isEmpty()) {
                throw new StackException(file + " is empty; rebuild the stack module (./mvnw -q -pl stack -am install)");
            }
            return cp;
        } catch (IOException e) {
            throw new StackException("no broker classpath at " + file + "; build the stack module first (./mvnw -q -pl stack -am install)");
        }
    }

    /** Writes the configuration, formats the storage if needed (wiping it first when {@code fresh}), starts the JVM. */
    void start(boolean fresh) {
        String cp = classpath();
        try {
            if (fresh) {
                deleteTree(config.kafkaDir());
            }
            Files.createDirectories(dataDir());
            writeConfig();
            if (!Files.isRegularFile(dataDir().resolve("meta.properties"))) {
                format(cp);
            }
        } catch (IOException e) {
            throw new StackException("cannot prepare broker data under " + config.kafkaDir() + ": " + e.getMessage(), e);
        }
        processes.start(NAME, List.of(ChildProcesses.javaBinary(), "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC",
                config.processMarker(),
                "-Dlog4j2.configurationFile=" + config.kafkaDir().resolve("log4j2.properties"),
                "-cp", cp, "kafka.Kafka", serverProperties().toString()), false);
    }

    private void writeConfig() throws IOException {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + config.controllerPort());
        String listener = secure == null ? "PLAINTEXT" : "SASL_SSL";
        p.put("listeners", listener + "://127.0.0.1:" + config.brokerPort() + ",CONTROLLER://127.0.0.1:" + config.controllerPort());
        p.put("advertised.listeners", listener + "://127.0.0.1:" + config.brokerPort());
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", listener);
        p.put("listener.security.protocol.map", listener + ":" + listener + ",CONTROLLER:PLAINTEXT");
        if (secure != null) {
            p.putAll(secure.brokerSettings());
        }
        p.put("log.dirs", dataDir().toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        try (OutputStream out = Files.newOutputStream(serverProperties())) {
            p.store(out, "written by the NCE stack launcher");
        }
        Files.writeString(config.kafkaDir().resolve("log4j2.properties"), String.join("\n",
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.state.name = state.change.logger",
                "logger.state.level = warn",
                "logger.log.name = org.apache.kafka.storage",
                "logger.log.level = warn",
                "logger.cleaner.name = kafka.log",
                "logger.cleaner.level = warn",
                ""), StandardCharsets.UTF_8);
    }

    private void format(String cp) throws IOException {
        Files.createDirectories(config.logs());
        Path log = config.logFile("broker-format");
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", config.processMarker(),
                "-Dlog4j2.configurationFile=" + config.kafkaDir().resolve("log4j2.properties"),
                "-cp", cp, "kafka.tools.StorageTool", "format",
                "-t", Uuid.randomUuid().toString(), "-c", serverProperties().toString()));
        if (secure != null) {
            cmd.addAll(secure.formatArguments()); // SCRAM users exist before the first SASL handshake
        }
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                ChildProcesses.terminate(p.toHandle(), 5);
                throw new StackException("formatting the broker storage timed out; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new StackException("interrupted while formatting the broker storage");
        }
        if (p.exitValue() != 0) {
            throw new StackException("formatting the broker storage failed (exit " + p.exitValue() + "): "
                    + ChildProcesses.tail(log, 1) + " (see " + log + ")");
        }
    }

    Admin admin() {
        Map<String, Object> props = new java.util.HashMap<>(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
        if (secure != null) {
            props.putAll(secure.clientProperties(config.bootstrapServers(), SecureKafka.ADMIN));
        }
        return Admin.create(props);
    }

    /** On the secure broker: each service user's ACLs ({@link KafkaAccess}); nothing else is allowed. */
    void createAcls() {
        if (secure == null) {
            return;
        }
        List<org.apache.kafka.common.acl.AclBinding> acls = new ArrayList<>();
        for (KafkaAccess access : KafkaAccess.ALL) {
            acls.addAll(access.acls());
        }
        try (Admin admin = admin()) {
            admin.createAcls(acls).all().get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating ACLs");
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot create the services' ACLs: " + e.getMessage(), e);
        }
    }

    /** Waits until {@code describeCluster} answers with a node (or the broker JVM died). */
    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = admin()) {
            while (true) {
                if (processes.find(NAME).isEmpty()) {
                    throw new StackException("the Kafka broker exited during start-up: "
                            + lastError(config.logFile(NAME)) + " (see " + config.logFile(NAME) + ")");
                }
                try {
                    if (!admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).isEmpty()) {
                        return;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    // not yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StackException("interrupted while waiting for the broker");
                }
                if (System.nanoTime() > deadline) {
                    throw new StackException("the Kafka broker on " + config.bootstrapServers() + " was not ready within "
                            + timeout.toSeconds() + " s (see " + config.logFile(NAME) + ")");
                }
                sleep(200);
            }
        }
    }

    /** Creates every platform topic (an existing one is left as it is) and checks that all exist. */
    void createTopics() {
        List<NewTopic> topics = StackTopics.all();
        try (Admin admin = admin()) {
            Map<String, KafkaFuture<Void>> results = admin.createTopics(topics).values();
            List<String> failures = new ArrayList<>();
            for (Map.Entry<String, KafkaFuture<Void>> r : results.entrySet()) {
                try {
                    r.getValue().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        failures.add(r.getKey() + ": " + e.getCause());
                    }
                } catch (TimeoutException e) {
                    failures.add(r.getKey() + ": timed out");
                }
            }
            if (!failures.isEmpty()) {
                throw new StackException("cannot create topics: " + String.join("; ", failures));
            }
            // a new topic reaches the broker's metadata shortly after the controller confirmed it
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            for (int attempt = 0; attempt < 50 && !names.containsAll(topics.stream().map(NewTopic::name).toList()); attempt++) {
                sleep(200);
                names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            }
            for (NewTopic t : topics) {
                if (!names.contains(t.name())) {
                    throw new StackException("topic " + t.name() + " is missing after creation");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while creating topics");
        } catch (ExecutionException | TimeoutException e) {
            throw new StackException("cannot list topics on " + config.bootstrapServers() + ": " + e.getMessage(), e);
        }
    }

    static String lastError(Path log) {
        String tail = ChildProcesses.tail(log, 200);
        String[] lines = tail.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].contains("ERROR") || lines[i].contains("Exception")) {
                return lines[i].trim();
            }
        }
        return lines.length == 0 ? "(empty log)" : lines[lines.length - 1].trim();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
