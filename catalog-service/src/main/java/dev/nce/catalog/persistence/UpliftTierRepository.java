package dev.nce.catalog.persistence;

import dev.nce.catalog.domain.UpliftTierRules;
import dev.nce.contracts.catalog.UpliftTier;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class UpliftTierRepository implements PanacheRepositoryBase<UpliftTierEntity, Long> {

    /** Ordered by kind, term, billing, basis, effectiveFrom (nulls, i.e. EST tiers' plan, after the STANDARD ones). */
    public static final Comparator<UpliftTier> ORDER = Comparator
            .comparing(UpliftTier::kind)
            .thenComparing(UpliftTier::term, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(UpliftTier::billing, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(UpliftTier::basis)
            .thenComparing(UpliftTier::effectiveFrom);

    public List<UpliftTier> all() {
        return listAll().stream().map(UpliftTierEntity::toData).sorted(ORDER).toList();
    }

    public Optional<UpliftTierEntity> findByKey(UpliftTierRules.Key key) {
        return listAll().stream()
                .filter(e -> UpliftTierRules.key(e.toData()).equals(key))
                .findFirst();
    }
}
