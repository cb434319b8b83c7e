package dev.nce.billing.persistence;

import dev.nce.billing.domain.FxTable;
import dev.nce.contracts.catalog.FxRate;
import dev.nce.contracts.catalog.OfferData;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Billing's copies of catalog data: offer names, the FX list (D13) and how far the catalog topic was read. */
@ApplicationScoped
public class CatalogRepository {

    @Inject
    EntityManager em;

    /** Upserts by key and version: an older snapshot never overwrites a newer one. */
    public void upsertOffer(OfferData offer) {
        em.createNativeQuery("INSERT INTO catalog_offer (offer_id, name, version) VALUES (?1, ?2, ?3) "
                        + "ON CONFLICT (offer_id) DO UPDATE SET name = EXCLUDED.name, version = EXCLUDED.version "
                        + "WHERE catalog_offer.version <= EXCLUDED.version")
                .setParameter(1, offer.offerId()).setParameter(2, offer.name()).setParameter(3, offer.version())
                .executeUpdate();
    }

    /** FxRatesSnapshot carries the full list each time: it replaces the copy. */
    public void replaceFxRates(List<FxRate> rates) {
        em.createNativeQuery("DELETE FROM fx_rate").executeUpdate();
        for (FxRate rate : rates) {
            if (rate.currency() == null || rate.rate() == null || rate.effectiveFrom() == null) {
                continue;
            }
            em.createNativeQuery("INSERT INTO fx_rate (currency, effective_from, rate) VALUES (?1, ?2, ?3) "
                            + "ON CONFLICT (currency, effective_from) DO UPDATE SET rate = EXCLUDED.rate")
                    .setParameter(1, rate.currency()).setParameter(2, rate.effectiveFrom())
                    .setParameter(3, rate.rate()).executeUpdate();
        }
    }

    public FxTable fxTable() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT currency, rate, effective_from FROM fx_rate").getResultList();
        return new FxTable(rows.stream()
                .map(r -> new FxRate((String) r[0], (BigDecimal) r[1], ChargeRows.date(r[2]))).toList());
    }

    public void recordOffset(int partition, long nextOffset) {
        em.createNativeQuery("INSERT INTO catalog_offset (partition, next_offset) VALUES (?1, ?2) "
                        + "ON CONFLICT (partition) DO UPDATE SET next_offset = GREATEST(catalog_offset.next_offset, "
                        + "EXCLUDED.next_offset)")
                .setParameter(1, partition).setParameter(2, nextOffset).executeUpdate();
    }

    public Map<Integer, Long> offsets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT partition, next_offset FROM catalog_offset").getResultList();
        Map<Integer, Long> result = new HashMap<>();
        for (Object[] row : rows) {
            result.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
        }
        return result;
    }
}
