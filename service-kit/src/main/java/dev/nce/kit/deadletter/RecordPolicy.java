package dev.nce.kit.deadletter;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one record-processing policy of every consumer (issue 16). A transient failure (database, broker or catalog
 * unreachable, a lock conflict) is retried in place with exponential backoff bounded by {@code max-backoff}, as long
 * as it takes: the offset is not committed and the records of the partition stay in order. Any other failure is
 * retried {@code permanent-attempts} times in total, then the record is filed as a dead letter (and copied to
 * {@code <topic>.dlq}) in one transaction, counted, and the consumer moves on: never skipped silently. While the
 * application stops, the failure is rethrown so the record stays uncommitted and is redelivered after the restart.
 */
@ApplicationScoped
public class RecordPolicy {

    private static final Logger LOG = Logger.getLogger(RecordPolicy.class);

    @Inject
    DeadLetterStore store;
    @Inject
    DeadLetterMetrics metrics;

    @ConfigProperty(name = "nce.consumer.initial-backoff-millis", defaultValue = "100")
    long initialBackoffMillis;
    @ConfigProperty(name = "nce.consumer.max-backoff-millis", defaultValue = "5000")
    long maxBackoffMillis;
    @ConfigProperty(name = "nce.consumer.permanent-attempts", defaultValue = "3")
    int permanentAttempts;

    private volatile boolean stopping;

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Processes the record under the policy; answers true when it was processed, false when dead-lettered. */
    public boolean consume(RecordConsumer consumer, ConsumerRecord<String, String> record) {
        long backoff = initialBackoffMillis;
        int permanentFailures = 0;
        while (true) {
            RuntimeException failure;
            try {
                consumer.process(record);
                return true;
            } catch (RuntimeException e) {
                failure = e;
            }
            Failures.Kind kind = stopping ? Failures.Kind.STOPPING : Failures.classify(failure);
            if (kind == Failures.Kind.STOPPING) {
                throw failure;
            }
            if (kind == Failures.Kind.PERMANENT && ++permanentFailures >= permanentAttempts) {
                if (fileDeadLetter(consumer, record, failure)) {
                    return false;
                }
            } else {
                LOG.warnf("%s %s failed (%s): %s; retrying in %d ms", consumer.channel(), where(record), kind,
                        Failures.describe(failure), backoff);
            }
            sleep(backoff, failure);
            backoff = Math.min(backoff * 2, maxBackoffMillis);
        }
    }

    private boolean fileDeadLetter(RecordConsumer consumer, ConsumerRecord<String, String> record,
                                   RuntimeException failure) {
        String error = Failures.describe(failure);
        DeadLetterStore.FailedRecord failed = new DeadLetterStore.FailedRecord(consumer.channel(), record.topic(),
                record.partition(), record.offset(), record.key(), record.value());
        try {
            Optional<UUID> id = QuarkusTransaction.requiringNew().call(() -> store.fileConsumerFailure(failed, error));
            LOG.errorf(failure, "%s %s dead-lettered as %s: %s", consumer.channel(), where(record),
                    id.map(UUID::toString).orElse("(already filed)"), error);
            if (id.isPresent()) {
                metrics.filed(record.topic(), DeadLetter.Source.CONSUMER);
            }
            metrics.refresh();
            return true;
        } catch (RuntimeException storeFailure) {
            if (stopping || Failures.classify(storeFailure) == Failures.Kind.STOPPING) {
                throw failure;
            }
            // the dead letter could not be written (database down): keep the record, try it again later
            LOG.warnf("%s %s: dead letter not written (%s); retrying", consumer.channel(), where(record),
                    Failures.describe(storeFailure));
            return false;
        }
    }

    private static String where(ConsumerRecord<String, String> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    private static void sleep(long millis, RuntimeException failure) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }
}
