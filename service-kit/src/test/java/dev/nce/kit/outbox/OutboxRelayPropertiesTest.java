package dev.nce.kit.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.kit.kafka.KafkaClientConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 part 1: with values-production.yaml (SASL_SSL) the relay's producer used to get only bootstrap.servers. */
class OutboxRelayPropertiesTest {

    @Test
    void producerCarriesSaslSslSettingsAndItsOwnDurability() {
        var props = OutboxRelay.producerProperties(new KafkaClientConfig(Map.of(
                "bootstrap.servers", "kafka:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"u\" password=\"p\";",
                "ssl.truststore.location", "/etc/nce/kafka-ca/ca.crt")));

        assertThat(props).containsEntry("bootstrap.servers", "kafka:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/nce/kafka-ca/ca.crt")
                .containsEntry("acks", "all")
                .containsEntry("enable.idempotence", "true")
                .containsEntry("client.id", "outbox-relay");
        assertThat((String) props.get("sasl.jaas.config")).contains("ScramLoginModule", "username=\"u\"");
    }
}
