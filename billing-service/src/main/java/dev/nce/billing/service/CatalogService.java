package dev.nce.billing.service;

import dev.nce.billing.persistence.CatalogRepository;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.contracts.events.CatalogEvent.FxRatesSnapshot;
import dev.nce.contracts.events.CatalogEvent.OfferSnapshot;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Keeps billing's copies of offer names and FX rates (D13) from the compacted catalog topic. */
@ApplicationScoped
public class CatalogService {

    @Inject
    ProcessedEvents processed;
    @Inject
    CatalogRepository catalog;

    @Transactional
    public void handle(InboundEvent inbound) {
        // the read position is recorded even for a redelivery, so the catalog sync before a run sees it
        catalog.recordOffset(inbound.partition(), inbound.offset() + 1);
        if (!processed.claim(inbound.envelope().eventId(), inbound.topic())) {
            return;
        }
        CatalogEvent event = CatalogEvent.decode(inbound.envelope());
        if (event instanceof OfferSnapshot offer && offer.offer() != null) {
            catalog.upsertOffer(offer.offer());
        } else if (event instanceof FxRatesSnapshot fx && fx.rates() != null) {
            catalog.replaceFxRates(fx.rates());
        }
    }
}
