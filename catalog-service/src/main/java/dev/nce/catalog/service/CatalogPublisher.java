package dev.nce.catalog.service;

import dev.nce.contracts.Topics;
import dev.nce.contracts.catalog.FxRate;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.contracts.catalog.UpliftTier;
import dev.nce.contracts.events.CatalogEvent;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.kit.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Full snapshots to the compacted nce.catalog.offers.v1 topic through the outbox, in the caller's transaction, so the
 * latest record per key is the state every consumer keeps a copy of. effectiveAt = the catalog's now, no customer.
 */
@ApplicationScoped
public class CatalogPublisher {

    @Inject
    OutboxWriter outbox;
    @Inject
    PlatformClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void offer(OfferData offer, String actor) {
        publish(offer.offerId(), new CatalogEvent.OfferSnapshot(offer), actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upliftTiers(List<UpliftTier> tiers, String actor) {
        publish(CatalogEvent.UPLIFT_TIERS_KEY, new CatalogEvent.UpliftTiersSnapshot(tiers), actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void fxRates(List<FxRate> rates, String actor) {
        publish(CatalogEvent.FX_RATES_KEY, new CatalogEvent.FxRatesSnapshot(rates), actor);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void promotion(PromotionData promotion, String actor) {
        publish(CatalogEvent.promotionKey(promotion.promotionId()), new CatalogEvent.PromotionSnapshot(promotion), actor);
    }

    private void publish(String key, CatalogEvent event, String actor) {
        outbox.append(Topics.CATALOG_OFFERS, key, event, null, key, clock.now(), actor);
    }
}
