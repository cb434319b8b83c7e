package dev.nce.catalog.service;

import dev.nce.catalog.domain.UpliftTierRules;
import dev.nce.catalog.persistence.UpliftTierEntity;
import dev.nce.catalog.persistence.UpliftTierRepository;
import dev.nce.contracts.catalog.UpliftTier;
import dev.nce.kit.clock.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;

/** Uplift tiers: POST adds (201) or replaces the tier with the same key (200); every change publishes all tiers. */
@ApplicationScoped
public class UpliftTierService {

    public record Upserted(boolean created, UpliftTier tier) {}

    @Inject
    UpliftTierRepository tiers;
    @Inject
    CatalogWriteLock writeLock;
    @Inject
    CatalogPublisher publisher;
    @Inject
    PlatformClock clock;

    @Transactional
    public List<UpliftTier> all() {
        return tiers.all();
    }

    @Transactional
    public Upserted upsert(UpliftTier tier, String actor) {
        UpliftTierRules.validate(tier);
        writeLock.acquire();
        Optional<UpliftTierEntity> existing = tiers.findByKey(UpliftTierRules.key(tier));
        UpliftTierRules.checkChange(existing.map(UpliftTierEntity::toData).orElse(null), tier, clock.now());
        if (existing.isPresent()) {
            UpliftTierEntity entity = existing.get();
            if (UpliftTierRules.samePercent(entity.toData(), tier)) {
                return new Upserted(false, entity.toData());
            }
            entity.percent = tier.percent();
        } else {
            tiers.persist(UpliftTierEntity.of(tier));
        }
        tiers.flush();
        publisher.upliftTiers(tiers.all(), actor);
        return new Upserted(existing.isEmpty(), tier);
    }
}
