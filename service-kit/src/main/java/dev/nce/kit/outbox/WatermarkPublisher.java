package dev.nce.kit.outbox;

import dev.nce.contracts.Topics;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.SubscriptionEvent.Watermark;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;

/**
 * Writes Watermark(T) to every partition of nce.subscription.events.v1 (DESIGN.md section 3). The caller holds the
 * exclusive clock lock and has committed every due item at or before T, so every event with effectiveAt < T has a
 * lower outbox id and is published first.
 */
@ApplicationScoped
public class WatermarkPublisher {

    public static final String WATERMARK_KEY = "watermark";

    @Inject
    OutboxWriter outbox;

    @Transactional(Transactional.TxType.MANDATORY)
    public void publish(Instant upTo) {
        for (int partition = 0; partition < Topics.KEYED_PARTITIONS; partition++) {
            EventEnvelope envelope = EventEnvelope.wrap(new Watermark(upTo, partition), Instant.now(), upTo, null,
                    null, "system");
            outbox.append(Topics.SUBSCRIPTION_EVENTS, WATERMARK_KEY, partition, envelope);
        }
    }
}
