package dev.nce.kit.health;

import dev.nce.contracts.Topics;
import dev.nce.kit.kafka.KafkaClientConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.api.Wellness;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the broker answers and every platform topic exists. Issue 15 item 9: this is a wellness check
 * ({@code /q/health/well}, part of {@code /q/health}) and the gauge {@code nce_broker_up}, never readiness or
 * liveness: the outbox exists so that writes continue while the broker is away, so a broker outage must not take every
 * pod out of service. Readiness is the service's own database (Quarkus's datasource check).
 */
@Wellness
@ApplicationScoped
public class KafkaTopicsReadiness implements HealthCheck {

    @Inject
    KafkaClientConfig kafka;
    @ConfigProperty(name = "nce.health.kafka.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    Instance<MeterRegistry> registries;

    private final AtomicInteger up = new AtomicInteger();
    private volatile Admin admin;
    private volatile boolean confirmed;

    @PostConstruct
    void gauge() {
        if (registries != null && registries.isResolvable()) {
            Gauge.builder("nce.broker.up", up, AtomicInteger::get)
                    .description("1 when the Kafka broker answers and every platform topic exists, else 0")
                    .register(registries.get());
        }
    }

    /** Keeps the gauge current when nobody asks /q/health. */
    @Scheduled(every = "${nce.health.kafka.interval:30s}", skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void probe() {
        call();
    }

    /** 1 while the last check saw the broker and its topics, else 0. */
    public int brokerUp() {
        return up.get();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponse response = check();
        up.set(response.getStatus() == HealthCheckResponse.Status.UP ? 1 : 0);
        return response;
    }

    private HealthCheckResponse check() {
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
