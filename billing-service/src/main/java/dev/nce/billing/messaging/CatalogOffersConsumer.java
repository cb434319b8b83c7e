package dev.nce.billing.messaging;

import dev.nce.billing.service.CatalogService;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.deadletter.RecordConsumer;
import dev.nce.kit.deadletter.RecordPolicy;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** nce.catalog.offers.v1 (group billing-catalog-offers): offer names and FX rates, under the kit's record policy. */
@ApplicationScoped
public class CatalogOffersConsumer implements RecordConsumer {

    @Inject
    CatalogService catalog;
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
        catalog.handle(InboundEvent.of(record));
    }
}
