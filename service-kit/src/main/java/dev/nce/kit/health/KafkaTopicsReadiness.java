package dev.nce.kit.health;

import dev.nce.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only when the broker answers and every platform topic exists (DESIGN.md section 6: a missing topic makes a
 * service not ready). Checks only this service's own dependencies, never another service.
 */
@Readiness
@ApplicationScoped
public class KafkaTopicsReadiness implements HealthCheck {

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;
    @ConfigProperty(name = "nce.health.kafka.enabled", defaultValue = "true")
    boolean enabled;

    private volatile Admin admin;
    private volatile boolean confirmed;

    @Override
    public HealthCheckResponse call() {
        if (!enabled) {
            return HealthCheckResponse.up("kafka-topics");
        }
        try {
            Set<String> names = new HashSet<>(admin().listTopics().names().get(3, TimeUnit.SECONDS));
            for (Topics.TopicSpec spec : Topics.ALL) {
                if (!names.contains(spec.name())) {
                    return HealthCheckResponse.named("kafka-topics").down().withData("missing", spec.name()).build();
                }
            }
            confirmed = true;
            return HealthCheckResponse.up("kafka-topics");
        } catch (Exception e) {
            return HealthCheckResponse.named("kafka-topics").down().withData("error", String.valueOf(e.getMessage())).build();
        }
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    Properties props = new Properties();
                    props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
                    props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
                    props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
                    admin = Admin.create(props);
                }
            }
        }
        return admin;
    }

    boolean confirmed() { return confirmed; }
}
