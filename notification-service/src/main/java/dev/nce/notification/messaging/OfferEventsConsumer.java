package dev.nce.notification.messaging;

import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.deadletter.RecordConsumer;
import dev.nce.kit.deadletter.RecordPolicy;
import dev.nce.notification.service.OfferEventHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** nce.catalog.offers.v1, group notification-catalog-offers: offer names, under the kit's record policy (issue 16). */
@ApplicationScoped
public class OfferEventsConsumer implements RecordConsumer {

    @Inject
    OfferEventHandler handler;
    @Inject
    RecordPolicy policy;

    @Incoming("catalog-offers")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        policy.consume(this, record);
    }

    @Override
    public String channel() {
        return "catalog-offers";
    }

    @Override
    public void process(ConsumerRecord<String, String> record) {
        handler.handle(InboundEvent.of(record));
    }
}
