package dev.nce.subscription.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * No promotion at migration (R-M, project decision): a migrated subscription is priced at the catalog's plan price.
 * Runs last, so it undoes whatever an auto-applied promotion step set on a migration's context (promotionMaxSeats
 * and promotionRefusal are declared in PurchaseContext as on main's promotion work, so the merge is clean).
 */
@ApplicationScoped
public class MigrationNoPromotionStep implements PurchaseStep {

    @Override
    public int order() { return Integer.MAX_VALUE; }

    @Override
    public void beforeWrite(PurchaseContext context, Instant now) {
        if (context.migration == null) {
            return;
        }
        context.unitPrice = context.quote.unitPriceValue();
        context.listUnitPrice = null;
        context.promotionId = null;
        context.discountUntil = null;
        context.promotionMaxSeats = null;
    }
}
