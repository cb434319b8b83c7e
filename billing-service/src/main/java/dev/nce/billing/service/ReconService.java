package dev.nce.billing.service;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.ChargeType;
import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.domain.TermPrice;
import dev.nce.billing.domain.recon.ChargeCycle;
import dev.nce.billing.domain.recon.MicrosoftLine;
import dev.nce.billing.domain.recon.OurSide;
import dev.nce.billing.domain.recon.ReconCsv;
import dev.nce.billing.domain.recon.Reconciliation;
import dev.nce.billing.persistence.CatalogRepository;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.kit.clock.PlatformClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * D25 reconciliation imports: Microsoft's billed lines are stored once per file (SHA-256) and reported against the
 * platform as it is when the report is asked for: links from the subscription events, cost prices from the catalog
 * copy (termCostPrice, D22), sell amounts from the same invoice builder the runs use.
 */
@ApplicationScoped
public class ReconService {

    /** The import as POST answers it (API.md). */
    public record ImportSummary(UUID importId, String invoiceNumber, String period, int lines, int linkedLines,
                                int unlinkedLines) {}

    public record Submitted(ImportSummary summary, boolean created) {}

    /** Totals of one customer (or of one subscription) over the report's items. */
    public record Totals(String customerId, String subscriptionId, String microsoftCustomerId,
                         BigDecimal microsoftAmount, BigDecimal expectedMicrosoftAmount, BigDecimal sellAmount,
                         BigDecimal margin, BigDecimal marginPercent) {}

    public record Unlinked(String microsoftSubscriptionId, String microsoftCustomerId, String customerName,
                           BigDecimal microsoftAmount) {}

    public record Report(UUID importId, String invoiceNumber, String period, String currency,
                         BigDecimal microsoftTotal, BigDecimal expectedTotal, BigDecimal sellTotal, BigDecimal margin,
                         BigDecimal marginPercent, Map<String, Long> classes, List<Reconciliation.Item> items,
                         List<Totals> customers, List<Totals> subscriptions, List<Unlinked> unlinkedSubscriptions) {}

    @Inject
    EntityManager em;
    @Inject
    MicrosoftLinks links;
    @Inject
    CatalogRepository catalog;
    @Inject
    PreviewService previews;
    @Inject
    PlatformClock clock;

    @Transactional
    public Submitted submit(byte[] file, String actor) {
        List<MicrosoftLine> lines = ReconCsv.parse(file);
        if (lines.isEmpty()) {
            throw RuleViolation.invalidField("file", "the file has no lines");
        }
        String sha = sha256(file);
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, 0x6E63655F7265636FL)
                .getSingleResult();
        Optional<ImportSummary> existing = summaryBy("file_sha256", sha);
        if (existing.isPresent()) {
            return new Submitted(existing.get(), false);
        }
        int linked = 0;
        for (MicrosoftLine line : lines) {
            linked += links.linkOf(line.subscriptionId()).isPresent() ? 1 : 0;
        }
        UUID id = UUID.randomUUID();
        em.createNativeQuery("INSERT INTO recon_import (import_id, file_sha256, invoice_number, period, lines, "
                        + "linked_lines, unlinked_lines, content, created_at, created_by) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, id).setParameter(2, sha).setParameter(3, lines.get(0).invoiceNumber())
                .setParameter(4, period(lines)).setParameter(5, lines.size()).setParameter(6, linked)
                .setParameter(7, lines.size() - linked).setParameter(8, file).setParameter(9, clock.now())
                .setParameter(10, actor).executeUpdate();
        return new Submitted(summaryBy("import_id", id).orElseThrow(), true);
    }

    @Transactional
    public Report report(UUID importId) {
        ImportSummary summary = summaryBy("import_id", importId)
                .orElseThrow(() -> RuleViolation.notFound("recon import " + importId));
        byte[] content = (byte[]) em.createNativeQuery("SELECT content FROM recon_import WHERE import_id = ?1")
                .setParameter(1, importId).getSingleResult();
        List<MicrosoftLine> lines = ReconCsv.parse(content);
        List<Reconciliation.Item> items = new ArrayList<>();
        Map<String, InvoiceDraft> drafts = new HashMap<>();
        for (ChargeCycle cycle : ChargeCycle.net(lines)) {
            Optional<MicrosoftLinks.Link> link = links.linkOf(cycle.microsoftSubscriptionId());
            items.add(link.isEmpty() ? Reconciliation.unlinked(cycle)
                    : Reconciliation.compare(cycle, ourSide(cycle, link.get(), drafts)));
        }
        items.sort(Comparator.comparing((Reconciliation.Item i) -> i.customerId() == null ? "~" : i.customerId())
                .thenComparing(i -> i.subscriptionId() == null ? "~" + i.microsoftSubscriptionId() : i.subscriptionId())
                .thenComparing(Reconciliation.Item::chargeStart));
        BigDecimal microsoft = sum(items, Reconciliation.Item::microsoftAmount);
        BigDecimal expected = sum(items, Reconciliation.Item::expectedMicrosoftAmount);
        BigDecimal sell = sum(items, Reconciliation.Item::sellAmount);
        Map<String, Long> classes = items.stream().collect(Collectors.groupingBy(i -> i.reconClass().name(),
                LinkedHashMap::new, Collectors.counting()));
        List<Unlinked> unlinked = items.stream().filter(i -> i.subscriptionId() == null)
                .map(i -> new Unlinked(i.microsoftSubscriptionId(), i.microsoftCustomerId(),
                        lines.stream().filter(l -> i.microsoftSubscriptionId().equals(l.subscriptionId()))
                                .map(MicrosoftLine::customerName).findFirst().orElse(null), i.microsoftAmount()))
                .toList();
        return new Report(importId, summary.invoiceNumber(), summary.period(), lines.get(0).currency(), microsoft,
                expected, sell, sell.subtract(microsoft), percent(sell.subtract(microsoft), sell), classes, items,
                totals(items, true), totals(items, false), unlinked);
    }

    /** The platform's side of one charge period of a linked subscription. */
    private OurSide ourSide(ChargeCycle cycle, MicrosoftLinks.Link link, Map<String, InvoiceDraft> drafts) {
        Term term = Term.valueOf(link.term());
        BillingFrequency billing = BillingFrequency.valueOf(link.billing());
        LocalDate priceDate = link.startDate() != null && !link.startDate().isAfter(cycle.chargeStart())
                ? link.startDate() : cycle.chargeStart();
        BigDecimal costPerCharge = catalog.termPrice(link.offerId(), link.currency(), term, billing, priceDate)
                .filter(t -> t.termCostPrice() != null)
                .map(t -> costPerCharge(t, Reconciliation.months(cycle.first().billingFrequency())))
                .orElse(null);
        BigDecimal sell = BigDecimal.ZERO;
        Integer quantity = null;
        boolean any = false;
        for (YearMonth month = YearMonth.from(cycle.chargeStart()); !month.isAfter(YearMonth.from(cycle.chargeEnd()));
             month = month.plusMonths(1)) {
            InvoiceDraft draft = draft(link.customerId(), month, drafts);
            if (draft == null) {
                continue;
            }
            for (InvoiceLine line : draft.lines()) {
                if (!link.subscriptionId().equals(line.subscriptionId())) {
                    continue;
                }
                long overlap = overlapDays(line.chargeStartDate(), line.chargeEndDate(), cycle.chargeStart(),
                        cycle.chargeEnd());
                if (overlap <= 0) {
                    continue;
                }
                long lineDays = ChronoUnit.DAYS.between(line.chargeStartDate(), line.chargeEndDate()) + 1;
                sell = sell.add(line.amount().multiply(BigDecimal.valueOf(overlap))
                        .divide(BigDecimal.valueOf(lineDays), 6, RoundingMode.HALF_UP));
                any = true;
                boolean segment = line.chargeType() == ChargeType.CYCLE || line.chargeType() == ChargeType.EXTENDED_TERM;
                if (segment && !line.chargeStartDate().isAfter(cycle.chargeStart())) {
                    quantity = line.quantity();
                } else if (!segment && !line.chargeStartDate().isBefore(cycle.chargeStart())) {
                    int signed = line.amount().signum() < 0 ? -line.quantity() : line.quantity();
                    quantity = (quantity == null ? 0 : quantity) + signed;
                }
            }
        }
        return new OurSide(link.subscriptionId(), link.customerId(), costPerCharge, any ? quantity : null,
                sell.setScale(2, RoundingMode.HALF_UP));
    }

    /** D22/D25: the cost of one seat for one charge of {@code chargeMonths} months, at scale 6. */
    static BigDecimal costPerCharge(TermPrice price, int chargeMonths) {
        return price.termCostPrice().multiply(BigDecimal.valueOf(chargeMonths))
                .divide(BigDecimal.valueOf(price.termMonths()), TermPrice.MONTHLY_SCALE, RoundingMode.HALF_UP);
    }

    private InvoiceDraft draft(String customerId, YearMonth month, Map<String, InvoiceDraft> drafts) {
        String key = customerId + "@" + month;
        if (!drafts.containsKey(key)) {
            InvoiceDraft draft;
            try {
                draft = previews.preview(customerId, BillingPeriod.parse(month.toString(), "period"));
            } catch (RuleViolation e) {
                draft = null; // no customer copy or no FX rate: the platform bills nothing it can show here
            }
            drafts.put(key, draft);
        }
        return drafts.get(key);
    }

    private static long overlapDays(LocalDate aFrom, LocalDate aTo, LocalDate bFrom, LocalDate bTo) {
        LocalDate from = aFrom.isAfter(bFrom) ? aFrom : bFrom;
        LocalDate to = aTo.isBefore(bTo) ? aTo : bTo;
        return to.isBefore(from) ? 0 : ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static List<Totals> totals(List<Reconciliation.Item> items, boolean byCustomer) {
        Map<String, List<Reconciliation.Item>> groups = new LinkedHashMap<>();
        for (Reconciliation.Item item : items) {
            String key = byCustomer ? (item.customerId() == null ? "tenant:" + item.microsoftCustomerId()
                    : item.customerId()) : (item.subscriptionId() == null ? "ms:" + item.microsoftSubscriptionId()
                    : item.subscriptionId());
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(item);
        }
        List<Totals> totals = new ArrayList<>();
        for (List<Reconciliation.Item> group : groups.values()) {
            Reconciliation.Item first = group.get(0);
            BigDecimal ms = sum(group, Reconciliation.Item::microsoftAmount);
            BigDecimal sell = sum(group, Reconciliation.Item::sellAmount);
            totals.add(new Totals(first.customerId(), byCustomer ? null : first.subscriptionId(),
                    first.microsoftCustomerId(), ms, sum(group, Reconciliation.Item::expectedMicrosoftAmount), sell,
                    sell.subtract(ms), percent(sell.subtract(ms), sell)));
        }
        return totals;
    }

    private static BigDecimal sum(List<Reconciliation.Item> items, Function<Reconciliation.Item, BigDecimal> f) {
        return items.stream().map(f).filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    private static BigDecimal percent(BigDecimal margin, BigDecimal sell) {
        return sell.signum() == 0 ? null
                : margin.multiply(BigDecimal.valueOf(100)).divide(sell, 2, RoundingMode.HALF_UP);
    }

    /** The month most charge periods start in. */
    static String period(List<MicrosoftLine> lines) {
        return lines.stream().filter(l -> l.chargeStartDate() != null)
                .collect(Collectors.groupingBy(l -> YearMonth.from(l.chargeStartDate()), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<YearMonth, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(e -> e.getKey().toString()).orElse(null);
    }

    private Optional<ImportSummary> summaryBy(String column, Object value) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT import_id, invoice_number, period, lines, linked_lines, "
                + "unlinked_lines FROM recon_import WHERE " + column + " = ?1").setParameter(1, value).getResultList();
        return rows.stream().findFirst().map(r -> new ImportSummary((UUID) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).intValue(), ((Number) r[4]).intValue(), ((Number) r[5]).intValue()));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
