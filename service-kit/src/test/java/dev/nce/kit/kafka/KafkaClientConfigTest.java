package dev.nce.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Issue 14 part 1: hand-built clients get the same connection and security settings as the channels. */
class KafkaClientConfigTest {

    /** What Quarkus's default-kafka-broker map holds with the chart's production values (SASL_SSL + SCRAM-SHA-512). */
    static final Map<String, Object> PRODUCTION = Map.of(
            "bootstrap.servers", "nce-kafka-bootstrap:9093",
            "security.protocol", "SASL_SSL",
            "sasl.mechanism", "SCRAM-SHA-512",
            "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"billing\" password=\"s3cret\";",
            "ssl.truststore.type", "PEM",
            "ssl.truststore.location", "/etc/nce/kafka-ca/ca.crt",
            "group.id", "billing-service",
            "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer");

    @Test
    void connectionCarriesBootstrapSaslAndTlsButNoChannelSettings() {
        Properties props = new KafkaClientConfig(PRODUCTION).connection();

        assertThat(props).containsEntry("bootstrap.servers", "nce-kafka-bootstrap:9093")
                .containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("sasl.jaas.config", PRODUCTION.get("sasl.jaas.config"))
                .containsEntry("ssl.truststore.type", "PEM")
                .containsEntry("ssl.truststore.location", "/etc/nce/kafka-ca/ca.crt")
                .doesNotContainKeys("group.id", "value.deserializer");
        assertThat(props).hasSize(6);
    }

    @Test
    void eachCallIsAFreshCopy() {
        KafkaClientConfig config = new KafkaClientConfig(PRODUCTION);
        config.connection().put("client.id", "one");
        assertThat(config.connection()).doesNotContainKey("client.id");
    }

    @Test
    void blankSettingsAreLeftOutAndAMissingBootstrapFails() {
        assertThat(KafkaClientConfig.connection(Map.of("bootstrap.servers", "127.0.0.1:9092", "security.protocol", "")))
                .containsOnlyKeys("bootstrap.servers");
        assertThatThrownBy(() -> KafkaClientConfig.connection(Map.of("security.protocol", "SASL_SSL")))
                .hasMessageContaining("KAFKA_BOOTSTRAP_SERVERS");
    }

    /** "No other code sets bootstrap.servers": every service's main sources go through this class. */
    @Test
    void noOtherMainSourceSetsBootstrapServers() throws IOException {
        Path root = Path.of("").toAbsolutePath().getParent();
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root, 12)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/dev/nce/"))
                    .filter(p -> isServiceCode(root.relativize(p).toString()))
                    .filter(p -> !p.getFileName().toString().equals("KafkaClientConfig.java"))
                    .filter(p -> read(p).contains("BOOTSTRAP_SERVERS_CONFIG") || read(p).contains("\"bootstrap.servers\"")
                            || read(p).contains("\"kafka.bootstrap.servers\""))
                    .map(p -> root.relativize(p).toString())
                    .toList();
        }
        assertThat(root.resolve("billing-service/src/main/java/dev/nce/billing/service/CatalogSync.java")).exists();
        assertThat(offenders).isEmpty();
    }

    /** The services and the kit; the launcher and test-support run the broker, they are not its clients. */
    private static boolean isServiceCode(String relative) {
        return relative.startsWith("service-kit/") || relative.matches("[a-z]+-service/.*");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
