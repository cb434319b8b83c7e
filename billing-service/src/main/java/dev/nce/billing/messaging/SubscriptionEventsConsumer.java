package dev.nce.billing.messaging;

import dev.nce.billing.service.LedgerService;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.WatermarkTracker;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** nce.subscription.events.v1 (group billing-subscription-events): the ledger, customers and watermarks, in order. */
@ApplicationScoped
public class SubscriptionEventsConsumer {

    private static final Logger LOG = Logger.getLogger(SubscriptionEventsConsumer.class);

    @Inject
    LedgerService ledger;
    @Inject
    WatermarkTracker watermarks;

    @Incoming("subscription-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String what = "subscription event " + record.topic() + "/" + record.partition() + "@" + record.offset();
        Boolean watermark = Retrying.run(LOG, what, 3, () -> ledger.handle(InboundEvent.of(record)));
        if (Boolean.TRUE.equals(watermark)) {
            watermarks.refreshClock(); // after commit: billing's now is the lowest watermark of all partitions
        }
    }
}
