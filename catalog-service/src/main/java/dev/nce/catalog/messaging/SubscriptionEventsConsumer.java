package dev.nce.catalog.messaging;

import dev.nce.kit.deadletter.RecordConsumer;
import dev.nce.kit.deadletter.RecordPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * nce.subscription.events.v1, group catalog-subscription-events: the catalog reads only the Watermark records, which
 * move its clock in SIMULATED mode (DESIGN.md section 3). Ordered, one record at a time, under the kit's record policy
 * (issue 16: transient failures retried, an unreadable record dead-lettered).
 */
@ApplicationScoped
public class SubscriptionEventsConsumer implements RecordConsumer {

    @Inject
    WatermarkHandler handler;
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
        handler.handle(record);
    }
}
