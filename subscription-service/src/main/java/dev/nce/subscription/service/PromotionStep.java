package dev.nce.subscription.service;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.TermDates;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.subscription.domain.PromotionEligibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * R-K2 promotions at purchase. With {@code promotionId}: that promotion (404 when the catalog does not know it, 422
 * promotion-not-eligible when it does not apply); without: the best eligible auto-apply promotion, if any. Read after
 * the price quote, outside the transaction (like prices); the 422 is raised in {@link #beforeWrite} after the coterm
 * and seat-cap checks, so the API.md error order holds (409 seat-cap-exceeded before the 422s).
 */
@ApplicationScoped
public class PromotionStep implements PurchaseStep {

    /** catalog-service's promotion id form; another id cannot exist there. */
    private static final Pattern PROMOTION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9:_-]{0,99}");

    @Inject
    Promotions promotions;

    @Override
    public int order() { return 60; }

    @Override
    public void validate(PurchaseCommand command) {
        if (command.promotionId() != null && command.promotionId().isBlank()) {
            throw RuleViolation.invalidField("promotionId", "promotionId is blank; omit it to auto-apply");
        }
    }

    @Override
    public void afterQuote(PurchaseContext context) {
        if (context.migration != null) {
            return; // R-M (project decision): a migration is priced at the plan price, no promotion, no catalog call
        }
        PurchaseCommand command = context.command;
        String currency = context.quote.currency() == null ? context.billingCurrency : context.quote.currency();
        PromotionEligibility.Transaction tx = new PromotionEligibility.Transaction(command.offerId(), command.plan(),
                command.quantity(), TermDates.utcDate(context.quotedAt));
        Optional<PromotionEligibility.Applied> applied;
        if (command.promotionId() != null) {
            PromotionData promotion = (PROMOTION_ID.matcher(command.promotionId()).matches()
                    ? promotions.byId(command.promotionId()) : Optional.<PromotionData>empty())
                    .orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND, null,
                            "promotion " + command.promotionId() + " not found", Map.of("field", "promotionId")));
            try {
                PromotionEligibility.requireEligible(promotion, tx);
            } catch (RuleViolation notEligible) {
                context.promotionRefusal = notEligible;
                return;
            }
            applied = Optional.of(PromotionEligibility.apply(promotion, context.unitPrice, currency));
        } else {
            applied = PromotionEligibility.bestAutoApply(promotions.acquirable(command.offerId(), tx.date()), tx,
                    context.unitPrice, currency);
        }
        applied.ifPresent(a -> {
            context.unitPrice = a.unitPrice();
            context.listUnitPrice = a.listUnitPrice();
            context.promotionId = a.promotionId();
            context.discountUntil = a.discountUntil();
            context.promotionMaxSeats = a.maxSeats();
        });
    }

    @Override
    public void beforeWrite(PurchaseContext context, java.time.Instant now) {
        if (context.promotionRefusal != null) {
            throw context.promotionRefusal;
        }
    }
}
