package dev.nce.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.kit.testapp.KitTestDatabase;
import dev.nce.testsupport.InProcessKafkaResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 1: the variables the chart's ConfigMap renders (KAFKA_SASL_MECHANISM, KAFKA_SSL_TRUSTSTORE_TYPE, ...)
 * reach the kit's clients exactly as they reach SmallRye's channels. PLAINTEXT stays the protocol here, so the
 * in-process broker still answers (Kafka ignores SASL/TLS keys under PLAINTEXT).
 */
@QuarkusTest
@QuarkusTestResource(KitTestDatabase.class)
@QuarkusTestResource(InProcessKafkaResource.class)
@TestProfile(KafkaClientConfigChartEnvTest.ChartNames.class)
class KafkaClientConfigChartEnvTest {

    public static class ChartNames implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512", "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM");
        }
    }

    @Inject
    KafkaClientConfig kafka;

    @Test
    void chartVariableNamesReachTheKitClients() {
        var props = kafka.connection();
        assertThat(props).containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsEntry("ssl.truststore.type", "PEM");
        assertThat((String) props.get("bootstrap.servers")).startsWith("127.0.0.1:").isNotEqualTo("localhost:9092");
        assertThat(props).doesNotContainKey("group.id");
    }
}
