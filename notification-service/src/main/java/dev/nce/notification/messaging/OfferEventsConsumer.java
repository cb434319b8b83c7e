package dev.nce.notification.messaging;

import dev.nce.kit.consumer.InboundEvent;
import dev.nce.notification.service.OfferEventHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** nce.catalog.offers.v1, group notification-catalog-offers: offer names. */
@ApplicationScoped
public class OfferEventsConsumer {

    @Inject
    OfferEventHandler handler;
    @Inject
    ConsumerRetry retry;

    @Incoming("catalog-offers")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        InboundEvent event = retry.parse(record);
        if (event != null) {
            retry.run(record, () -> {
                handler.handle(event);
                return null;
            });
        }
    }
}
