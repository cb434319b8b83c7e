package dev.nce.catalog.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PromotionRepository implements PanacheRepositoryBase<PromotionEntity, String> {

    /** API.md default order: promotionId. */
    public List<PromotionEntity> allById() {
        return listAll(Sort.by("promotionId"));
    }
}
