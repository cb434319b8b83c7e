package dev.nce.subscription.service;

import dev.nce.contracts.RuleViolation;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;

/** D9 at purchase: under the customer-row lock the purchase transaction holds. */
@ApplicationScoped
public class SeatCapStep implements PurchaseStep {

    @Inject
    SeatCaps caps;
    @Inject
    dev.nce.subscription.persistence.SubscriptionRepository repo;

    @Override
    public int order() { return 50; }

    @Override
    public void beforeWrite(PurchaseContext context, Instant now) {
        caps.check(repo.customer(context.command.customerId())
                        .orElseThrow(() -> RuleViolation.notFound("customer " + context.command.customerId())),
                context.quote.capGroup(), (String) null, context.command.quantity());
    }
}
