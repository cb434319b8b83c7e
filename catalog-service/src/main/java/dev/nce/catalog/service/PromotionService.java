package dev.nce.catalog.service;

import dev.nce.catalog.domain.PromotionRules;
import dev.nce.catalog.persistence.OfferEntity;
import dev.nce.catalog.persistence.OfferRepository;
import dev.nce.catalog.persistence.PromotionEntity;
import dev.nce.catalog.persistence.PromotionRepository;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.kit.clock.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Promotions: create or replace (PUT), read, list (acquirable on a date, for an offer); changes are published. */
@ApplicationScoped
public class PromotionService {

    public record PromotionView(PromotionData promotion, Instant createdAt, Instant updatedAt) {}

    public record PutResult(boolean created, PromotionView promotion) {}

    @Inject
    PromotionRepository promotions;
    @Inject
    OfferRepository offers;
    @Inject
    CatalogWriteLock writeLock;
    @Inject
    CatalogPublisher publisher;
    @Inject
    PlatformClock clock;

    /** Checks in API.md order: content (400), offers (404), plans (422); an identical PUT changes nothing. */
    @Transactional
    public PutResult put(PromotionData draft, String actor) {
        PromotionRules.validate(draft);
        writeLock.acquire();
        Map<String, List<Plan>> plansByOffer = new HashMap<>();
        for (int i = 0; i < draft.offerIds().size(); i++) {
            String id = draft.offerIds().get(i);
            String field = "offerIds[" + i + "]";
            OfferEntity offer = offers.findByIdOptional(id).orElseThrow(() -> new RuleViolation(ErrorCode.NOT_FOUND,
                    null, "offer " + id + " not found", Map.of("field", field)));
            plansByOffer.put(id, offer.toData().plans());
        }
        PromotionRules.requireSoldPlans(draft, plansByOffer::get);
        Optional<PromotionEntity> existing = promotions.findByIdOptional(draft.promotionId());
        if (existing.isPresent() && sameContent(existing.get().toData(), draft)) {
            return new PutResult(false, view(existing.get()));
        }
        PromotionEntity entity = existing.orElseGet(PromotionEntity::new);
        entity.apply(draft, existing.map(e -> e.version + 1).orElse(1L), clock.now());
        if (existing.isEmpty()) {
            promotions.persist(entity);
        }
        promotions.flush();
        publisher.promotion(entity.toData(), actor);
        return new PutResult(existing.isEmpty(), view(entity));
    }

    @Transactional
    public PromotionView get(String promotionId) {
        return promotions.findByIdOptional(promotionId).map(PromotionService::view)
                .orElseThrow(() -> RuleViolation.notFound("promotion " + promotionId));
    }

    /** By promotionId; {@code offerId} and {@code acquirableOn} filter when given. */
    @Transactional
    public List<PromotionView> list(String offerId, LocalDate acquirableOn) {
        return promotions.allById().stream().map(PromotionService::view)
                .filter(v -> offerId == null || v.promotion().offerIds().contains(offerId))
                .filter(v -> acquirableOn == null || PromotionRules.acquirableOn(v.promotion(), acquirableOn))
                .toList();
    }

    private static boolean sameContent(PromotionData a, PromotionData b) {
        return a.name().equals(b.name()) && a.offerIds().equals(b.offerIds()) && a.plans().equals(b.plans())
                && a.discountType() == b.discountType() && a.discountValue().compareTo(b.discountValue()) == 0
                && Objects.equals(a.minSeats(), b.minSeats()) && Objects.equals(a.maxSeats(), b.maxSeats())
                && a.acquireFrom().equals(b.acquireFrom()) && a.acquireUntil().equals(b.acquireUntil())
                && Objects.equals(a.discountUntil(), b.discountUntil()) && a.autoApply() == b.autoApply();
    }

    private static PromotionView view(PromotionEntity e) {
        return new PromotionView(e.toData(), e.createdAt, e.updatedAt);
    }
}
