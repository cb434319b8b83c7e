package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rendered Strimzi resource deserializes into Strimzi's own v1 model classes (io.strimzi:api 1.2.0) with no
 * unknown field and every required field present (issue 14, part 5: Strimzi 1.0 serves only kafka.strimzi.io/v1).
 */
class StrimziModelTest {

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void everyStrimziResourceIsAValidV1Object(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<String> problems = new ArrayList<>();
        Map<String, Integer> kinds = new TreeMap<>();
        for (Manifest.Doc doc : manifest.docs) {
            if (doc.apiVersion().startsWith("kafka.strimzi.io/")) {
                StrimziModel.problems(doc.raw()).forEach(p -> problems.add(doc + ": " + p));
                kinds.merge(doc.kind(), 1, Integer::sum);
            }
        }
        assertEquals(List.of(), problems);
        Map<String, Integer> expected = switch (variant) {
            case DEFAULT, SIMULATED -> Map.of("Kafka", 1, "KafkaNodePool", 1, "KafkaTopic", 8);
            // SASL_SSL: a KafkaUser per service
            case PRODUCTION -> Map.of("Kafka", 1, "KafkaNodePool", 1, "KafkaTopic", 8, "KafkaUser", 4);
            // Kafka and its topics are managed outside the chart
            case EXTERNAL -> Map.of();
        };
        assertEquals(new TreeMap<>(expected), kinds);
    }

    @Test
    void strimzisModelsAreTheV1Api() {
        StrimziModel.MODELS.values().forEach(type ->
                assertEquals(StrimziModel.API_VERSION, HasMetadata.getApiVersion(type), type.getName()));
    }

    @Test
    void theCheckFindsAnOldApiVersionUnknownAndMissingFields() {
        Manifest broken = Manifest.parse("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: Kafka
                metadata: {name: nce-kafka}
                spec:
                  kafka:
                    replicas: 3
                    listeners:
                      - name: plain
                        type: internal
                        tls: false
                    config: {auto.create.topics.enable: false}
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaNodePool
                metadata: {name: pool}
                spec:
                  replicas: 1
                  roles: [broker]
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaUser
                metadata: {name: catalog-service}
                spec:
                  authentication: {type: scram-sha-512}
                  authorization:
                    type: simple
                    acls:
                      - resource: {type: topic, name: t, patternType: literal}
                        operation: Read
                ---
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata: {name: t}
                """);
        List<String> problems = new ArrayList<>();
        broken.docs.forEach(doc -> StrimziModel.problems(doc.raw()).forEach(p -> problems.add(doc.kind() + ": " + p)));
        assertEquals(List.of(
                "Kafka: apiVersion kafka.strimzi.io/v1beta2, Strimzi's model is kafka.strimzi.io/v1",
                "Kafka: missing required field spec.kafka.listeners[0].port",
                "Kafka: unknown field spec.kafka.replicas",
                "KafkaNodePool: missing required field spec.storage",
                "KafkaTopic: missing required field spec",
                // v1 removed the single "operation" of v1beta2 and requires "operations"
                "KafkaUser: missing required field spec.authorization.acls[0].operations",
                "KafkaUser: unknown field spec.authorization.acls[0].operation"),
                problems.stream().sorted().toList());
        assertTrue(StrimziModel.coversV1("v1+") && !StrimziModel.coversV1("v1alpha1-v1beta2"));
    }
}
