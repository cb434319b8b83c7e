package dev.nce.subscription.messaging;

import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.contracts.events.EventJson;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.ProcessedEvents;
import dev.nce.subscription.persistence.OfferEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Keeps the local offer copy (attributes due work needs without a call: renewable, plans) upserted by key and
 * version; other catalog snapshots are not needed here. Idempotent on eventId.
 */
@ApplicationScoped
public class CatalogOfferHandler {

    @Inject
    ProcessedEvents processed;
    @Inject
    EntityManager em;

    @Transactional
    public void handle(InboundEvent event) {
        if (!processed.claim(event.envelope().eventId(), event.topic())) {
            return;
        }
        CatalogEvent decoded = CatalogEvent.decode(event.envelope());
        if (decoded instanceof CatalogEvent.OfferSnapshot snapshot && snapshot.offer() != null) {
            upsert(snapshot.offer());
        }
    }

    private void upsert(OfferData offer) {
        OfferEntity row = em.find(OfferEntity.class, offer.offerId());
        if (row != null && row.version > offer.version()) {
            return;
        }
        boolean created = row == null;
        if (created) {
            row = new OfferEntity();
            row.offerId = offer.offerId();
        }
        row.name = offer.name();
        row.productFamily = offer.productFamily();
        row.capGroup = offer.capGroup();
        row.renewable = offer.renewable();
        row.midTermIncrease = offer.midTermIncrease();
        row.trialAvailable = offer.trialAvailable();
        row.plans = EventJson.write(offer.plans() == null ? List.of() : offer.plans());
        row.upgradePaths = EventJson.write(offer.upgradePaths() == null ? List.of() : offer.upgradePaths());
        row.version = offer.version();
        if (created) {
            em.persist(row);
        }
    }
}
