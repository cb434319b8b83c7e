package dev.nce.catalog.persistence;

import dev.nce.contracts.catalog.FxRate;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class FxRateRepository implements PanacheRepositoryBase<FxRateEntity, FxRateEntity.Key> {

    /** API.md default order: currency, then effectiveFrom. */
    public List<FxRate> all() {
        return listAll(Sort.by("currency").and("effectiveFrom")).stream().map(FxRateEntity::toData).toList();
    }
}
