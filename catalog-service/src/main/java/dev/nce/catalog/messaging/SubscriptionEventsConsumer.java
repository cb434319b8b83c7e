package dev.nce.catalog.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * nce.subscription.events.v1, group catalog-subscription-events: the catalog reads only the Watermark records, which
 * move its clock in SIMULATED mode (DESIGN.md section 3). Ordered, one record at a time.
 */
@ApplicationScoped
public class SubscriptionEventsConsumer {

    @Inject
    WatermarkHandler handler;

    @Incoming("subscription-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handler.handle(record);
    }
}
