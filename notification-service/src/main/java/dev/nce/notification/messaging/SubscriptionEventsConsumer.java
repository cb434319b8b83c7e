package dev.nce.notification.messaging;

import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.WatermarkTracker;
import dev.nce.kit.deadletter.RecordConsumer;
import dev.nce.kit.deadletter.RecordPolicy;
import dev.nce.notification.service.SubscriptionEventHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * nce.subscription.events.v1, group notification-subscription-events: one record at a time, in order, under the kit's
 * record policy (issue 16).
 */
@ApplicationScoped
public class SubscriptionEventsConsumer implements RecordConsumer {

    @Inject
    SubscriptionEventHandler handler;
    @Inject
    WatermarkTracker watermarks;
    @Inject
    RecordPolicy policy;

    @Incoming("subscription-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        policy.consume(this, record);
    }

    @Override
    public String channel() {
        return "subscription-events";
    }

    @Override
    public void process(ConsumerRecord<String, String> record) {
        SubscriptionEventHandler.Outcome outcome = handler.handle(InboundEvent.of(record));
        if (outcome == SubscriptionEventHandler.Outcome.WATERMARK) {
            watermarks.refreshClock(); // after commit (DESIGN.md section 3)
        }
    }
}
