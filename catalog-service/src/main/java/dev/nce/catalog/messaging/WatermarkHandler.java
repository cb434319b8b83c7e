package dev.nce.catalog.messaging;

import dev.nce.contracts.Topics;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.WatermarkTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/** Records each partition's watermark (idempotently, in one transaction), then moves the clock after commit. */
@ApplicationScoped
public class WatermarkHandler {

    private static final Logger LOG = Logger.getLogger(WatermarkHandler.class);
    static final String WATERMARK = SubscriptionEvent.Watermark.class.getSimpleName();

    @Inject
    WatermarkRecorder recorder;
    @Inject
    WatermarkTracker tracker;
    @Inject
    RenewalProjection renewals;

    public void handle(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record); // unreadable: the record policy dead-letters it (issue 16)
        if (!WATERMARK.equals(event.envelope().type())) {
            // the catalog keeps only what a price-list import's renewal impact needs (subscription_renewal)
            try {
                renewals.record(event);
            } catch (RuntimeException e) {
                LOG.warnf("subscription snapshot of %s-%d@%d not recorded: %s", Topics.SUBSCRIPTION_EVENTS,
                        record.partition(), record.offset(), e.getMessage());
            }
            return;
        }
        if (recorder.record(event)) {
            tracker.refreshClock();
        }
    }
}
