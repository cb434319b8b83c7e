package dev.nce.subscription.service;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.subscription.domain.MigrationPolicy;
import dev.nce.subscription.domain.MigrationPolicy.LegacyBilling;
import dev.nce.subscription.persistence.CustomerEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.SQLException;

/**
 * Legacy -> NCE migration (NCE-RULES.md section M, API.md POST /v1/customers/{id}/migrations).
 *
 * <p>A migration IS a purchase of an NCE subscription and goes through {@link PurchaseService} with every purchase
 * step: price quote from the catalog, coterm (R-B5, only with purchaseFullTerm true), the D9 seat cap under the
 * customer-row lock, SubscriptionCreated (origin MIGRATION, migratedFrom) in the outbox, Idempotency-Key on the
 * resource. What differs:
 * <ul>
 *   <li>plan: the request's term/billing, else the R-M4 S003 conversion policy ({@link MigrationPolicy#conversionPlan});
 *       whether the offer sells P1M/MONTHLY is asked from the catalog;</li>
 *   <li>purchaseFullTerm true = a fresh full term from the migration date; false = the first term ends on
 *       legacyEndDate (R-M2 [UNVERIFIED]), handled like a co-termed shortened first term so billing prorates it;</li>
 *   <li>R-M1 (not before NCE GA) and R-M3 (once per legacy subscription id and customer: {@link MigrationStep} under
 *       the lock, the unique index subscription_migrated_from as the last line of defence, both 409 invalid-state);</li>
 *   <li>no promotion at migration ({@link MigrationNoPromotionStep}); the result is never a trial.</li>
 * </ul>
 * The legacy subscription itself lives outside this platform: ending it and crediting its unused prepaid period (R-M3
 * [UNVERIFIED]) are not modelled here.
 */
@ApplicationScoped
public class MigrationService {

    /** V4__migration.sql: one migration per (customer, legacy subscription id), R-M3. */
    static final String UNIQUE_INDEX = "subscription_migrated_from";

    @Inject
    PurchaseService purchases;
    @Inject
    Pricing pricing;
    @Inject
    UnitOfWork uow;
    @Inject
    SubscriptionRepository repo;
    @Inject
    PlatformClock clock;

    public SubscriptionView migrate(MigrationCommand command, Actor actor) {
        actor.requireAccessTo(command.customerId());
        Plan plan = command.requestedPlan() != null ? command.requestedPlan() : conversionPlan(command);
        try {
            return purchases.purchase(command.purchase(plan), command, actor);
        } catch (RuntimeException e) {
            if (isDuplicateMigration(e)) {
                throw MigrationPolicy.alreadyMigrated(command.legacySubscriptionId());
            }
            throw e;
        }
    }

    /** R-M4 when the request names no plan; only a legacy MONTHLY subscription needs the offer's plans. */
    private Plan conversionPlan(MigrationCommand command) {
        if (command.legacyBilling() != LegacyBilling.MONTHLY) {
            return MigrationPolicy.conversionPlan(command.legacyBilling(), false);
        }
        CustomerEntity customer = uow.read(now -> repo.customer(command.customerId()))
                .orElseThrow(() -> RuleViolation.notFound("customer " + command.customerId()));
        boolean sellsMonthlyTerm;
        try {
            sellsMonthlyTerm = pricing.quote(command.offerId(), MigrationPolicy.MONTHLY_TERM, clock.now(),
                    customer.billingCurrency).sells(MigrationPolicy.MONTHLY_TERM);
        } catch (RuleViolation refused) {
            if (!ErrorCode.PLAN_NOT_AVAILABLE.equals(refused.code())) {
                throw refused;
            }
            sellsMonthlyTerm = false;
        }
        return MigrationPolicy.conversionPlan(LegacyBilling.MONTHLY, sellsMonthlyTerm);
    }

    /** True when {@code e} is the unique index of R-M3 refusing a second migration (a race past the locked check). */
    static boolean isDuplicateMigration(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getConstraintName() != null && violation.getConstraintName().contains(UNIQUE_INDEX)) {
                return true;
            }
            for (SQLException sql = t instanceof SQLException s ? s : null; sql != null; sql = sql.getNextException()) {
                if ("23505".equals(sql.getSQLState()) && String.valueOf(sql.getMessage()).contains(UNIQUE_INDEX)) {
                    return true;
                }
            }
        }
        return false;
    }
}
