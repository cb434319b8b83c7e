package dev.nce.subscription.messaging;

import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.deadletter.RecordConsumer;
import dev.nce.kit.deadletter.RecordPolicy;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The compacted nce.catalog.offers.v1 topic, one record at a time in order (group subscription-catalog-offers), under
 * the kit's record policy (issue 16: a database failure is retried in place, an unreadable record dead-lettered).
 */
@ApplicationScoped
public class CatalogOffersConsumer implements RecordConsumer {

    @Inject
    CatalogOfferHandler handler;
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
