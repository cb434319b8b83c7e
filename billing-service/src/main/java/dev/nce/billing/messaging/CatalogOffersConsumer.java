package dev.nce.billing.messaging;

import dev.nce.billing.service.CatalogService;
import dev.nce.kit.consumer.InboundEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** nce.catalog.offers.v1 (group billing-catalog-offers): offer names and FX rates. */
@ApplicationScoped
public class CatalogOffersConsumer {

    private static final Logger LOG = Logger.getLogger(CatalogOffersConsumer.class);

    @Inject
    CatalogService catalog;

    @Incoming("catalog-offers")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        String what = "catalog event " + record.topic() + "/" + record.partition() + "@" + record.offset();
        Retrying.run(LOG, what, 3, () -> {
            catalog.handle(InboundEvent.of(record));
            return Boolean.TRUE;
        });
    }
}
