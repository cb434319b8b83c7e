package dev.nce.catalog.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nce.catalog.domain.PriceResolver;
import dev.nce.catalog.domain.PriceQuery;
import dev.nce.catalog.domain.pricelist.ImportReport;
import dev.nce.catalog.domain.pricelist.PriceListOptions;
import dev.nce.catalog.domain.pricelist.PriceListParser;
import dev.nce.catalog.domain.pricelist.PriceListPlan;
import dev.nce.catalog.domain.pricelist.RenewalImpact;
import dev.nce.catalog.persistence.OfferEntity;
import dev.nce.catalog.persistence.OfferRepository;
import dev.nce.catalog.persistence.PriceListImportEntity;
import dev.nce.catalog.persistence.SubscriptionRenewalEntity;
import dev.nce.catalog.persistence.UpliftTierRepository;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.UpliftTier;
import dev.nce.kit.clock.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Price-list imports (D22, API.md "Price-list imports"): upload (the same file and options give the same import),
 * validation against the catalog as it is, and apply in one transaction through the offer service, which publishes
 * one offer event per changed offer through the outbox.
 */
@ApplicationScoped
public class PriceListImportService {

    public enum Status { VALIDATING, VALIDATED, APPLIED, FAILED }

    /** An import as stored, with its report (null while validating). */
    public record ImportView(UUID importId, Status status, String fileSha256, PriceListOptions options,
                             ImportReport report, Instant createdAt, Instant appliedAt) {}

    public record Submitted(ImportView view, boolean created) {}

    @Inject
    EntityManager em;
    @Inject
    OfferRepository offers;
    @Inject
    OfferService offerService;
    @Inject
    UpliftTierRepository tiers;
    @Inject
    CatalogWriteLock writeLock;
    @Inject
    PlatformClock clock;
    @Inject
    ObjectMapper json;

    private final PriceResolver resolver;

    @Inject
    public PriceListImportService(
            @ConfigProperty(name = "catalog.price-rounding", defaultValue = "HALF_UP") RoundingMode rounding) {
        this.resolver = new PriceResolver(rounding);
    }

    /** Stores a new upload as VALIDATING, or answers the existing import of the same file and options. */
    @Transactional
    public Submitted submit(byte[] upload, String fileName, PriceListOptions options, String actor) {
        byte[] csv = PriceListParser.unpack(upload);
        PriceListParser.parse(csv); // a file that is not a price list is refused now (400), not at validation
        String sha = sha256(upload);
        String canonical = canonical(options);
        writeLock.acquire(); // one upload of a file at a time: the second waits and finds the first
        Optional<PriceListImportEntity> existing = em.createQuery(
                        "from PriceListImportEntity where fileSha256 = :sha and optionsJson = :options",
                        PriceListImportEntity.class)
                .setParameter("sha", sha).setParameter("options", canonical).getResultStream().findFirst();
        if (existing.isPresent()) {
            return new Submitted(view(existing.get()), false);
        }
        PriceListImportEntity entity = new PriceListImportEntity();
        entity.importId = UUID.randomUUID();
        entity.fileSha256 = sha;
        entity.optionsJson = canonical;
        entity.fileName = fileName;
        entity.content = csv;
        entity.status = Status.VALIDATING.name();
        entity.createdAt = clock.now();
        entity.createdBy = actor;
        em.persist(entity);
        return new Submitted(view(entity), true);
    }

    /** Validates a VALIDATING import against the catalog as it is now; FAILED with the reason if that throws. */
    @Transactional
    public void validate(UUID importId) {
        PriceListImportEntity entity = em.find(PriceListImportEntity.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null || !Status.VALIDATING.name().equals(entity.status)) {
            return;
        }
        try {
            ImportReport report = report(compute(entity, options(entity)), clock.now());
            entity.reportJson = write(report);
            entity.status = Status.VALIDATED.name();
        } catch (RuntimeException e) {
            entity.reportJson = write(ImportReport.failed(e.getMessage()));
            entity.status = Status.FAILED.name();
        }
    }

    /**
     * Applies a VALIDATED import in one transaction: the diff is computed again against the catalog under the catalog
     * write lock (so a catalog change since validation is respected) and each draft goes through the offer service.
     */
    @Transactional
    public ImportView apply(UUID importId, String actor) {
        PriceListImportEntity entity = em.find(PriceListImportEntity.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw RuleViolation.notFound("price-list import " + importId);
        }
        if (!Status.VALIDATED.name().equals(entity.status)) {
            throw new RuleViolation(ErrorCode.INVALID_STATE, "D22", "price-list import " + importId + " is "
                    + entity.status + "; only a VALIDATED import can be applied", Map.of());
        }
        writeLock.acquire();
        PriceListPlan.Result result = compute(entity, options(entity));
        ImportReport report = report(result, clock.now());
        for (OfferData draft : result.drafts()) {
            offerService.put(draft, null, actor);
        }
        entity.reportJson = write(report);
        entity.status = Status.APPLIED.name();
        entity.appliedAt = clock.now();
        entity.appliedBy = actor;
        return view(entity);
    }

    @Transactional
    public ImportView get(UUID importId) {
        PriceListImportEntity entity = em.find(PriceListImportEntity.class, importId);
        if (entity == null) {
            throw RuleViolation.notFound("price-list import " + importId);
        }
        return view(entity);
    }

    private PriceListPlan.Result compute(PriceListImportEntity entity, PriceListOptions options) {
        PriceListParser.Parsed parsed = PriceListParser.parse(entity.content);
        List<OfferData> imported = em.createQuery("from OfferEntity where segment is not null", OfferEntity.class)
                .getResultList().stream().map(OfferEntity::toData).toList();
        return PriceListPlan.plan(parsed, options, id -> offers.findByIdOptional(id).map(OfferEntity::toData),
                imported, today());
    }

    private ImportReport report(PriceListPlan.Result result, Instant now) {
        return new ImportReport(result.rows(), result.offersAdded(), result.offersChanged(), result.offersEnded(),
                result.warnings(), result.rowOutcomes(), renewalImpact(result.drafts(), now), null);
    }

    /**
     * Subscriptions renewing in [today, today + 60 d] with auto-renew on, of an offer the import changes, whose
     * next-term price under the imported list differs from the price they pay now.
     */
    private List<RenewalImpact> renewalImpact(List<OfferData> drafts, Instant now) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Map<String, OfferData> byId = new HashMap<>();
        drafts.forEach(d -> byId.put(d.offerId(), d));
        LocalDate today = now.atZone(ZoneOffset.UTC).toLocalDate();
        List<SubscriptionRenewalEntity> due = em.createQuery("""
                        from SubscriptionRenewalEntity where offerId in :offers and status = 'ACTIVE'
                        and trial = false and endOfTermAction = 'RENEW'
                        and renewalDate >= :from and renewalDate <= :to
                        order by renewalDate, subscriptionId""", SubscriptionRenewalEntity.class)
                .setParameter("offers", byId.keySet()).setParameter("from", today)
                .setParameter("to", today.plusDays(RenewalImpact.WINDOW_DAYS)).getResultList();
        List<UpliftTier> allTiers = tiers.all();
        List<RenewalImpact> impact = new ArrayList<>();
        for (SubscriptionRenewalEntity s : due) {
            Plan plan = Plan.of(Term.valueOf(s.term), BillingFrequency.valueOf(s.billing));
            try {
                var price = resolver.resolve(byId.get(s.offerId), allTiers,
                        PriceQuery.of(plan, s.renewalDate.atStartOfDay(ZoneOffset.UTC).toInstant(), s.currency));
                if (price.unitPrice().compareTo(s.unitPrice) != 0) {
                    impact.add(new RenewalImpact(s.subscriptionId, s.customerId, s.offerId, s.renewalDate,
                            s.unitPrice, price.unitPrice(), price.currency()));
                }
            } catch (RuleViolation e) {
                // the imported list no longer sells that plan at the renewal date: nothing to compare
            }
        }
        return impact;
    }

    private LocalDate today() {
        return clock.now().atZone(ZoneOffset.UTC).toLocalDate();
    }

    private ImportView view(PriceListImportEntity entity) {
        return new ImportView(entity.importId, Status.valueOf(entity.status), entity.fileSha256, options(entity),
                entity.reportJson == null ? null : read(entity.reportJson), entity.createdAt, entity.appliedAt);
    }

    /** The stored form of the options: normalized, fields in a fixed order, so equal options give equal text. */
    record StoredOptions(String market, String month, List<String> segments, String basis, String percent) {

        static StoredOptions of(PriceListOptions options) {
            PriceListOptions o = options.normalized();
            return new StoredOptions(o.market(), o.month().toString(), o.segments(), o.priceRule().basis().name(),
                    o.priceRule().percent().toPlainString());
        }

        PriceListOptions toOptions() {
            return new PriceListOptions(market, java.time.YearMonth.parse(month), segments,
                    new dev.nce.catalog.domain.pricelist.PriceRule(
                            dev.nce.catalog.domain.pricelist.PriceRule.Basis.valueOf(basis),
                            new java.math.BigDecimal(percent)));
        }
    }

    private String canonical(PriceListOptions options) {
        try {
            return json.writeValueAsString(StoredOptions.of(options));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private PriceListOptions options(PriceListImportEntity entity) {
        try {
            return json.readValue(entity.optionsJson, StoredOptions.class).toOptions();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(ImportReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ImportReport read(String text) {
        try {
            return json.readValue(text, ImportReport.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
