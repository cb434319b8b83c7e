package dev.nce.notification.messaging;

import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.WatermarkTracker;
import dev.nce.notification.service.SubscriptionEventHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** nce.subscription.events.v1, group notification-subscription-events: one record at a time, in order. */
@ApplicationScoped
public class SubscriptionEventsConsumer {

    @Inject
    SubscriptionEventHandler handler;
    @Inject
    WatermarkTracker watermarks;
    @Inject
    ConsumerRetry retry;

    @Incoming("subscription-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        InboundEvent event = retry.parse(record);
        if (event == null) {
            return;
        }
        SubscriptionEventHandler.Outcome outcome = retry.run(record, () -> handler.handle(event));
        if (outcome == SubscriptionEventHandler.Outcome.WATERMARK) {
            watermarks.refreshClock(); // after commit (DESIGN.md section 3)
        }
    }
}
