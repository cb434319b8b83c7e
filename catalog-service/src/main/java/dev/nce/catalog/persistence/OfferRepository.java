package dev.nce.catalog.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@ApplicationScoped
public class OfferRepository implements PanacheRepositoryBase<OfferEntity, String> {

    public record Slice(long totalCount, List<OfferEntity> items) {}

    public Optional<OfferEntity> findForUpdate(String offerId) {
        return findByIdOptional(offerId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** API.md: filters productFamily (exact) and q (case-insensitive substring of name or offerId), ordered by offerId. */
    public Slice list(String productFamily, String q, int limit, int offset) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (productFamily != null) {
            where.append(" and productFamily = :family");
            params.and("family", productFamily);
        }
        if (q != null) {
            where.append(" and (locate(:q, lower(name)) > 0 or locate(:q, lower(offerId)) > 0)");
            params.and("q", q.toLowerCase());
        }
        var query = find(where.toString(), Sort.by("offerId"), params);
        long total = query.count();
        List<OfferEntity> items = query.range(offset, offset + limit - 1).list();
        return new Slice(total, items);
    }

    /** Every offer's upgrade paths (for the acyclicity check). */
    public Map<String, List<String>> upgradeGraph() {
        Map<String, List<String>> graph = new HashMap<>();
        List<Object[]> rows = getEntityManager()
                .createQuery("select o.offerId, o.upgradePaths from OfferEntity o", Object[].class).getResultList();
        for (Object[] row : rows) {
            graph.put((String) row[0], List.of((String[]) row[1]));
        }
        return graph;
    }

    public boolean exists(String offerId) {
        return count("offerId", offerId) > 0;
    }
}
