package dev.nce.catalog.service;

import dev.nce.catalog.domain.FxRates;
import dev.nce.catalog.persistence.FxRateEntity;
import dev.nce.catalog.persistence.FxRateRepository;
import dev.nce.contracts.catalog.FxRate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** FX rates (API.md): PUT adds (201) or replaces (200) the rate of a currency from a date; changes publish all rates. */
@ApplicationScoped
public class FxRateService {

    public record Upserted(boolean created, FxRate rate) {}

    @Inject
    FxRateRepository rates;
    @Inject
    CatalogWriteLock writeLock;
    @Inject
    CatalogPublisher publisher;

    @Transactional
    public Upserted put(FxRate rate, String actor) {
        FxRates.requireBillingCurrency(rate.currency(), "currency");
        FxRates.requireRate(rate.rate(), "rate");
        writeLock.acquire();
        Optional<FxRateEntity> existing = rates.findByIdOptional(new FxRateEntity.Key(rate.currency(), rate.effectiveFrom()));
        if (existing.isPresent() && existing.get().rate.compareTo(rate.rate()) == 0) {
            return new Upserted(false, existing.get().toData());
        }
        FxRateEntity entity = existing.orElseGet(FxRateEntity::new);
        entity.currency = rate.currency();
        entity.effectiveFrom = rate.effectiveFrom();
        entity.rate = rate.rate();
        if (existing.isEmpty()) {
            rates.persist(entity);
        }
        rates.flush();
        publisher.fxRates(rates.all(), actor);
        return new Upserted(existing.isEmpty(), entity.toData());
    }

    @Transactional
    public List<FxRate> all() {
        return rates.all();
    }

    /** Each currency's rate in force on the date (currencies without one yet are left out), by currency. */
    @Transactional
    public List<FxRate> allInForce(LocalDate date) {
        List<FxRate> all = rates.all();
        return all.stream().map(FxRate::currency).distinct()
                .map(c -> FxRates.inForce(all, c, date)).flatMap(Optional::stream).toList();
    }

    @Transactional
    public Optional<FxRate> inForce(String currency, LocalDate date) {
        return FxRates.inForce(rates.all(), currency, date);
    }
}
