package dev.nce.kit.deadletter;

import dev.nce.contracts.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Per topic: {@code nce_dead_letters_total{topic,source}} counts records moved aside, {@code nce_dead_letters_open{topic}}
 * is the number still OPEN (the alert: above 0 means an operator must replay or resolve).
 */
@ApplicationScoped
public class DeadLetterMetrics {

    private static final Logger LOG = Logger.getLogger(DeadLetterMetrics.class);

    @Inject
    MeterRegistry registry;
    @Inject
    DeadLetterStore store;

    private final Map<String, AtomicLong> open = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent event) {
        Topics.ALL.forEach(spec -> gauge(spec.name()));
        refresh();
    }

    /** Call after the dead letter committed; a metrics failure never undoes it. */
    public void filed(String topic, DeadLetter.Source source) {
        try {
            Counter.builder("nce_dead_letters_total").description("Records moved to the dead letters")
                    .tag("topic", topic).tag("source", source.name()).register(registry).increment();
        } catch (RuntimeException e) {
            LOG.warnf("dead letter counter not incremented: %s", e.getMessage());
        }
    }

    /** Re-reads the open counts (after a dead letter is filed, replayed or resolved). */
    public void refresh() {
        try {
            Map<String, Long> counts = store.openByTopic();
            open.forEach((topic, value) -> value.set(counts.getOrDefault(topic, 0L)));
            counts.forEach((topic, count) -> gauge(topic).set(count));
        } catch (RuntimeException e) {
            LOG.debugf("dead letter gauge not refreshed: %s", e.getMessage());
        }
    }

    public long open(String topic) {
        AtomicLong value = open.get(topic);
        return value == null ? 0 : value.get();
    }

    private AtomicLong gauge(String topic) {
        return open.computeIfAbsent(topic, t -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("nce_dead_letters_open", value, AtomicLong::get).description("Dead letters still OPEN")
                    .tag("topic", t).register(registry);
            return value;
        });
    }
}
