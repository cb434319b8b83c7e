package dev.nce.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.contracts.catalog.FxRate;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.contracts.catalog.UpliftTier;
import java.util.List;

/**
 * Events of the compacted nce.catalog.offers.v1 topic: full snapshots, so the latest record per key is the state
 * (key = offerId, "uplift-tiers", "fx-rates", "promotion:" + promotionId).
 */
public sealed interface CatalogEvent {

    String UPLIFT_TIERS_KEY = "uplift-tiers";
    String FX_RATES_KEY = "fx-rates";

    static String promotionKey(String promotionId) { return "promotion:" + promotionId; }

    record OfferSnapshot(OfferData offer) implements CatalogEvent {}

    record UpliftTiersSnapshot(List<UpliftTier> tiers) implements CatalogEvent {}

    record FxRatesSnapshot(List<FxRate> rates) implements CatalogEvent {}

    record PromotionSnapshot(PromotionData promotion) implements CatalogEvent {}

    record UnknownCatalogEvent(String type, JsonNode payload) implements CatalogEvent {}

    EventFamily<CatalogEvent> FAMILY = new EventFamily<>(List.of(OfferSnapshot.class, UpliftTiersSnapshot.class,
            FxRatesSnapshot.class, PromotionSnapshot.class), UnknownCatalogEvent::new);

    static CatalogEvent decode(EventEnvelope envelope) { return FAMILY.decode(envelope); }
}
