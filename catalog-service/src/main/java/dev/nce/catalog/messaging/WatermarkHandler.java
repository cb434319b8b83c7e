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

    public void handle(ConsumerRecord<String, String> record) {
        InboundEvent event;
        try {
            event = InboundEvent.of(record);
        } catch (IllegalArgumentException e) {
            LOG.warnf("skipping unreadable record %s-%d@%d: %s", Topics.SUBSCRIPTION_EVENTS, record.partition(),
                    record.offset(), e.getMessage());
            return;
        }
        if (!WATERMARK.equals(event.envelope().type())) {
            return; // the catalog keeps no subscription state: everything but watermarks is someone else's
        }
        if (recorder.record(event)) {
            tracker.refreshClock();
        }
    }
}
