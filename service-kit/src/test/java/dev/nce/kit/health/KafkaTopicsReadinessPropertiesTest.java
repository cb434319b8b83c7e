package dev.nce.kit.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.kit.kafka.KafkaClientConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 part 1: readiness never turned green on SASL_SSL because its admin client had only bootstrap.servers. */
class KafkaTopicsReadinessPropertiesTest {

    @Test
    void adminClientCarriesSaslSslSettings() {
        var props = KafkaTopicsReadiness.adminProperties(new KafkaClientConfig(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "ssl.truststore.type", "PEM")));

        assertThat(props).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("request.timeout.ms", "3000");
    }
}
