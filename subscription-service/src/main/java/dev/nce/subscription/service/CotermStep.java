package dev.nce.subscription.service;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.TermDates;
import dev.nce.subscription.domain.Coterminosity;
import dev.nce.subscription.persistence.SubscriptionEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;

/**
 * R-B5 coterm at purchase: NONE (or absent) buys the full term; CALENDAR_MONTH and SUBSCRIPTION shorten the first
 * term (the snapshot's chargePeriodEndDate keeps the full-length end, so billing can prorate the first charge).
 * The target is read inside the purchase transaction, after the customer-row lock.
 */
@ApplicationScoped
public class CotermStep implements PurchaseStep {

    @Inject
    SubscriptionRepository repo;

    @Override
    public int order() { return 10; }

    @Override
    public void validate(PurchaseCommand command) {
        if (command.cotermType() == PurchaseCommand.CotermType.SUBSCRIPTION
                && (command.cotermSubscriptionId() == null || command.cotermSubscriptionId().isBlank())) {
            throw RuleViolation.invalidField("coterm.subscriptionId", "coterm type SUBSCRIPTION needs a subscriptionId");
        }
    }

    @Override
    public void beforeWrite(PurchaseContext context, Instant now) {
        PurchaseCommand command = context.command;
        PurchaseCommand.CotermType type = command.cotermType();
        if (type == null || type == PurchaseCommand.CotermType.NONE) {
            return;
        }
        LocalDate start = TermDates.utcDate(now);
        if (type == PurchaseCommand.CotermType.CALENDAR_MONTH) {
            context.customEndDate = Coterminosity.calendarMonthEnd(start, command.term());
            return;
        }
        String targetId = command.cotermSubscriptionId();
        RuleViolation unknown = new RuleViolation(dev.nce.contracts.ErrorCode.NOT_FOUND, null,
                "coterm subscription " + targetId + " not found", java.util.Map.of("field", "coterm.subscriptionId"));
        SubscriptionEntity target = (Ids.isWellFormed(targetId) ? repo.subscription(targetId) : java.util.Optional.<SubscriptionEntity>empty())
                .orElseThrow(() -> unknown);
        try {
            // issue 15 item 4: a target the caller cannot see answers exactly as an unknown one
            context.actor.requireAccessTo(target.customerId);
        } catch (RuleViolation notVisible) {
            throw unknown;
        }
        Coterminosity.Target facts = new Coterminosity.Target(target.customerId, target.term, target.endDate,
                target.status == SubscriptionStatus.ACTIVE, target.inExtendedServiceTerm, target.trial);
        context.customEndDate = Coterminosity.subscriptionAligned(start, command.term(), command.customerId(), facts);
    }
}
