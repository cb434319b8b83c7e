package dev.nce.notification.service;

import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.notification.persistence.OfferNameEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/** Offer names from the compacted offers topic, upserted by offerId and version (the rest is ignored). */
@ApplicationScoped
public class OfferEventHandler {

    private static final Logger LOG = Logger.getLogger(OfferEventHandler.class);

    @Transactional
    public void handle(InboundEvent in) {
        CatalogEvent event;
        try {
            event = CatalogEvent.decode(in.envelope());
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping undecodable catalog record %s: %s", in.envelope().eventId(), e.getMessage());
            return;
        }
        if (!(event instanceof CatalogEvent.OfferSnapshot snapshot) || snapshot.offer() == null) {
            return;
        }
        OfferData offer = snapshot.offer();
        if (offer.offerId() == null || offer.name() == null) {
            return;
        }
        OfferNameEntity row = OfferNameEntity.findById(offer.offerId());
        if (row == null) {
            row = new OfferNameEntity();
            row.offerId = offer.offerId();
            row.name = offer.name();
            row.version = offer.version();
            row.persist();
        } else if (offer.version() >= row.version) {
            row.name = offer.name();
            row.version = offer.version();
        }
    }
}
