package dev.nce.subscription.messaging;

import dev.nce.kit.consumer.InboundEvent;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The compacted nce.catalog.offers.v1 topic, one record at a time in order (group subscription-catalog-offers). */
@ApplicationScoped
public class CatalogOffersConsumer {

    @Inject
    CatalogOfferHandler handler;

    @Incoming("catalog-offers")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        handler.handle(InboundEvent.of(record));
    }
}
