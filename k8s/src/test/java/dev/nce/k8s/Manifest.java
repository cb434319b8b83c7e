package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.core.type.TypeReference;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** The objects of one `helm template` output, as raw maps and, for core kinds, as typed fabric8 models. */
final class Manifest {

    /** API groups of the custom resources the chart may render, with their kinds. */
    static final Map<String, Set<String>> CUSTOM_KINDS = Map.of(
            "keda.sh/v1alpha1", Set.of("ScaledObject", "TriggerAuthentication"),
            "kafka.strimzi.io/v1", Set.of("Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser"),
            "postgresql.cnpg.io/v1", Set.of("Cluster", "ScheduledBackup"),
            "monitoring.coreos.com/v1", Set.of("ServiceMonitor", "PodMonitor", "PrometheusRule"));

    /** One rendered document. */
    record Doc(String apiVersion, String kind, String name, Map<String, Object> raw, String yaml) {
        boolean isCustomResource() {
            return CUSTOM_KINDS.containsKey(apiVersion);
        }

        <T> T at(String... path) {
            return Chart.value(raw, path);
        }

        @Override
        public String toString() {
            return kind + " " + name;
        }
    }

    final String text;
    final List<Doc> docs;

    private Manifest(String text, List<Doc> docs) {
        this.text = text;
        this.docs = List.copyOf(docs);
    }

    static Manifest parse(String text) {
        List<Doc> docs = new ArrayList<>();
        for (String yaml : text.split("(?m)^---\\s*$")) {
            boolean blank = yaml.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"));
            if (blank) {
                continue;
            }
            Map<String, Object> raw;
            try {
                raw = Serialization.yamlMapper().readValue(yaml, new TypeReference<>() {});
            } catch (Exception e) {
                throw new AssertionError("rendered YAML does not parse:\n" + yaml, e);
            }
            String apiVersion = (String) raw.get("apiVersion");
            String kind = (String) raw.get("kind");
            assertNotNull(apiVersion, "a document without apiVersion:\n" + yaml);
            assertNotNull(kind, "a document without kind:\n" + yaml);
            String name = Chart.value(raw, "metadata", "name");
            docs.add(new Doc(apiVersion, kind, name, raw, yaml));
        }
        return new Manifest(text, docs);
    }

    List<Doc> ofKind(String kind) {
        return docs.stream().filter(d -> d.kind().equals(kind)).collect(Collectors.toList());
    }

    Doc one(String kind, String name) {
        List<Doc> found = docs.stream().filter(d -> d.kind().equals(kind) && d.name().equals(name)).toList();
        assertEquals(1, found.size(), "exactly one " + kind + " " + name + " in " + names());
        return found.get(0);
    }

    boolean has(String kind, String name) {
        return docs.stream().anyMatch(d -> d.kind().equals(kind) && d.name().equals(name));
    }

    /** Every object of a core kind, parsed into its fabric8 model class. */
    <T extends HasMetadata> List<T> typed(Class<T> type) {
        return ofKind(type.getSimpleName()).stream()
                .map(d -> Serialization.unmarshal(d.yaml(), type))
                .collect(Collectors.toList());
    }

    <T extends HasMetadata> T typed(Class<T> type, String name) {
        return Serialization.unmarshal(one(type.getSimpleName(), name).yaml(), type);
    }

    /** "Kind name" of every object, in rendering order. */
    List<String> names() {
        return docs.stream().map(Doc::toString).toList();
    }
}
