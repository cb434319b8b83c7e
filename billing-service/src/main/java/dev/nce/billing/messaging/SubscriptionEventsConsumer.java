package dev.nce.billing.messaging;

import dev.nce.billing.service.LedgerService;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.WatermarkTracker;
import dev.nce.kit.deadletter.RecordConsumer;
import dev.nce.kit.deadletter.RecordPolicy;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * nce.subscription.events.v1 (group billing-subscription-events): the ledger, customers and watermarks, in order, under
 * the kit's record policy (issue 16). A dead-lettered event holds its customer's invoice until it is replayed or
 * resolved (InvoiceHold).
 */
@ApplicationScoped
public class SubscriptionEventsConsumer implements RecordConsumer {

    @Inject
    LedgerService ledger;
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
        if (Boolean.TRUE.equals(ledger.handle(InboundEvent.of(record)))) {
            watermarks.refreshClock(); // after commit: billing's now is the lowest watermark of all partitions
        }
    }
}
