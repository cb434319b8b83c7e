package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The billing workers: a Deployment of the billing image in the worker profile, scaled by a KEDA ScaledObject whose
 * Kafka trigger watches exactly the topic and consumer group billing-service consumes invoice tasks with.
 */
class BillingWorkerTest {

    static final String TOPIC_KEY = "mp.messaging.incoming.invoice-tasks.topic";
    static final String GROUP_KEY = "mp.messaging.incoming.invoice-tasks.group.id";

    /** billing-service's invoice-task consumer as its worker profile sees it: topic and group id. */
    static String[] billingConsumer() {
        Properties p = Repo.applicationProperties("billing-service").orElseGet(() -> fail(
                "billing-service/src/main/resources/application.properties does not exist (yet): the KEDA trigger "
                        + "must match its keys " + TOPIC_KEY + " and " + GROUP_KEY));
        String topic = Repo.property(p, "worker", TOPIC_KEY).orElseGet(() -> fail(
                "billing-service's application.properties has no " + TOPIC_KEY + " (expected nce.billing.invoice-tasks.v1)"));
        String group = Repo.property(p, "worker", GROUP_KEY).orElseGet(() -> fail(
                "billing-service's application.properties has no " + GROUP_KEY + " (expected billing-invoice-workers)"));
        return new String[] {topic, group};
    }

    private static Map<String, Object> trigger(Manifest manifest) {
        List<Map<String, Object>> triggers = manifest.one("ScaledObject", Chart.n("billing-worker")).at("spec", "triggers");
        assertEquals(1, triggers.size());
        return triggers.get(0);
    }

    @ParameterizedTest
    @EnumSource(value = Chart.Variant.class, names = {"DEFAULT", "PRODUCTION", "EXTERNAL"})
    void theKedaTriggerWatchesBillingsInvoiceTaskConsumer(Chart.Variant variant) {
        String[] consumer = billingConsumer();
        Map<String, String> metadata = Chart.value(trigger(Chart.rendered(variant)), "metadata");
        assertEquals(consumer[0], metadata.get("topic"), "KEDA topic vs billing's " + TOPIC_KEY);
        assertEquals(consumer[1], metadata.get("consumerGroup"), "KEDA consumerGroup vs billing's " + GROUP_KEY);
        Repo.topicsJava().ifPresent(source -> {
            Matcher m = Pattern.compile("INVOICE_TASKS\\s*=\\s*\"([^\"]+)\"").matcher(source);
            assertTrue(m.find(), "Topics.java has no INVOICE_TASKS constant");
            assertEquals(m.group(1), consumer[0], "billing consumes Topics.INVOICE_TASKS");
        });
    }

    @ParameterizedTest
    @EnumSource(value = Chart.Variant.class, names = {"DEFAULT", "PRODUCTION", "EXTERNAL"})
    void theScaledObjectComesFromTheOnePlaceInValues(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        Map<String, Object> values = Chart.values(variant);
        Map<String, Object> spec = manifest.one("ScaledObject", Chart.n("billing-worker")).at("spec");
        Map<String, String> metadata = Chart.value(trigger(manifest), "metadata");
        String topic = Chart.value(values, "kafka", "topics", "invoiceTasks", "name");
        int partitions = Chart.value(values, "kafka", "topics", "invoiceTasks", "partitions");

        assertEquals(Chart.n("billing-worker"), Chart.value(spec, "scaleTargetRef", "name"), "KEDA scales the workers, not the REST pods");
        assertEquals("kafka", trigger(manifest).get("type"));
        assertEquals(topic, metadata.get("topic"));
        assertEquals(Chart.value(values, "billing", "worker", "consumerGroup"), metadata.get("consumerGroup"));
        assertEquals(String.valueOf((Object) Chart.value(values, "billing", "worker", "lagThreshold")), metadata.get("lagThreshold"));
        assertEquals("earliest", metadata.get("offsetResetPolicy"), "like every consumer (DESIGN.md section 6)");
        assertEquals(partitions, spec.get("maxReplicaCount"), "one worker per partition at most");
        // the figures of CONVENTIONS.md: topic nce.billing.invoice-tasks.v1, 12 partitions, group billing-invoice-workers
        Repo.TopicRow row = Repo.conventionTopics().get(topic);
        assertEquals(row.partitions(), spec.get("maxReplicaCount"));
        assertEquals(12, spec.get("maxReplicaCount"));
        assertTrue(Repo.conventions().contains("consumer group `" + metadata.get("consumerGroup") + "`"));
        int min = (Integer) spec.get("minReplicaCount");
        assertEquals((int) Chart.<Integer>value(values, "billing", "worker", "minReplicas"), min);
        assertTrue(min == 0 || min == 1, "minReplicaCount " + min);
        assertEquals(variant == Chart.Variant.PRODUCTION ? 1 : 0, min);
        if (manifest.has("KafkaTopic", Chart.n(topic.replace('.', '-')))) {
            assertEquals(partitions, (int) manifest.one("KafkaTopic", Chart.n(topic.replace('.', '-'))).<Integer>at("spec", "partitions"));
        }
        String bootstrap = manifest.typed(ConfigMap.class, Chart.n("billing-service-config")).getData().get("KAFKA_BOOTSTRAP_SERVERS");
        assertEquals(bootstrap, metadata.get("bootstrapServers"), "KEDA reads the brokers billing uses");
    }

    @ParameterizedTest
    @EnumSource(value = Chart.Variant.class, names = {"DEFAULT", "PRODUCTION", "EXTERNAL"})
    void theTriggerAuthenticatesLikeTheWorkers(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        Map<String, Object> trigger = trigger(manifest);
        Map<String, String> metadata = Chart.value(trigger, "metadata");
        Container worker = WorkloadTest.container(manifest.typed(Deployment.class, Chart.n("billing-worker")));
        switch (variant) {
            case DEFAULT -> {
                assertFalse(trigger.containsKey("authenticationRef"));
                assertFalse(metadata.containsKey("sasl"));
                assertFalse(manifest.has("TriggerAuthentication", Chart.n("billing-worker-kafka")));
            }
            case PRODUCTION, EXTERNAL -> {
                assertEquals(variant == Chart.Variant.PRODUCTION ? "scram_sha512" : "scram_sha256", metadata.get("sasl"));
                assertEquals(variant == Chart.Variant.PRODUCTION ? "enable" : null, metadata.get("tls"));
                assertEquals(Chart.n("billing-worker-kafka"), Chart.value(trigger, "authenticationRef", "name"));
                Manifest.Doc auth = manifest.one("TriggerAuthentication", Chart.n("billing-worker-kafka"));
                List<Map<String, String>> refs = auth.at("spec", "secretTargetRef");
                Map<String, EnvVar> env = worker.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
                if (variant == Chart.Variant.PRODUCTION) {
                    // billing-service's KafkaUser: KEDA reads the user name from the workers' env, as they do
                    assertEquals(List.of(Map.of("parameter", "username", "name", "NCE_KAFKA_USERNAME",
                            "containerName", "billing-worker")), auth.at("spec", "env"));
                    assertEquals(Chart.n("billing-service"), env.get("NCE_KAFKA_USERNAME").getValue());
                    assertTrue(manifest.has("KafkaUser", Chart.n("billing-service")));
                }
                for (Map<String, String> ref : refs) {
                    switch (ref.get("parameter")) {
                        case "username" -> assertSameSecret(ref, env.get("NCE_KAFKA_USERNAME"));
                        case "password" -> assertSameSecret(ref, env.get("NCE_KAFKA_PASSWORD"));
                        case "ca" -> {
                            var volume = manifest.typed(Deployment.class, Chart.n("billing-worker")).getSpec().getTemplate()
                                    .getSpec().getVolumes().stream().filter(v -> v.getName().equals("kafka-ca"))
                                    .findFirst().orElseThrow();
                            assertEquals(volume.getSecret().getSecretName(), ref.get("name"));
                            assertEquals(volume.getSecret().getItems().get(0).getKey(), ref.get("key"));
                        }
                        default -> fail("unexpected parameter " + ref);
                    }
                }
                // production: the KafkaUser's password and the cluster CA; external: the shared user name and password
                assertEquals(2, refs.size());
            }
            default -> fail();
        }
    }

    private static void assertSameSecret(Map<String, String> ref, EnvVar env) {
        assertEquals(env.getValueFrom().getSecretKeyRef().getName(), ref.get("name"));
        assertEquals(env.getValueFrom().getSecretKeyRef().getKey(), ref.get("key"));
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void theWorkersRunTheBillingImageInTheWorkerProfile(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        Deployment worker = manifest.typed(Deployment.class, Chart.n("billing-worker"));
        Deployment billing = manifest.typed(Deployment.class, Chart.n("billing-service"));
        Container w = WorkloadTest.container(worker);
        Container b = WorkloadTest.container(billing);
        assertEquals(b.getImage(), w.getImage());
        assertTrue(w.getImage().endsWith("nce/billing-service:" + Repo.coordinates("billing-service").version()), w.getImage());
        assertEquals(List.of("worker"), w.getEnv().stream().filter(e -> e.getName().equals("QUARKUS_PROFILE"))
                .map(EnvVar::getValue).toList());
        assertTrue(b.getEnv().stream().noneMatch(e -> e.getName().equals("QUARKUS_PROFILE")), "the REST pods run the default profile");
        assertEquals(b.getEnvFrom(), w.getEnvFrom(), "workers and REST pods share billing's ConfigMap");
        assertEquals("worker", worker.getMetadata().getLabels().get("app.kubernetes.io/component"));
        if (variant != Chart.Variant.SIMULATED) {
            assertNull(worker.getSpec().getReplicas(), "KEDA owns the replica count");
        }
    }

    @Test
    void billingConsumesTheInvoiceTaskTopicOfTheConventions() {
        String[] consumer = billingConsumer();
        assertEquals("nce.billing.invoice-tasks.v1", consumer[0]);
        assertEquals("billing-invoice-workers", consumer[1]);
    }
}
