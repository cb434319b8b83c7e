package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The custom resources: KEDA ScaledObject and TriggerAuthentication, CloudNativePG Cluster, Prometheus ServiceMonitor
 * and PodMonitor are checked for their apiVersion, kind, required fields and the keys they may carry (a misspelt key
 * fails); the Strimzi kinds (Kafka, KafkaNodePool, KafkaTopic, KafkaUser) against Strimzi's own model (StrimziModel),
 * plus what the platform needs of them.
 */
class CustomResourceTest {

    private static final Pattern DNS_SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern QUANTITY = Pattern.compile("\\d+(\\.\\d+)?(m|Ki|Mi|Gi|Ti|k|M|G|T)?");
    private static final Set<String> KEDA_KAFKA_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic",
            "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
            "excludePersistentLag", "scaleToZeroOnInvalidOffset", "limitToPartitionsWithLag", "partitionLimitation",
            "sasl", "tls", "version");

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void everyCustomResourceHasItsRequiredFields(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        int checked = 0;
        for (Manifest.Doc doc : manifest.docs) {
            if (!doc.isCustomResource()) {
                continue;
            }
            assertTrue(Set.of("apiVersion", "kind", "metadata", "spec").containsAll(doc.raw().keySet()), doc + ": " + doc.raw().keySet());
            assertTrue(DNS_SUBDOMAIN.matcher(doc.name()).matches(), doc + ": invalid name");
            assertEquals(Manifest.CUSTOM_KINDS.entrySet().stream().filter(e -> e.getValue().contains(doc.kind()))
                    .findFirst().orElseThrow().getKey(), doc.apiVersion(), doc + " apiVersion");
            Map<String, Object> spec = doc.at("spec");
            switch (doc.kind()) {
                case "ScaledObject" -> scaledObject(manifest, doc, spec);
                case "TriggerAuthentication" -> triggerAuthentication(spec, doc);
                case "Kafka" -> kafka(manifest, doc, spec);
                case "KafkaNodePool" -> kafkaNodePool(manifest, doc, spec);
                case "KafkaTopic" -> kafkaTopic(manifest, doc, spec);
                case "KafkaUser" -> kafkaUser(manifest, doc);
                case "Cluster" -> cnpgCluster(doc, spec);
                case "ScheduledBackup" -> scheduledBackup(manifest, doc, spec);
                case "PrometheusRule" -> prometheusRule(doc, spec);
                case "ServiceMonitor" -> serviceMonitor(manifest, doc, spec);
                case "PodMonitor" -> podMonitor(manifest, doc, spec);
                default -> throw new AssertionError("unexpected custom resource " + doc);
            }
            checked++;
        }
        int expected = switch (variant) {
            // ScaledObject, Kafka, KafkaNodePool, 4 KafkaTopics, 4 Clusters
            case DEFAULT -> 15; // + the 4 dead-letter topics
            // + 4 KafkaUsers, TriggerAuthentication, 4 ServiceMonitors, 2 PodMonitors (workers, Kafka Exporter),
            // 4 ScheduledBackups, the PrometheusRule
            case PRODUCTION -> 31;
            // ScaledObject and its TriggerAuthentication only: Kafka, topics and PostgreSQL are external
            case EXTERNAL -> 2;
            // no ScaledObject with the simulated clock
            case SIMULATED -> 14;
        };
        assertEquals(expected, checked, manifest.names().toString());
    }

    private static void keys(Manifest.Doc doc, Map<String, Object> map, Set<String> allowed, Set<String> required) {
        assertTrue(allowed.containsAll(map.keySet()), doc + ": unexpected keys " + map.keySet() + " (allowed " + allowed + ")");
        assertTrue(map.keySet().containsAll(required), doc + ": missing keys of " + required + " in " + map.keySet());
    }

    @SuppressWarnings("unchecked")
    private static void scaledObject(Manifest manifest, Manifest.Doc doc, Map<String, Object> spec) {
        keys(doc, spec, Set.of("scaleTargetRef", "pollingInterval", "cooldownPeriod", "initialCooldownPeriod",
                "idleReplicaCount", "minReplicaCount", "maxReplicaCount", "fallback", "advanced", "triggers"),
                Set.of("scaleTargetRef", "triggers"));
        Map<String, Object> target = (Map<String, Object>) spec.get("scaleTargetRef");
        keys(doc, target, Set.of("apiVersion", "kind", "name", "envSourceContainerName"), Set.of("name"));
        assertEquals("apps/v1", target.get("apiVersion"));
        assertEquals("Deployment", target.get("kind"));
        manifest.typed(Deployment.class, (String) target.get("name"));
        int min = (Integer) spec.get("minReplicaCount");
        int max = (Integer) spec.get("maxReplicaCount");
        assertTrue(0 <= min && min < max, doc + ": " + min + ".." + max);
        assertTrue((Integer) spec.get("pollingInterval") > 0 && (Integer) spec.get("cooldownPeriod") > 0);
        List<Map<String, Object>> triggers = (List<Map<String, Object>>) spec.get("triggers");
        assertEquals(1, triggers.size());
        Map<String, Object> trigger = triggers.get(0);
        keys(doc, trigger, Set.of("type", "metadata", "authenticationRef", "name", "metricType"), Set.of("type", "metadata"));
        assertEquals("kafka", trigger.get("type"));
        Map<String, Object> metadata = (Map<String, Object>) trigger.get("metadata");
        keys(doc, metadata, KEDA_KAFKA_METADATA, Set.of("bootstrapServers", "consumerGroup", "topic", "lagThreshold"));
        metadata.forEach((k, v) -> assertInstanceOf(String.class, v, doc + ": KEDA metadata " + k + " must be a string"));
        assertTrue(Integer.parseInt((String) metadata.get("lagThreshold")) > 0);
        if (trigger.containsKey("authenticationRef")) {
            String ref = (String) ((Map<String, Object>) trigger.get("authenticationRef")).get("name");
            assertTrue(manifest.has("TriggerAuthentication", ref), doc + " refers to TriggerAuthentication " + ref);
        }
    }

    @SuppressWarnings("unchecked")
    private static void triggerAuthentication(Map<String, Object> spec, Manifest.Doc doc) {
        keys(doc, spec, Set.of("secretTargetRef", "env", "configMapTargetRef", "podIdentity"), Set.of("secretTargetRef"));
        List<Map<String, Object>> refs = (List<Map<String, Object>>) spec.get("secretTargetRef");
        assertFalse(refs.isEmpty());
        for (Map<String, Object> ref : refs) {
            keys(doc, ref, Set.of("parameter", "name", "key"), Set.of("parameter", "name", "key"));
            assertTrue(Set.of("username", "password", "ca", "cert", "key", "keyPassword", "sasl", "tls")
                    .contains(ref.get("parameter")), doc + ": parameter " + ref.get("parameter"));
        }
        if (spec.get("env") instanceof List<?> env) {
            for (Object e : env) {
                keys(doc, (Map<String, Object>) e, Set.of("parameter", "name", "containerName"), Set.of("parameter", "name"));
            }
        }
    }

    /** The Strimzi kinds: their schema is Strimzi's own model (StrimziModelTest); here what the platform needs. */
    private static void strimzi(Manifest.Doc doc) {
        assertEquals(List.of(), StrimziModel.problems(doc.raw()), doc.toString());
    }

    @SuppressWarnings("unchecked")
    private static void kafka(Manifest manifest, Manifest.Doc doc, Map<String, Object> spec) {
        strimzi(doc);
        Map<String, Object> kafka = (Map<String, Object>) spec.get("kafka");
        List<Map<String, Object>> listeners = (List<Map<String, Object>>) kafka.get("listeners");
        assertFalse(listeners.isEmpty());
        for (Map<String, Object> l : listeners) {
            assertTrue(((String) l.get("name")).matches("[a-z0-9]{1,11}"), doc + ": listener name " + l.get("name"));
            int port = (Integer) l.get("port");
            assertTrue(port >= 9092 && port != 9404 && port != 9999, doc + ": listener port " + port);
            if (l.containsKey("authentication")) {
                assertEquals(Map.of("type", "scram-sha-512"), l.get("authentication"));
            }
        }
        // ACLs are enforced exactly when the chart renders KafkaUsers with ACLs
        assertEquals(!manifest.ofKind("KafkaUser").isEmpty(), kafka.containsKey("authorization"), doc + ": authorization");
        Map<String, Object> config = (Map<String, Object>) kafka.get("config");
        assertEquals(Boolean.FALSE, config.get("auto.create.topics.enable"), "topics come from KafkaTopics only");
        assertTrue((Integer) config.get("min.insync.replicas") <= (Integer) config.get("default.replication.factor"));
        Map<String, Object> operators = (Map<String, Object>) spec.get("entityOperator");
        assertTrue(operators.containsKey("topicOperator"), "the topic operator reconciles the KafkaTopics");
        assertTrue(operators.containsKey("userOperator"), "the user operator reconciles the KafkaUsers");
    }

    @SuppressWarnings("unchecked")
    private static void kafkaNodePool(Manifest manifest, Manifest.Doc doc, Map<String, Object> spec) {
        strimzi(doc);
        String cluster = doc.at("metadata", "labels", "strimzi.io/cluster");
        assertTrue(manifest.has("Kafka", cluster), doc + " belongs to Kafka " + cluster);
        assertTrue((Integer) spec.get("replicas") >= 1);
        List<String> roles = (List<String>) spec.get("roles");
        assertTrue(roles.contains("broker") && roles.contains("controller"), doc + ": KRaft dual-role " + roles);
        Map<String, Object> storage = (Map<String, Object>) spec.get("storage");
        if ("persistent-claim".equals(storage.get("type"))) {
            assertTrue(QUANTITY.matcher((String) storage.get("size")).matches());
        }
    }

    @SuppressWarnings("unchecked")
    private static void kafkaTopic(Manifest manifest, Manifest.Doc doc, Map<String, Object> spec) {
        strimzi(doc);
        String cluster = doc.at("metadata", "labels", "strimzi.io/cluster");
        assertEquals("nce-kafka", cluster, doc + ": the topic operator watches its cluster's label");
        assertTrue((Integer) spec.get("partitions") >= 1);
        int replicas = (Integer) spec.get("replicas");
        if (manifest.has("KafkaNodePool", cluster + "-dual-role")) {
            Map<String, Object> pool = manifest.one("KafkaNodePool", cluster + "-dual-role").at("spec");
            assertTrue(replicas <= (Integer) pool.get("replicas"), doc + ": more replicas than brokers");
        }
        Map<String, Object> config = (Map<String, Object>) spec.get("config");
        int minIsr = (Integer) config.get("min.insync.replicas");
        assertTrue(minIsr <= replicas, doc.toString());
    }

    private static void kafkaUser(Manifest manifest, Manifest.Doc doc) {
        strimzi(doc);
        String cluster = doc.at("metadata", "labels", "strimzi.io/cluster");
        assertTrue(manifest.has("Kafka", cluster), doc + ": the user operator of Kafka " + cluster);
        assertEquals("scram-sha-512", doc.at("spec", "authentication", "type"));
        assertEquals("simple", doc.at("spec", "authorization", "type"));
    }

    @SuppressWarnings("unchecked")
    private static void cnpgCluster(Manifest.Doc doc, Map<String, Object> spec) {
        keys(doc, spec, Set.of("instances", "imageName", "bootstrap", "storage", "resources", "postgresql",
                "monitoring", "affinity", "backup", "serviceAccountTemplate"), Set.of("instances", "bootstrap", "storage"));
        assertTrue((Integer) spec.get("instances") >= 1);
        Map<String, Object> initdb = Chart.value(spec, "bootstrap", "initdb");
        keys(doc, initdb, Set.of("database", "owner", "secret"), Set.of("database", "owner"));
        if (spec.get("backup") instanceof Map<?, ?> backup) {
            keys(doc, (Map<String, Object>) backup, Set.of("retentionPolicy", "barmanObjectStore"), Set.of("barmanObjectStore"));
            Map<String, Object> store = Chart.value(spec, "backup", "barmanObjectStore");
            keys(doc, store, Set.of("destinationPath", "endpointURL", "s3Credentials", "googleCredentials", "azureCredentials",
                    "wal", "data"), Set.of("destinationPath"));
            assertTrue(((String) store.get("destinationPath")).endsWith("/" + doc.name()), doc + ": one path per database");
        }
        assertEquals(doc.name(), Chart.n(initdb.get("database") + "-db"), doc + " is named after its database");
        Map<String, Object> storage = (Map<String, Object>) spec.get("storage");
        keys(doc, storage, Set.of("size", "storageClass", "resizeInUseVolumes"), Set.of("size"));
        assertTrue(QUANTITY.matcher((String) storage.get("size")).matches());
    }

    private static void scheduledBackup(Manifest manifest, Manifest.Doc doc, Map<String, Object> spec) {
        keys(doc, spec, Set.of("schedule", "cluster", "immediate", "backupOwnerReference", "method", "suspend", "target"),
                Set.of("schedule", "cluster"));
        String cluster = Chart.value(spec, "cluster", "name");
        Map<String, Object> backup = manifest.one("Cluster", cluster).at("spec", "backup");
        assertTrue(backup.containsKey("barmanObjectStore"), doc + ": the cluster archives to an object store");
        assertEquals("barmanObjectStore", spec.get("method"));
        // CloudNativePG's cron has six fields, seconds first
        assertEquals(6, ((String) spec.get("schedule")).trim().split("\\s+").length, doc + ": " + spec.get("schedule"));
    }

    @SuppressWarnings("unchecked")
    private static void prometheusRule(Manifest.Doc doc, Map<String, Object> spec) {
        keys(doc, spec, Set.of("groups"), Set.of("groups"));
        for (Map<String, Object> group : (List<Map<String, Object>>) spec.get("groups")) {
            keys(doc, group, Set.of("name", "interval", "rules"), Set.of("name", "rules"));
            for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
                keys(doc, rule, Set.of("alert", "expr", "for", "labels", "annotations"), Set.of("alert", "expr", "labels"));
                assertInstanceOf(String.class, rule.get("expr"));
                assertTrue(Set.of("critical", "warning").contains(((Map<String, Object>) rule.get("labels")).get("severity")), doc + ": " + rule);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void serviceMonitor(Manifest manifest, Manifest.Doc doc, Map<String, Object> spec) {
        keys(doc, spec, Set.of("selector", "endpoints", "namespaceSelector"), Set.of("selector", "endpoints"));
        Map<String, String> matchLabels = Chart.value(spec, "selector", "matchLabels");
        List<Service> selected = manifest.typed(Service.class).stream()
                .filter(s -> s.getMetadata().getLabels().entrySet().containsAll(matchLabels.entrySet())).toList();
        assertEquals(1, selected.size(), doc + " selects one Service");
        Service service = selected.get(0);
        assertEquals(doc.name(), service.getMetadata().getName());
        for (Map<String, Object> endpoint : (List<Map<String, Object>>) spec.get("endpoints")) {
            keys(doc, endpoint, Set.of("port", "path", "interval", "scrapeTimeout"), Set.of("port", "path"));
            assertEquals("/q/metrics", endpoint.get("path"));
            assertTrue(service.getSpec().getPorts().stream().anyMatch(p -> p.getName().equals(endpoint.get("port"))),
                    doc + ": port " + endpoint.get("port"));
        }
    }

    @SuppressWarnings("unchecked")
    private static void podMonitor(Manifest manifest, Manifest.Doc doc, Map<String, Object> spec) {
        keys(doc, spec, Set.of("selector", "podMetricsEndpoints"), Set.of("selector", "podMetricsEndpoints"));
        Map<String, String> matchLabels = Chart.value(spec, "selector", "matchLabels");
        if (doc.name().endsWith("-kafka-exporter")) {
            // Strimzi's exporter pod: labels and port name of the Strimzi cluster operator
            String cluster = matchLabels.get("strimzi.io/cluster");
            assertTrue(manifest.has("Kafka", cluster), doc.toString());
            assertEquals(Map.of("strimzi.io/cluster", cluster, "strimzi.io/kind", "Kafka",
                    "strimzi.io/name", cluster + "-kafka-exporter"), matchLabels);
            Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("podMetricsEndpoints")).get(0);
            assertEquals("tcp-prometheus", endpoint.get("port"));
            assertTrue(manifest.one("Kafka", cluster).raw().toString().contains("kafkaExporter"), doc + ": the exporter runs");
            return;
        }
        List<Deployment> selected = manifest.typed(Deployment.class).stream()
                .filter(d -> WorkloadTest.podLabels(d).entrySet().containsAll(matchLabels.entrySet())).toList();
        assertEquals(1, selected.size(), doc + " selects one Deployment's pods");
        Deployment d = selected.get(0);
        for (Map<String, Object> endpoint : (List<Map<String, Object>>) spec.get("podMetricsEndpoints")) {
            assertEquals("/q/metrics", endpoint.get("path"));
            assertTrue(WorkloadTest.container(d).getPorts().stream().anyMatch(p -> p.getName().equals(endpoint.get("port"))));
        }
    }

    @Test
    void aMisspeltScaledObjectKeyIsCaught() {
        Manifest broken = Manifest.parse("""
                apiVersion: keda.sh/v1alpha1
                kind: ScaledObject
                metadata: {name: billing-worker}
                spec:
                  scaleTargetRef: {name: billing-worker}
                  minReplicaCont: 1
                  triggers: [{type: kafka, metadata: {topic: t}}]
                """);
        Manifest.Doc doc = broken.docs.get(0);
        AssertionError e = assertThrows(AssertionError.class,
                () -> scaledObject(broken, doc, doc.at("spec")));
        assertNotNull(e.getMessage());
        assertTrue(e.getMessage().contains("minReplicaCont"), e.getMessage());
    }
}
