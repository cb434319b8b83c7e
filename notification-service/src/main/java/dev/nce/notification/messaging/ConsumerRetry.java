package dev.nce.notification.messaging;

import dev.nce.kit.consumer.InboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Supplier;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A record that is not an envelope is logged and skipped (it can never succeed); a failing transaction (database
 * down, a lock conflict) is retried in place with backoff, so records of a partition are never processed out of order.
 */
@ApplicationScoped
public class ConsumerRetry {

    private static final Logger LOG = Logger.getLogger(ConsumerRetry.class);

    @ConfigProperty(name = "nce.consumer.retry.max-attempts", defaultValue = "20")
    int maxAttempts;

    public InboundEvent parse(ConsumerRecord<String, String> record) {
        try {
            return InboundEvent.of(record);
        } catch (RuntimeException e) {
            LOG.errorf("skipping a record that is not an event envelope at %s/%d@%d: %s", record.topic(),
                    record.partition(), record.offset(), e.getMessage());
            return null;
        }
    }

    public <T> T run(ConsumerRecord<String, String> record, Supplier<T> work) {
        long delay = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (RuntimeException e) {
                if (attempt >= maxAttempts) {
                    throw e;
                }
                LOG.warnf(e, "record %s/%d@%d failed (attempt %d), retrying", record.topic(), record.partition(),
                        record.offset(), attempt);
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                delay = Math.min(delay * 2, 5_000);
            }
        }
    }
}
