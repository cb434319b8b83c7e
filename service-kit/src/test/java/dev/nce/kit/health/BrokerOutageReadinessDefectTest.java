package dev.nce.kit.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.kit.kafka.KafkaClientConfig;
import io.smallrye.health.api.Wellness;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 9: a broker outage took every pod out of service through readiness although the outbox lets writes
 * continue. The broker check is a wellness check with a gauge; readiness is left to the database check.
 */
class BrokerOutageReadinessDefectTest {

    @Test
    void an_unreachable_broker_is_reported_down_as_wellness_and_gauge_never_as_readiness_or_liveness() {
        assertThat(KafkaTopicsReadiness.class.isAnnotationPresent(Readiness.class)).isFalse();
        assertThat(KafkaTopicsReadiness.class.isAnnotationPresent(Liveness.class)).isFalse();
        assertThat(KafkaTopicsReadiness.class.isAnnotationPresent(Wellness.class)).isTrue();

        KafkaTopicsReadiness check = new KafkaTopicsReadiness();
        check.kafka = new KafkaClientConfig(Map.of("bootstrap.servers", "127.0.0.1:1"));
        check.enabled = true;
        HealthCheckResponse response = check.call();
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(check.brokerUp()).isZero();
    }
}
