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

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(CatalogOffersConsumer.class);

    @Inject
    CatalogOfferHandler handler;

    @Incoming("catalog-offers")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        InboundEvent event;
        try {
            event = InboundEvent.of(record);
        } catch (IllegalArgumentException unreadable) {
            // not an envelope: skip it rather than stop the channel (a database failure still stops and redelivers)
            LOG.warnf("skipping unreadable record %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    unreadable.getMessage());
            return;
        }
        handler.handle(event);
    }
}
