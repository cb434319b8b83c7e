package dev.nce.catalog.messaging;

import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.WatermarkTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Records each partition's watermark (idempotently, in one transaction), then moves the clock after commit. */
@ApplicationScoped
public class WatermarkHandler {

    static final String WATERMARK = SubscriptionEvent.Watermark.class.getSimpleName();

    @Inject
    WatermarkRecorder recorder;
    @Inject
    WatermarkTracker tracker;

    public void handle(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.of(record); // unreadable: the record policy dead-letters it (issue 16)
        if (!WATERMARK.equals(event.envelope().type())) {
            return; // the catalog keeps no subscription state: everything but watermarks is someone else's
        }
        if (recorder.record(event)) {
            tracker.refreshClock();
        }
    }
}
