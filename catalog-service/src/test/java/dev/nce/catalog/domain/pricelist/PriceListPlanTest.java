package dev.nce.catalog.domain.pricelist;

import static dev.nce.catalog.domain.pricelist.RowOutcome.Outcome.ADDED;
import static dev.nce.catalog.domain.pricelist.RowOutcome.Outcome.CHANGED;
import static dev.nce.catalog.domain.pricelist.RowOutcome.Outcome.KEPT_PRICE_IN_FORCE;
import static dev.nce.catalog.domain.pricelist.RowOutcome.Outcome.NOT_ADDED_ENDED;
import static dev.nce.catalog.domain.pricelist.RowOutcome.Outcome.SKIPPED_SEGMENT;
import static dev.nce.catalog.domain.pricelist.RowOutcome.Outcome.TRIAL;
import static dev.nce.catalog.domain.pricelist.RowOutcome.Outcome.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import dev.nce.contracts.catalog.PlanPrice;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** D22: the sample price list against the catalog: every row's outcome, the diff, the findings, the sell prices. */
class PriceListPlanTest {

    static final LocalDate TODAY = LocalDate.of(2025, 12, 5);
    static final PriceListOptions DECEMBER = new PriceListOptions("US", YearMonth.of(2025, 12), null, null);
    static final PriceListOptions JANUARY = new PriceListOptions("US", YearMonth.of(2026, 1), null, null);

    static PriceListPlan.Result sampleIntoEmptyCatalog(PriceListOptions options) {
        return PriceListPlan.plan(PriceListParser.parse(SampleFiles.sample()), options, id -> Optional.empty(),
                List.of(), TODAY);
    }

    @Test
    void d22SampleIntoAnEmptyCatalogNamesEveryRowsOutcome() {
        PriceListPlan.Result result = sampleIntoEmptyCatalog(DECEMBER);

        assertThat(result.rows()).isEqualTo(24);
        assertThat(result.offersAdded()).containsExactly("CFQ7TTC0LH18:0001", "CFQ7TTC0LCHC:0002",
                "CFQ7TTC0LFLX:0001", "CFQ7TTC0LH3F:0002", "EXAMPLE0E1NT:0001", "EXAMPLE0W365:0001",
                "EXAMPLE0TPS1:0001");
        assertThat(result.offersChanged()).isEmpty();
        assertThat(result.offersEnded()).isEmpty();
        assertThat(result.rowOutcomes()).extracting(RowOutcome::row, RowOutcome::outcome).containsExactly(
                tuple(1, ADDED), tuple(2, ADDED), tuple(3, ADDED), tuple(4, TRIAL),          // Business Basic
                tuple(5, ADDED), tuple(6, ADDED), tuple(7, ADDED),                            // Business Premium
                tuple(8, ADDED), tuple(9, ADDED), tuple(10, ADDED), tuple(11, ADDED),         // E3
                tuple(12, ADDED), tuple(13, ADDED), tuple(14, ADDED), tuple(15, ADDED),       // BC Device
                tuple(16, ADDED), tuple(17, ADDED),
                tuple(18, ADDED), tuple(19, ADDED),                                           // E1 (65.18)
                tuple(20, ADDED), tuple(21, ADDED),                                           // Cloud PC
                tuple(22, SKIPPED_SEGMENT),                                                   // Education
                tuple(23, ADDED),                                                             // Teams Phone
                tuple(24, NOT_ADDED_ENDED));                                                  // legacy add-on
        // BC Device's P1Y/Monthly 396.96 (33.08 x 12) and P3Y/Monthly 1190.88 are Microsoft's cent-rounded monthly
        // 1.05 x prices: no finding; the Cloud PC P1M is 1.111 x and is reported, kept as an explicit price
        assertThat(result.warnings()).extracting(ImportWarning::row, ImportWarning::code).containsExactly(
                tuple(21, ImportWarning.RATIO_P1M),
                tuple(22, ImportWarning.SEGMENT_EXCLUDED),
                tuple(24, ImportWarning.END_OF_SALE));
        assertThat(result.warnings().get(0).detail()).contains("1.111 x the annual monthly price 30.00");
    }

    @Test
    void d22NewOfferCarriesTermSellAndCostPricesAndTheShownMonthlyPrice() {
        OfferData basic = draft(sampleIntoEmptyCatalog(DECEMBER), "CFQ7TTC0LH18:0001");
        assertThat(basic.trialAvailable()).isTrue(); // the BillingPlan None row
        assertThat(basic.segment()).isEqualTo("Commercial");
        assertThat(basic.sellableUntil()).isNull();
        assertThat(basic.plans()).containsExactly(Plan.of(Term.P1M, BillingFrequency.MONTHLY),
                Plan.of(Term.P1Y, BillingFrequency.MONTHLY), Plan.of(Term.P1Y, BillingFrequency.ANNUAL));
        OfferPrice entry = basic.prices().get(0);
        assertThat(entry.effectiveFrom()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(entry.basePrice()).isEqualByComparingTo("6.00");
        PlanPrice annual = plan(entry, Term.P1Y, BillingFrequency.ANNUAL);
        assertThat(annual.termUnitPrice()).isEqualByComparingTo("72"); // sell = ERP (rule ERP 0 %)
        assertThat(annual.termCostPrice()).isEqualByComparingTo("57.6"); // cost = UnitPrice
        assertThat(annual.unitPrice()).isEqualByComparingTo("6.00");
        assertThat(plan(entry, Term.P1Y, BillingFrequency.MONTHLY).unitPrice()).isEqualByComparingTo("6.30");

        OfferData e1 = draft(sampleIntoEmptyCatalog(DECEMBER), "EXAMPLE0E1NT:0001");
        PlanPrice e1Annual = plan(e1.prices().get(0), Term.P1Y, BillingFrequency.ANNUAL);
        assertThat(e1Annual.termUnitPrice()).isEqualByComparingTo("81.50");
        assertThat(e1Annual.unitPrice()).isEqualByComparingTo("6.79"); // 81.50 / 12 = 6.791667, shown HALF_UP

        OfferData device = draft(sampleIntoEmptyCatalog(DECEMBER), "CFQ7TTC0LH3F:0002");
        assertThat(device.prices().get(0).p3yBasePrice()).isEqualByComparingTo("45.00"); // 1620 / 36
    }

    @Test
    void d22PriceRuleCostPlusPercentAndErpMinusPercentRoundHalfUp() {
        PriceListOptions cost = new PriceListOptions("US", YearMonth.of(2025, 12), null,
                new PriceRule(PriceRule.Basis.COST, new BigDecimal("10")));
        PlanPrice e1 = plan(draft(sampleIntoEmptyCatalog(cost), "EXAMPLE0E1NT:0001").prices().get(0), Term.P1Y,
                BillingFrequency.ANNUAL);
        assertThat(e1.termUnitPrice()).isEqualByComparingTo("71.70"); // 65.18 x 1.10 = 71.698
        assertThat(e1.termCostPrice()).isEqualByComparingTo("65.18");

        PriceListOptions erp = new PriceListOptions("US", YearMonth.of(2025, 12), null,
                new PriceRule(PriceRule.Basis.ERP, new BigDecimal("5")));
        PlanPrice e1Erp = plan(draft(sampleIntoEmptyCatalog(erp), "EXAMPLE0E1NT:0001").prices().get(0), Term.P1Y,
                BillingFrequency.ANNUAL);
        assertThat(e1Erp.termUnitPrice()).isEqualByComparingTo("77.43"); // 81.5 x 0.95 = 77.425
    }

    @Test
    void segmentsOptionTakesTheEducationRow() {
        PriceListOptions both = new PriceListOptions("US", YearMonth.of(2025, 12),
                List.of("Commercial", "Education"), null);
        assertThat(sampleIntoEmptyCatalog(both).offersAdded()).contains("CFQ7TTC0LH18:000C");
    }

    @Test
    void d22NextMonthsListChangesEndsAndAddsOffers() {
        Map<String, OfferData> catalog = applied(sampleIntoEmptyCatalog(DECEMBER));
        PriceListPlan.Result result = PriceListPlan.plan(PriceListParser.parse(SampleFiles.nextMonth()), JANUARY,
                id -> Optional.ofNullable(catalog.get(id)), List.copyOf(catalog.values()), TODAY);

        assertThat(result.rows()).isEqualTo(23);
        assertThat(result.offersChanged()).containsExactly("CFQ7TTC0LH18:0001");
        assertThat(result.offersAdded()).containsExactly("EXAMPLE0COP1:0001");
        assertThat(result.offersEnded()).containsExactly("EXAMPLE0W365:0001");
        assertThat(result.rowOutcomes()).extracting(RowOutcome::row, RowOutcome::outcome).startsWith(
                tuple(1, CHANGED), tuple(2, CHANGED), tuple(3, CHANGED), tuple(4, TRIAL), tuple(5, UNCHANGED));
        assertThat(result.rowOutcomes().get(22)).extracting(RowOutcome::offerId, RowOutcome::outcome)
                .containsExactly("EXAMPLE0COP1:0001", ADDED);

        OfferData basic = draft(result, "CFQ7TTC0LH18:0001");
        assertThat(basic.prices()).extracting(OfferPrice::effectiveFrom)
                .containsExactly(LocalDate.of(2025, 4, 1), LocalDate.of(2026, 1, 1)); // the old entry is kept
        PlanPrice january = plan(basic.prices().get(1), Term.P1Y, BillingFrequency.ANNUAL);
        assertThat(january.termUnitPrice()).isEqualByComparingTo("75.60");
        assertThat(january.unitPrice()).isEqualByComparingTo("6.30");
        assertThat(draft(result, "EXAMPLE0W365:0001").sellableUntil()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void d22ARowNeverRewritesAPriceAlreadyInForce() {
        Map<String, OfferData> catalog = applied(sampleIntoEmptyCatalog(DECEMBER));
        LocalDate afterTheChange = LocalDate.of(2026, 1, 2);
        PriceListPlan.Result result = PriceListPlan.plan(PriceListParser.parse(SampleFiles.nextMonth()), JANUARY,
                id -> Optional.ofNullable(catalog.get(id)), List.copyOf(catalog.values()), afterTheChange);

        assertThat(result.offersChanged()).isEmpty();
        assertThat(result.rowOutcomes()).extracting(RowOutcome::row, RowOutcome::outcome).startsWith(
                tuple(1, KEPT_PRICE_IN_FORCE), tuple(2, KEPT_PRICE_IN_FORCE), tuple(3, UNCHANGED));
        assertThat(result.warnings()).filteredOn(w -> w.code().equals(ImportWarning.PRICE_IN_FORCE))
                .extracting(ImportWarning::row).containsExactly(1, 2);
    }

    @Test
    void ratioChecksReportAnOffRow() {
        Map<Plan, PriceListRow> rows = new HashMap<>();
        rows.put(Plan.of(Term.P1Y, BillingFrequency.ANNUAL), row(1, "P1Y", "Annual", "120"));
        rows.put(Plan.of(Term.P1Y, BillingFrequency.MONTHLY), row(2, "P1Y", "Monthly", "130"));
        rows.put(Plan.of(Term.P3Y, BillingFrequency.TRIENNIAL), row(3, "P3Y", "Triennial", "300"));
        assertThat(PriceListChecks.ratios(rows)).extracting(ImportWarning::row, ImportWarning::code)
                .containsExactlyInAnyOrder(tuple(2, ImportWarning.RATIO_P1Y_MONTHLY), tuple(3, ImportWarning.RATIO_P3Y));
        assertThat(PriceListChecks.row(row(4, "P1Y", "Annual", "80"))).isEmpty();
        PriceListRow aboveErp = new PriceListRow(5, null, "X", "P", "1", "X", "P1Y", "Annual", "US", "USD",
                new BigDecimal("100"), new BigDecimal("90"), null, null, "Commercial", null, Map.of());
        assertThat(PriceListChecks.row(aboveErp)).extracting(ImportWarning::code)
                .containsExactly(ImportWarning.UNIT_PRICE_ABOVE_ERP);
        PriceListRow paidTrial = new PriceListRow(6, null, "X", "P", "1", "X", "P1M", "None", "US", "USD",
                new BigDecimal("1"), new BigDecimal("1"), null, null, "Commercial", null, Map.of());
        assertThat(PriceListChecks.row(paidTrial)).extracting(ImportWarning::code)
                .containsExactly(ImportWarning.TRIAL_NOT_FREE);
    }

    private static PriceListRow row(int n, String term, String billing, String price) {
        return new PriceListRow(n, null, "X", "P", "1", "X", term, billing, "US", "USD", new BigDecimal(price),
                new BigDecimal(price).multiply(BigDecimal.valueOf(2)), null, null, "Commercial", null, Map.of());
    }

    /** The catalog after applying {@code result}: its drafts, at version 1. */
    static Map<String, OfferData> applied(PriceListPlan.Result result) {
        Map<String, OfferData> catalog = new HashMap<>();
        for (OfferData d : result.drafts()) {
            catalog.put(d.offerId(), new OfferData(d.offerId(), d.name(), d.productFamily(), d.plans(), d.prices(),
                    d.capGroup(), d.renewable(), d.midTermIncrease(), d.trialAvailable(), d.upgradePaths(), 1,
                    d.segment(), d.sellableUntil()));
        }
        return catalog;
    }

    static OfferData draft(PriceListPlan.Result result, String offerId) {
        return result.drafts().stream().filter(d -> d.offerId().equals(offerId)).findFirst().orElseThrow();
    }

    static PlanPrice plan(OfferPrice entry, Term term, BillingFrequency billing) {
        return entry.planPrices().stream().filter(p -> p.term() == term && p.billing() == billing).findFirst()
                .orElseThrow();
    }
}
