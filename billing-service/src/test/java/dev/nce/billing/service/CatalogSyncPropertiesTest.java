package dev.nce.billing.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.kit.kafka.KafkaClientConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Issue 14 part 1: billing's catalog sync reads end offsets over the same SASL_SSL connection as its channels. */
class CatalogSyncPropertiesTest {

    @Test
    void adminClientCarriesSaslSslSettings() {
        var props = CatalogSync.adminProperties(new KafkaClientConfig(Map.of(
                "bootstrap.servers", "nce-kafka-bootstrap:9093",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"billing-service\" password=\"p\";",
                "ssl.truststore.type", "PEM",
                "ssl.truststore.location", "/etc/nce/kafka-ca/ca.crt")));

        assertThat(props).containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("ssl.truststore.location", "/etc/nce/kafka-ca/ca.crt")
                .containsEntry("client.id", "billing-catalog-sync")
                .containsEntry("request.timeout.ms", "10000");
        assertThat((String) props.get("sasl.jaas.config")).contains("username=\"billing-service\"");
    }
}
