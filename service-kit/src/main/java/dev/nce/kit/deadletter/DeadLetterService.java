package dev.nce.kit.deadletter;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Operator actions on a dead letter. Replay: a consumed record is processed again by its consumer (the idempotent
 * handler applies it once); an outbox row goes back to the outbox for the relay. Resolve: the operator settled it by
 * other means. Both only from OPEN (another state is 409 invalid-state).
 */
@ApplicationScoped
public class DeadLetterService {

    private static final Logger LOG = Logger.getLogger(DeadLetterService.class);

    @Inject
    DeadLetterStore store;
    @Inject
    DeadLetterMetrics metrics;
    @Inject
    @Any
    Instance<RecordConsumer> consumers;

    public DeadLetter replay(UUID id, String by) {
        DeadLetterStore.Stored stored = QuarkusTransaction.requiringNew().call(() -> openOrThrow(id));
        DeadLetter letter = stored.letter();
        if (letter.source() == DeadLetter.Source.OUTBOX) {
            QuarkusTransaction.requiringNew().run(() -> {
                openOrThrow(id);
                store.requeueOutbox(id);
                store.close(id, DeadLetter.Status.REPLAYED, by);
            });
        } else {
            RecordConsumer consumer = consumer(letter.consumer());
            ConsumerRecord<String, String> record = new ConsumerRecord<>(letter.topic(),
                    letter.partition() == null ? 0 : letter.partition(), letter.offset() == null ? -1 : letter.offset(),
                    letter.key(), stored.payload());
            try {
                consumer.process(record);
            } catch (RuntimeException failure) {
                String error = Failures.describe(failure);
                if (Failures.classify(failure) != Failures.Kind.PERMANENT) {
                    throw new RuleViolation(ErrorCode.SERVICE_UNAVAILABLE, null,
                            "the record could not be processed now; the dead letter stays open");
                }
                LOG.warnf("replay of dead letter %s failed again: %s", id, error);
                QuarkusTransaction.requiringNew().run(() -> store.updateError(id, error));
                throw new RuleViolation(ErrorCode.INVALID_STATE, null,
                        "the record failed again; the dead letter stays open with the new error",
                        Map.of("deadLetterId", id.toString()));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                if (openOrThrow(id) != null) {
                    store.close(id, DeadLetter.Status.REPLAYED, by);
                }
            });
        }
        metrics.refresh();
        return store.find(id).orElseThrow();
    }

    public DeadLetter resolve(UUID id, String by) {
        QuarkusTransaction.requiringNew().run(() -> {
            openOrThrow(id);
            store.close(id, DeadLetter.Status.RESOLVED, by);
        });
        metrics.refresh();
        return store.find(id).orElseThrow();
    }

    private DeadLetterStore.Stored openOrThrow(UUID id) {
        DeadLetterStore.Stored stored = store.lock(id).orElseThrow(
                () -> new RuleViolation(ErrorCode.NOT_FOUND, null, "dead letter " + id + " not found"));
        if (stored.letter().status() != DeadLetter.Status.OPEN) {
            throw new RuleViolation(ErrorCode.INVALID_STATE, null,
                    "dead letter " + id + " is already " + stored.letter().status());
        }
        return stored;
    }

    private RecordConsumer consumer(String channel) {
        for (RecordConsumer candidate : consumers) {
            if (candidate.channel().equals(channel)) {
                return candidate;
            }
        }
        throw new RuleViolation(ErrorCode.INVALID_STATE, null, "no consumer " + channel + " runs in this service");
    }
}
