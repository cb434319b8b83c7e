package dev.nce.kit.health;

import dev.nce.contracts.Topics;
import dev.nce.kit.kafka.KafkaClientConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
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

    @Inject
    KafkaClientConfig kafka;
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
                    admin = Admin.create(adminProperties(kafka));
                }
            }
        }
        return admin;
    }

    /** The readiness admin client: the service's Kafka connection and security with short timeouts. */
    static Properties adminProperties(KafkaClientConfig kafka) {
        return kafka.admin("readiness", 3000);
    }

    boolean confirmed() { return confirmed; }
}
