package dev.nce.subscription.service;

import dev.nce.contracts.TermDates;
import dev.nce.subscription.domain.MigrationPolicy;
import dev.nce.subscription.persistence.SubscriptionEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The migration part of the purchase path (R-M), inside the purchase transaction with the customer row locked, before
 * coterm (R-B5) and the seat cap (D9): R-M1 at the migration instant, R-M3 once per legacy subscription (the unique
 * index of V4 backs this check up under races) and R-M2 purchaseFullTerm false = a first term ending on the legacy end.
 * Does nothing for a plain purchase.
 */
@ApplicationScoped
public class MigrationStep implements PurchaseStep {

    @Override
    public int order() { return 5; }

    @Override
    public void beforeWrite(PurchaseContext context, Instant now) {
        MigrationCommand migration = context.migration;
        if (migration == null) {
            return;
        }
        MigrationPolicy.requireNceAvailable(now);
        if (SubscriptionEntity.count("customerId = ?1 and migratedFrom = ?2", migration.customerId(),
                migration.legacySubscriptionId()) > 0) {
            throw MigrationPolicy.alreadyMigrated(migration.legacySubscriptionId());
        }
        if (!migration.purchaseFullTerm()) {
            context.customEndDate = MigrationPolicy.keptLegacyEnd(TermDates.utcDate(now), context.command.term(),
                    migration.legacyEndDate());
        }
    }
}
