package dev.nce.billing.persistence;

import dev.nce.billing.domain.FxTable;
import dev.nce.billing.domain.TermPrice;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import java.time.LocalDate;
import java.util.Optional;
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
        replacePlanPrices(offer);
    }

    /** D22: the offer's explicit plan prices with their term sell and cost prices, when this is its latest version. */
    private void replacePlanPrices(OfferData offer) {
        Number stored = (Number) em.createNativeQuery("SELECT version FROM catalog_offer WHERE offer_id = ?1")
                .setParameter(1, offer.offerId()).getSingleResult();
        if (stored.longValue() != offer.version() || offer.prices() == null) {
            return;
        }
        em.createNativeQuery("DELETE FROM catalog_plan_price WHERE offer_id = ?1").setParameter(1, offer.offerId())
                .executeUpdate();
        for (OfferPrice entry : offer.prices()) {
            for (PlanPrice plan : entry.planPrices() == null ? List.<PlanPrice>of() : entry.planPrices()) {
                em.createNativeQuery("INSERT INTO catalog_plan_price (offer_id, currency, effective_from, term, "
                                + "billing, unit_price, term_unit_price, term_cost_price) "
                                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING")
                        .setParameter(1, offer.offerId()).setParameter(2, entry.currency())
                        .setParameter(3, entry.effectiveFrom()).setParameter(4, plan.term().name())
                        .setParameter(5, plan.billing().name()).setParameter(6, plan.unitPrice())
                        .setParameter(7, plan.termUnitPrice()).setParameter(8, plan.termCostPrice())
                        .executeUpdate();
            }
        }
    }

    /** The plan price row in force on {@code on} (latest effective_from on or before it) in that currency. */
    public Optional<TermPrice> termPrice(String offerId, String currency, Term term, BillingFrequency billing,
                                         LocalDate on) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT term_unit_price, term_cost_price FROM catalog_plan_price "
                        + "WHERE offer_id = ?1 AND currency = ?2 AND term = ?3 AND billing = ?4 AND effective_from <= ?5 "
                        + "ORDER BY effective_from DESC LIMIT 1")
                .setParameter(1, offerId).setParameter(2, currency).setParameter(3, term.name())
                .setParameter(4, billing.name()).setParameter(5, on).getResultList();
        if (rows.isEmpty() || rows.get(0)[0] == null) {
            return Optional.empty();
        }
        return Optional.of(new TermPrice((BigDecimal) rows.get(0)[0], (BigDecimal) rows.get(0)[1], term.months()));
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
