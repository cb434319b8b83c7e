package dev.nce.subscription.service;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.subscription.client.CatalogGateway;
import dev.nce.subscription.client.CatalogRefusal;
import dev.nce.subscription.client.PromotionAnswer;
import dev.nce.subscription.client.PromotionPage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Promotions from catalog-service (R-K), read like prices: always outside the database transaction, and an outage is 503
 * catalog-unavailable (never "no promotion", which would silently charge the regular price).
 */
@ApplicationScoped
public class Promotions {

    static final int PAGE = 1000;

    @Inject
    CatalogGateway gateway;

    /** The promotion {@code promotionId}; empty when the catalog does not know it (404). */
    public Optional<PromotionData> byId(String promotionId) {
        try {
            PromotionAnswer answer = gateway.promotion(promotionId);
            return Optional.ofNullable(answer).map(PromotionAnswer::toData);
        } catch (CatalogRefusal refusal) {
            if (refusal.status() == 404 || refusal.status() == 400 || refusal.status() == 414) {
                return Optional.empty();
            }
            throw unavailable(refusal);
        } catch (RuntimeException e) {
            throw Pricing.unavailable(e);
        }
    }

    /** A request's promotionId: 404 not-found (field promotionId) when the catalog does not know it. */
    public PromotionData require(String promotionId) {
        return byId(promotionId).orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND, null,
                "promotion " + promotionId + " not found", Map.of("field", "promotionId")));
    }

    /** Every promotion listing {@code offerId} that is acquirable on {@code date} (R-K2 window), all pages. */
    public List<PromotionData> acquirable(String offerId, LocalDate date) {
        List<PromotionData> all = new ArrayList<>();
        try {
            for (int offset = 0; ; offset += PAGE) {
                PromotionPage page = gateway.promotions(offerId, date.toString(), PAGE, offset);
                if (page == null || page.items() == null) {
                    throw new IllegalStateException("promotions answered no items");
                }
                page.items().forEach(p -> all.add(p.toData()));
                if (page.items().isEmpty() || all.size() >= page.totalCount()) {
                    return all;
                }
            }
        } catch (CatalogRefusal refusal) {
            throw unavailable(refusal);
        } catch (RuntimeException e) {
            throw Pricing.unavailable(e);
        }
    }

    /**
     * Renewals at one instant (R-K4): per renewed offer one list call (not one per subscription), plus, read once by
     * id, the renewing subscriptions' own fixed-end promotions that may continue past their window (R-K7).
     */
    public Map<String, List<PromotionData>> forRenewals(List<DueWork.Step> steps, LocalDate date) {
        Map<String, List<PromotionData>> byOffer = new LinkedHashMap<>();
        for (String offerId : DueWork.renewedOffers(steps)) {
            byOffer.put(offerId, new ArrayList<>(acquirable(offerId, date)));
        }
        Map<String, Optional<PromotionData>> continuing = new HashMap<>();
        for (DueWork.Step step : steps) {
            String id = step.continuingPromotionId();
            List<PromotionData> listed = step.quote() == null ? null : byOffer.get(step.quote().offerId());
            if (id == null || listed == null || listed.stream().anyMatch(p -> p.promotionId().equals(id))) {
                continue;
            }
            continuing.computeIfAbsent(id, this::byId).ifPresent(listed::add);
        }
        return byOffer;
    }

    /** A 4xx on a call that should not fail (a list, a well-formed id): not an answer to build a price on. */
    private static RuleViolation unavailable(CatalogRefusal refusal) {
        return Pricing.unavailable(new IllegalStateException("promotions answered " + refusal.status() + " "
                + refusal.code()));
    }
}
