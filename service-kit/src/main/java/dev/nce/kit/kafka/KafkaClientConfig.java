package dev.nce.kit.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Properties;

/**
 * The one place a service's hand-built Kafka clients (outbox producer, admin clients) take their connection and
 * security settings from: the {@code kafka.*} configuration SmallRye's channels use (Quarkus's
 * {@code default-kafka-broker} map: {@code kafka.bootstrap.servers}, {@code kafka.security.protocol},
 * {@code kafka.sasl.mechanism}, {@code kafka.sasl.jaas.config}, {@code kafka.ssl.truststore.*}, or the env variables
 * {@code KAFKA_BOOTSTRAP_SERVERS}, {@code KAFKA_SECURITY_PROTOCOL}, ... the Helm chart renders). A client adds only its
 * own tuning (acks, timeouts, client id) on top, so a SASL_SSL cluster reaches every client, not just the channels.
 */
@ApplicationScoped
public class KafkaClientConfig {

    private final Map<String, Object> broker;

    @Inject
    public KafkaClientConfig(@Identifier("default-kafka-broker") Map<String, Object> broker) {
        this.broker = new java.util.HashMap<>(broker);
    }

    /** A fresh copy of the connection and security properties, for one client to add its own settings to. */
    public Properties connection() {
        return connection(broker);
    }

    /** An admin client's settings: the connection, its client id and one timeout for each request and API call. */
    public Properties admin(String clientId, int timeoutMillis) {
        Properties props = connection();
        props.put("client.id", clientId);
        props.put("request.timeout.ms", Integer.toString(timeoutMillis));
        props.put("default.api.timeout.ms", Integer.toString(timeoutMillis));
        return props;
    }

    /**
     * The connection and security entries of a {@code kafka.*} map (keys without the prefix): bootstrap servers,
     * security protocol, DNS lookup, every {@code sasl.*} and {@code ssl.*} key. Channel-only keys (group.id,
     * deserializers) stay out.
     */
    public static Properties connection(Map<String, ?> kafkaConfig) {
        Properties props = new Properties();
        kafkaConfig.forEach((key, value) -> {
            if (isConnectionKey(key) && value != null && !String.valueOf(value).isBlank()) {
                props.put(key, String.valueOf(value));
            }
        });
        if (!props.containsKey("bootstrap.servers")) {
            throw new IllegalStateException("kafka.bootstrap.servers (KAFKA_BOOTSTRAP_SERVERS) is not configured");
        }
        return props;
    }

    static boolean isConnectionKey(String key) {
        return key.equals("bootstrap.servers") || key.equals("security.protocol") || key.equals("client.dns.lookup")
                || key.startsWith("sasl.") || key.startsWith("ssl.");
    }
}
