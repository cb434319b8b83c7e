package dev.nce.catalog.domain.pricelist;

import dev.nce.catalog.domain.OfferChanges;
import dev.nce.catalog.domain.PriceLists;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Money;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * D22: what one price list does to the catalog. Rows are filtered (segments and market of the options), checked
 * ({@link PriceListChecks}) and grouped by offerId; each offer becomes one draft with one price list entry holding every
 * plan's term prices (sell by the price rule, cost as listed) and the shown monthly price (HALF_UP to the minor unit).
 * <ul>
 *   <li>An offer new to the catalog is added with its entry from its rows' start date (an open start: the import
 *       month's first day).</li>
 *   <li>An existing offer whose prices differ gets the entry only when it starts after the catalog's today; a row
 *       that would rewrite a price already in force is reported ({@code price-in-force}) and changes nothing.</li>
 *   <li>An offer ends when its rows end before the import month (Microsoft's end of sale) or when an imported offer of
 *       a segment the import takes is missing from the file: {@code sellableUntil} is set.</li>
 * </ul>
 * Nothing is written here; the drafts are what apply hands to the offer service.
 */
public final class PriceListPlan {

    /** The import report's diff and findings, and the drafts to apply (changed, added and ended offers). */
    public record Result(int rows, List<String> offersAdded, List<String> offersChanged, List<String> offersEnded,
                         List<ImportWarning> warnings, List<RowOutcome> rowOutcomes, List<OfferData> drafts) {}

    private static final Comparator<Plan> PLAN_ORDER = Comparator.comparing(Plan::term).thenComparing(Plan::billing);

    private PriceListPlan() {}

    public static Result plan(PriceListParser.Parsed parsed, PriceListOptions options,
                              Function<String, Optional<OfferData>> catalog, List<OfferData> importedOffers,
                              LocalDate today) {
        List<ImportWarning> warnings = new ArrayList<>(parsed.warnings());
        Map<Integer, RowOutcome> outcomes = new TreeMap<>();
        parsed.warnings().forEach(w -> outcomes.put(w.row(), new RowOutcome(w.row(), null,
                RowOutcome.Outcome.UNREADABLE)));
        Map<String, Map<Plan, PriceListRow>> groups = new LinkedHashMap<>();
        Set<String> trials = new HashSet<>();
        Set<String> listed = new HashSet<>();
        for (PriceListRow row : parsed.rows()) {
            String offerId = row.offerId();
            listed.add(offerId);
            if (!options.takesSegment(row.segment())) {
                warnings.add(new ImportWarning(row.row(), ImportWarning.SEGMENT_EXCLUDED, "segment " + row.segment()
                        + " is not among the import's segments " + options.segments()));
                outcomes.put(row.row(), new RowOutcome(row.row(), offerId, RowOutcome.Outcome.SKIPPED_SEGMENT));
                continue;
            }
            if (!options.takesMarket(row.market())) {
                warnings.add(new ImportWarning(row.row(), ImportWarning.MARKET_EXCLUDED, "market " + row.market()
                        + " is not the import's market " + options.market()));
                outcomes.put(row.row(), new RowOutcome(row.row(), offerId, RowOutcome.Outcome.SKIPPED_MARKET));
                continue;
            }
            warnings.addAll(PriceListChecks.row(row));
            if (row.trial()) {
                trials.add(offerId);
                outcomes.put(row.row(), new RowOutcome(row.row(), offerId, RowOutcome.Outcome.TRIAL));
                continue;
            }
            Optional<Plan> plan = PlanMapping.plan(row.termDuration(), row.billingPlan());
            if (plan.isEmpty()) {
                warnings.add(new ImportWarning(row.row(), ImportWarning.UNKNOWN_PLAN, "TermDuration "
                        + row.termDuration() + " with BillingPlan " + row.billingPlan() + " is not a plan (R-A2)"));
                outcomes.put(row.row(), new RowOutcome(row.row(), offerId, RowOutcome.Outcome.REJECTED_UNKNOWN_PLAN));
                continue;
            }
            Map<Plan, PriceListRow> group = groups.computeIfAbsent(offerId, k -> new LinkedHashMap<>());
            if (group.containsKey(plan.get())) {
                warnings.add(new ImportWarning(row.row(), ImportWarning.DUPLICATE_ROW, "a second " + plan.get()
                        + " row for " + offerId + " (row " + group.get(plan.get()).row() + " is used)"));
                outcomes.put(row.row(), new RowOutcome(row.row(), offerId, RowOutcome.Outcome.REJECTED_DUPLICATE));
                continue;
            }
            group.put(plan.get(), row);
        }

        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        List<String> ended = new ArrayList<>();
        List<OfferData> drafts = new ArrayList<>();
        for (Map.Entry<String, Map<Plan, PriceListRow>> group : groups.entrySet()) {
            String offerId = group.getKey();
            Map<Plan, PriceListRow> rows = group.getValue();
            warnings.addAll(PriceListChecks.ratios(rows));
            Optional<OfferData> existing = catalog.apply(offerId);
            OfferDraft draft = draft(offerId, rows, trials.contains(offerId), options, existing, today, warnings);
            RowOutcome.Outcome outcome = draft.outcome();
            if (draft.offer() != null) {
                drafts.add(draft.offer());
                switch (outcome) {
                    case ADDED -> added.add(offerId);
                    case CHANGED -> changed.add(offerId);
                    case ENDED -> ended.add(offerId);
                    default -> { }
                }
            }
            for (PriceListRow row : rows.values()) {
                RowOutcome.Outcome own = draft.keptRows().contains(row.row())
                        ? RowOutcome.Outcome.KEPT_PRICE_IN_FORCE : outcome;
                outcomes.put(row.row(), new RowOutcome(row.row(), offerId, own));
            }
        }
        // an imported offer of a segment this import takes that the file no longer lists has ended
        for (OfferData offer : importedOffers) {
            if (!listed.contains(offer.offerId()) && options.takesSegment(offer.segment())
                    && offer.sellableUntil() == null) {
                LocalDate lastDay = options.firstDay().minusDays(1);
                drafts.add(withEnd(offer, lastDay));
                ended.add(offer.offerId());
                warnings.add(new ImportWarning(0, ImportWarning.END_OF_SALE, offer.offerId()
                        + " is not in this price list: sellable until " + lastDay));
            }
        }
        return new Result(parsed.dataRows(), added, changed, ended, warnings.stream()
                .sorted(Comparator.comparingInt(ImportWarning::row)).toList(),
                List.copyOf(outcomes.values()), drafts);
    }

    private record OfferDraft(OfferData offer, RowOutcome.Outcome outcome, Set<Integer> keptRows) {}

    private static OfferDraft draft(String offerId, Map<Plan, PriceListRow> rows, boolean trial,
                                    PriceListOptions options, Optional<OfferData> existing, LocalDate today,
                                    List<ImportWarning> warnings) {
        PriceListRow first = rows.values().iterator().next();
        String currency = first.currency();
        LocalDate effectiveFrom = rows.values().stream()
                .map(r -> r.effectiveStart() == null ? options.firstDay() : r.effectiveStart())
                .max(Comparator.naturalOrder()).orElseThrow();
        LocalDate sellableUntil = rows.values().stream().map(PriceListRow::effectiveEnd).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(null);
        boolean endsBeforeMonth = sellableUntil != null && sellableUntil.isBefore(options.firstDay());
        OfferPrice entry = entry(rows, currency, effectiveFrom, options.priceRule());
        List<Plan> plans = rows.keySet().stream().sorted(PLAN_ORDER).toList();

        if (existing.isEmpty()) {
            if (endsBeforeMonth) {
                warnings.add(new ImportWarning(first.row(), ImportWarning.END_OF_SALE, offerId
                        + " was sellable until " + sellableUntil + ", before " + options.month() + ": not added"));
                return new OfferDraft(null, RowOutcome.Outcome.NOT_ADDED_ENDED, Set.of());
            }
            OfferData offer = new OfferData(offerId, first.skuTitle(), first.productTitle() == null
                    ? first.skuTitle() : first.productTitle(), plans, List.of(entry), null, true, true, trial,
                    List.of(), 0, first.segment(), sellableUntil);
            return new OfferDraft(offer, RowOutcome.Outcome.ADDED, Set.of());
        }

        OfferData current = existing.get();
        Set<Integer> kept = new HashSet<>();
        List<OfferPrice> prices = new ArrayList<>(current.prices());
        Set<Plan> allPlans = new LinkedHashSet<>(current.plans());
        Optional<OfferPrice> inForce = PriceLists.inForce(current.prices(), currency, effectiveFrom)
                .filter(p -> p.currency().equals(currency));
        List<PriceListRow> differing = rows.entrySet().stream()
                .filter(e -> !samePlanPrice(inForce, e.getKey(), planPrice(entry, e.getKey())))
                .map(Map.Entry::getValue).toList();
        if (!differing.isEmpty()) {
            if (effectiveFrom.isAfter(today)) {
                prices.removeIf(p -> p.currency().equals(currency) && p.effectiveFrom().equals(effectiveFrom));
                prices.add(entry);
                allPlans.addAll(plans);
            } else {
                for (PriceListRow row : differing) {
                    kept.add(row.row());
                    warnings.add(new ImportWarning(row.row(), ImportWarning.PRICE_IN_FORCE, offerId + " "
                            + row.termDuration() + "/" + row.billingPlan() + ": the price in force since "
                            + inForce.map(p -> p.effectiveFrom().toString()).orElse("?")
                            + " is kept; this row (from " + effectiveFrom + ", on or before today " + today
                            + ") would rewrite it" + previous(row)));
                }
            }
        }
        prices.sort(Comparator.comparing(OfferPrice::currency).thenComparing(OfferPrice::effectiveFrom));
        OfferData draft = new OfferData(offerId, current.name(), current.productFamily(),
                allPlans.stream().sorted(PLAN_ORDER).toList(), prices, current.capGroup(), current.renewable(),
                current.midTermIncrease(), current.trialAvailable() || trial, current.upgradePaths(),
                current.version(), first.segment(), sellableUntil);
        if (OfferChanges.sameContent(current, draft)) {
            return new OfferDraft(null, RowOutcome.Outcome.UNCHANGED, kept);
        }
        boolean newlyEnded = endsBeforeMonth && !Objects.equals(current.sellableUntil(), sellableUntil);
        return new OfferDraft(draft, newlyEnded ? RowOutcome.Outcome.ENDED : RowOutcome.Outcome.CHANGED, kept);
    }

    /** One price list entry with every plan's term prices and the shown monthly price (D22). */
    static OfferPrice entry(Map<Plan, PriceListRow> rows, String currency, LocalDate effectiveFrom, PriceRule rule) {
        List<PlanPrice> planPrices = new ArrayList<>();
        for (Plan plan : rows.keySet().stream().sorted(PLAN_ORDER).toList()) {
            PriceListRow row = rows.get(plan);
            BigDecimal termSell = rule.termSellPrice(row.erpPrice(), row.unitPrice(), currency);
            planPrices.add(new PlanPrice(plan.term(), plan.billing(), shownMonthly(termSell, plan.term(), currency),
                    termSell, row.unitPrice()));
        }
        BigDecimal base = planPrices.stream()
                .filter(p -> p.term() == Term.P1Y && p.billing() == BillingFrequency.ANNUAL).findFirst()
                .or(() -> planPrices.stream().filter(p -> p.term() != Term.P3Y).findFirst())
                .or(() -> planPrices.stream().findFirst())
                .map(PlanPrice::unitPrice).orElseThrow();
        BigDecimal p3yBase = planPrices.stream().filter(p -> p.term() == Term.P3Y)
                .min(Comparator.comparing(PlanPrice::billing, Comparator.reverseOrder()))
                .map(PlanPrice::unitPrice).orElse(null);
        return new OfferPrice(effectiveFrom, currency, base, p3yBase, planPrices);
    }

    /** API.md "Settled details": the shown monthly price is term price / months, HALF_UP to the minor unit. */
    static BigDecimal shownMonthly(BigDecimal termPrice, Term term, String currency) {
        return Money.roundTo(termPrice.divide(BigDecimal.valueOf(term.months()), 6, RoundingMode.HALF_UP), currency,
                RoundingMode.HALF_UP);
    }

    private static PlanPrice planPrice(OfferPrice entry, Plan plan) {
        return entry.planPrices().stream().filter(p -> p.term() == plan.term() && p.billing() == plan.billing())
                .findFirst().orElseThrow();
    }

    private static boolean samePlanPrice(Optional<OfferPrice> inForce, Plan plan, PlanPrice imported) {
        if (inForce.isEmpty() || inForce.get().planPrices() == null) {
            return false;
        }
        return inForce.get().planPrices().stream()
                .filter(p -> p.term() == plan.term() && p.billing() == plan.billing())
                .anyMatch(p -> same(p.termUnitPrice(), imported.termUnitPrice())
                        && same(p.termCostPrice(), imported.termCostPrice()));
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a != null && b != null && a.compareTo(b) == 0;
    }

    private static String previous(PriceListRow row) {
        return row.previousValues().isEmpty() ? "" : " (previous values " + row.previousValues() + ")";
    }

    private static OfferData withEnd(OfferData o, LocalDate sellableUntil) {
        return new OfferData(o.offerId(), o.name(), o.productFamily(), o.plans(), o.prices(), o.capGroup(),
                o.renewable(), o.midTermIncrease(), o.trialAvailable(), o.upgradePaths(), o.version(), o.segment(),
                sellableUntil);
    }
}
