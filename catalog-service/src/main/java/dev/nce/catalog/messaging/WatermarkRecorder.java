package dev.nce.catalog.messaging;

import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.ProcessedEvents;
import dev.nce.kit.consumer.WatermarkTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

@ApplicationScoped
public class WatermarkRecorder {

    @Inject
    ProcessedEvents processed;
    @Inject
    WatermarkTracker tracker;

    /** False for a redelivered watermark (already recorded). The partition is the one the record arrived on. */
    @Transactional
    public boolean record(InboundEvent event) {
        if (!processed.claim(event.envelope().eventId(), event.topic())) {
            return false;
        }
        SubscriptionEvent.Watermark watermark = (SubscriptionEvent.Watermark) SubscriptionEvent.decode(event.envelope());
        tracker.record(event.partition(), watermark.upTo());
        return true;
    }
}
