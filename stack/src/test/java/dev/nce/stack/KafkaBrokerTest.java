package dev.nce.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nce.contracts.Topics;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A real broker JVM: start, topics as CONVENTIONS.md says, restart keeps data, fresh wipes it, stop leaves nothing. */
class KafkaBrokerTest {

    private final StackConfig config = TestStacks.config(TestStacks.repoRoot(), TestStacks.newDir("broker"), "unused");
    private final ChildProcesses processes = new ChildProcesses(config);
    private final KafkaBroker broker = new KafkaBroker(config, processes);

    @AfterEach
    void stop() {
        processes.stop(KafkaBroker.NAME);
    }

    @Test
    void createsEveryTopicWithItsPartitionsAndCompactionAndSurvivesARestart() throws Exception {
        broker.start(true);
        long pid = processes.find(KafkaBroker.NAME).orElseThrow().pid();
        broker.awaitReady(Duration.ofSeconds(60));
        broker.createTopics();
        broker.createTopics(); // existing topics are fine

        try (Admin admin = broker.admin()) {
            Map<String, TopicDescription> topics = admin.describeTopics(topicNames()).allTopicNames().get(30, TimeUnit.SECONDS);
            assertEquals(8, topics.size()); // the 4 platform topics and their .dlq dead-letter topics (issue 16)
            assertEquals(3, topics.get("nce.catalog.offers.v1").partitions().size());
            assertEquals(12, topics.get("nce.subscription.events.v1").partitions().size());
            assertEquals(12, topics.get("nce.billing.invoice-tasks.v1").partitions().size());
            assertEquals(12, topics.get("nce.billing.invoices.v1").partitions().size());

            ConfigResource offers = new ConfigResource(ConfigResource.Type.TOPIC, "nce.catalog.offers.v1");
            ConfigResource events = new ConfigResource(ConfigResource.Type.TOPIC, "nce.subscription.events.v1");
            ConfigResource node = new ConfigResource(ConfigResource.Type.BROKER, "1");
            Map<ConfigResource, Config> configs = admin.describeConfigs(Set.of(offers, events, node)).all().get(30, TimeUnit.SECONDS);
            assertEquals("compact", configs.get(offers).get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            assertEquals("delete", configs.get(events).get(TopicConfig.CLEANUP_POLICY_CONFIG).value());
            assertEquals("false", configs.get(node).get("auto.create.topics.enable").value());
        }

        assertTrue(processes.stop(KafkaBroker.NAME));
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "broker JVM still alive");
        assertFalse(Files.exists(config.pidFile(KafkaBroker.NAME)));

        broker.start(false); // same data directory: the topics are still there
        broker.awaitReady(Duration.ofSeconds(60));
        assertEquals(topicNames(), listTopics());
        processes.stop(KafkaBroker.NAME);

        broker.start(true); // fresh: wiped
        broker.awaitReady(Duration.ofSeconds(60));
        assertTrue(listTopics().isEmpty(), "fresh broker still has " + listTopics());
    }

    private static Set<String> topicNames() {
        return java.util.stream.Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTER.stream())
                .map(Topics.TopicSpec::name).collect(Collectors.toSet());
    }

    private Set<String> listTopics() throws Exception {
        try (Admin admin = broker.admin()) {
            return admin.listTopics().names().get(30, TimeUnit.SECONDS);
        }
    }
}
