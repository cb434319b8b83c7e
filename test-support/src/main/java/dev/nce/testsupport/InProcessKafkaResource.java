package dev.nce.testsupport;

import dev.nce.contracts.Topics;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.FileOutputStream;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node KRaft broker inside the test JVM (INFRA-RECIPES.md variant A), with every platform topic created
 * up front as in the stack (auto-creation off). Sets kafka.bootstrap.servers for the service under test.
 */
public class InProcessKafkaResource implements QuarkusTestResourceLifecycleManager {

    private static KafkaRaftServer server;
    private static String bootstrap;

    public static String bootstrapServers() { return bootstrap; }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            bootstrap = startBroker();
        }
        return Map.of("kafka.bootstrap.servers", bootstrap,
                "quarkus.log.category.\"kafka\".level", "WARN",
                "quarkus.log.category.\"org.apache.kafka\".level", "WARN");
    }

    @Override
    public void stop() {
        // one broker per test JVM: it stops with the JVM (a shutdown hook), so test classes share it
    }

    private static String startBroker() {
        try {
            int port = freePort();
            int controller = freePort();
            Path dir = Files.createTempDirectory("kafka-inproc");
            Properties p = new Properties();
            p.put("process.roles", "broker,controller");
            p.put("node.id", "1");
            p.put("controller.quorum.voters", "1@127.0.0.1:" + controller);
            p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controller);
            p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
            p.put("controller.listener.names", "CONTROLLER");
            p.put("inter.broker.listener.name", "PLAINTEXT");
            p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.put("log.dirs", dir.resolve("data").toString());
            p.put("offsets.topic.replication.factor", "1");
            p.put("offsets.topic.num.partitions", "1");
            p.put("transaction.state.log.replication.factor", "1");
            p.put("transaction.state.log.min.isr", "1");
            p.put("share.coordinator.state.topic.replication.factor", "1");
            p.put("share.coordinator.state.topic.min.isr", "1");
            p.put("group.initial.rebalance.delay.ms", "0");
            p.put("num.partitions", "1");
            p.put("auto.create.topics.enable", "false");
            Path cfg = dir.resolve("server.properties");
            try (var out = new FileOutputStream(cfg.toFile())) {
                p.store(out, null);
            }
            int rc = kafka.tools.StorageTool.execute(
                    new String[] {"format", "-t", Uuid.randomUuid().toString(), "-c", cfg.toString()}, System.out);
            if (rc != 0) {
                throw new IllegalStateException("kafka storage format failed: " + rc);
            }
            KafkaRaftServer s = new KafkaRaftServer(KafkaConfig.fromProps(p), Time.SYSTEM);
            s.startup();
            server = s;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                s.shutdown();
                s.awaitShutdown();
            }));
            String servers = "127.0.0.1:" + port;
            createTopics(servers);
            return servers;
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the in-process Kafka broker", e);
        }
    }

    private static void createTopics(String servers) throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        try (Admin admin = Admin.create(props)) {
            List<NewTopic> topics = new ArrayList<>();
            List<Topics.TopicSpec> specs = new ArrayList<>(Topics.ALL);
            specs.addAll(Topics.DEAD_LETTER);
            for (Topics.TopicSpec spec : specs) {
                NewTopic topic = new NewTopic(spec.name(), spec.partitions(), (short) 1);
                if (spec.compacted()) {
                    topic.configs(Map.of("cleanup.policy", "compact"));
                }
                topics.add(topic);
            }
            admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
