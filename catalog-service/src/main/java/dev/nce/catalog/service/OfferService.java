package dev.nce.catalog.service;

import dev.nce.catalog.domain.OfferChanges;
import dev.nce.catalog.domain.OfferValidation;
import dev.nce.catalog.domain.PriceHistory;
import dev.nce.catalog.domain.UpgradeGraph;
import dev.nce.catalog.persistence.OfferEntity;
import dev.nce.catalog.persistence.OfferRepository;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.kit.clock.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Offers: create or replace (PUT), read, list. */
@ApplicationScoped
public class OfferService {

    public record PutResult(boolean created, OfferView offer) {}

    /** An offer with its bookkeeping times. */
    public record OfferView(OfferData offer, Instant createdAt, Instant updatedAt) {}

    public record OfferPage(long totalCount, List<OfferView> items) {}

    @Inject
    OfferRepository offers;
    @Inject
    CatalogWriteLock writeLock;
    @Inject
    CatalogPublisher publisher;
    @Inject
    PlatformClock clock;

    /**
     * Checks in API.md order: content (400), upgrade cycles (400), referenced offers (404), expected version and price
     * history (409), never-valid plans (422). Nothing is written unless all pass; an identical PUT changes nothing.
     */
    @Transactional
    public PutResult put(OfferData draft, Long expectedVersion, String actor) {
        OfferValidation.validate(draft);
        writeLock.acquire();
        new UpgradeGraph(offers.upgradeGraph()).check(draft.offerId(), draft.upgradePaths());
        for (int i = 0; i < draft.upgradePaths().size(); i++) {
            if (!offers.exists(draft.upgradePaths().get(i))) {
                throw new RuleViolation(ErrorCode.NOT_FOUND, null, "upgrade path target offer "
                        + draft.upgradePaths().get(i) + " not found", Map.of("field", "upgradePaths[" + i + "]"));
            }
        }
        Instant now = clock.now();
        Optional<OfferEntity> existing = offers.findForUpdate(draft.offerId());
        if (existing.isPresent()) {
            OfferEntity entity = existing.get();
            PriceHistory.checkChange(entity.toData().prices(), draft.prices(), now);
            if (expectedVersion != null && expectedVersion != entity.version) {
                throw new RuleViolation(ErrorCode.CONCURRENT_MODIFICATION, null, "offer " + draft.offerId()
                        + " is at version " + entity.version + ", not " + expectedVersion, Map.of("field", "version"));
            }
        }
        OfferValidation.requireSellablePlans(draft.plans());
        if (existing.isPresent() && OfferChanges.sameContent(existing.get().toData(), draft)) {
            return new PutResult(false, view(existing.get()));
        }
        OfferEntity entity = existing.orElseGet(() -> OfferEntity.create(draft.offerId(), now));
        entity.apply(draft, existing.map(e -> e.version + 1).orElse(1L), now);
        if (existing.isEmpty()) {
            offers.persist(entity);
        }
        offers.flush();
        OfferData saved = entity.toData();
        publisher.offer(saved, actor);
        return new PutResult(existing.isEmpty(), view(entity));
    }

    @Transactional
    public OfferView get(String offerId) {
        return offers.findByIdOptional(offerId).map(OfferService::view)
                .orElseThrow(() -> RuleViolation.notFound("offer " + offerId));
    }

    @Transactional
    public OfferData data(String offerId) {
        return get(offerId).offer();
    }

    @Transactional
    public OfferPage list(String productFamily, String q, int limit, int offset) {
        OfferRepository.Slice slice = offers.list(productFamily, q, limit, offset);
        return new OfferPage(slice.totalCount(), slice.items().stream().map(OfferService::view).toList());
    }

    private static OfferView view(OfferEntity entity) {
        return new OfferView(entity.toData(), entity.createdAt, entity.updatedAt);
    }
}
