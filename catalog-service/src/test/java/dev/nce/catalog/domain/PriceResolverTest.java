package dev.nce.catalog.domain;

import static dev.nce.catalog.domain.TestOffers.ALL_PLANS;
import static dev.nce.catalog.domain.TestOffers.P1M_MONTHLY;
import static dev.nce.catalog.domain.TestOffers.P1Y_ANNUAL;
import static dev.nce.catalog.domain.TestOffers.P1Y_MONTHLY;
import static dev.nce.catalog.domain.TestOffers.P3Y_ANNUAL;
import static dev.nce.catalog.domain.TestOffers.P3Y_TRIENNIAL;
import static dev.nce.catalog.domain.TestOffers.offer;
import static dev.nce.catalog.domain.TestOffers.plan;
import static dev.nce.catalog.domain.TestOffers.planPrice;
import static dev.nce.catalog.domain.TestOffers.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.UpliftTier;
import dev.nce.kit.clock.ClockInstants;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriceResolverTest {

    static final List<UpliftTier> TIERS = ShippedUpliftTiers.DEFAULTS;
    final PriceResolver resolver = new PriceResolver();

    /** M365 E3 as R-A8 has it: 32 USD before 2022-03-01, 36 from then; B3 = 34 (a made-up P3Y base). */
    static final OfferData M365_E3 = offer(ALL_PLANS,
            price("2022-01-01", "USD", "32.00", "30.00"),
            price("2022-03-01", "USD", "36.00", "34.00"),
            price("2022-01-01", "JPY", "4350", "4100"),
            price("2022-01-01", "KRW", "12345", "11111"));

    static ResolvedPrice resolve(OfferData offer, Plan plan, String at, String currency) {
        return new PriceResolver().resolve(offer, TIERS, PriceQuery.of(plan, ClockInstants.parse(at), currency));
    }

    @ParameterizedTest(name = "R-A4 {0}/{1} at {2} in {3}: base {4} +{5}% = {6}")
    @CsvSource({
            // S001 worked values with B = 36.00: 36.00 / 37.80 / 43.20
            "P1Y, ANNUAL,    2025-04-01, USD, 36.00, 0,  36.00",
            "P1Y, MONTHLY,   2025-04-01, USD, 36.00, 5,  37.80",
            "P1M, MONTHLY,   2025-04-01, USD, 36.00, 20, 43.20",
            // the +5 % on P1Y/MONTHLY is not there on 2025-03-31, not even in its last second
            "P1Y, MONTHLY,   2025-03-31, USD, 36.00, 0,  36.00",
            "P1Y, MONTHLY,   2025-03-31T23:59:59Z, USD, 36.00, 0, 36.00",
            "P1Y, MONTHLY,   2025-04-01T00:00:00Z, USD, 36.00, 5, 37.80",
            // P3Y over B3: triennial and annual are B3; monthly billing of P3Y +5 % from 2025-04-01 (R-A4)
            "P3Y, TRIENNIAL, 2025-04-01, USD, 34.00, 0,  34.00",
            "P3Y, ANNUAL,    2025-04-01, USD, 34.00, 0,  34.00",
            "P3Y, MONTHLY,   2025-03-31, USD, 34.00, 0,  34.00",
            "P3Y, MONTHLY,   2025-04-01, USD, 34.00, 5,  35.70",
            // R-A8 list price step on 2022-03-01: 32 -> 36 (S003's table predates it: 32 -> 38.40 monthly)
            "P1M, MONTHLY,   2022-02-28, USD, 32.00, 20, 38.40",
            "P1M, MONTHLY,   2022-03-01, USD, 36.00, 20, 43.20",
            "P1Y, ANNUAL,    2022-02-28T23:59:59Z, USD, 32.00, 0, 32.00",
            "P1Y, ANNUAL,    2022-03-01, USD, 36.00, 0,  36.00",
            // the P1M tier starts at the NCE launch 2022-01-10, never before its date
            "P1M, MONTHLY,   2022-01-09, USD, 32.00, 0,  32.00",
            "P1M, MONTHLY,   2022-01-10, USD, 32.00, 20, 38.40",
            // D13: JPY and KRW have no minor unit; D2 HALF_UP at publication
            "P1Y, MONTHLY,   2025-04-01, JPY, 4350, 5,  4568",
            "P1M, MONTHLY,   2025-04-01, JPY, 4350, 20, 5220",
            "P3Y, MONTHLY,   2025-04-01, JPY, 4100, 5,  4305",
            "P1Y, MONTHLY,   2025-04-01, KRW, 12345, 5, 12962",
            "P1M, MONTHLY,   2025-04-01, KRW, 12345, 20, 14814",
    })
    void r_a4_uplift_over_the_base(String term, String billing, String at, String currency, String base,
                                   String uplift, String unit) {
        ResolvedPrice price = resolve(M365_E3, plan(term, billing), at, currency);
        assertThat(price.currency()).isEqualTo(currency);
        assertThat(price.basePrice()).isEqualByComparingTo(base);
        assertThat(price.upliftPercent()).isEqualByComparingTo(uplift);
        assertThat(price.unitPrice()).isEqualTo(new BigDecimal(unit));
        assertThat(price.source()).isEqualTo(PriceSource.FORMULA);
    }

    @ParameterizedTest(name = "D2 B={0}: P1Y/MONTHLY {1}, P1M/MONTHLY {2}")
    @CsvSource({
            "36.00, 37.80, 43.20",
            "22.00, 23.10, 26.40",
            "6.00,  6.30,  7.20",
            "12.50, 13.13, 15.00",   // 13.125 needs rounding: HALF_UP at publication
            "20.00, 21.00, 24.00",
            "35.00, 36.75, 42.00",
            "57.00, 59.85, 68.40",
            "0.10,  0.11,  0.12",    // 0.105 -> 0.11 (HALF_UP, not HALF_EVEN)
    })
    void d2_published_prices_are_rounded_half_up(String base, String p1yMonthly, String p1mMonthly) {
        OfferData offer = offer(List.of(P1M_MONTHLY, P1Y_MONTHLY, P1Y_ANNUAL), price("2022-01-01", "USD", base, null));
        assertThat(resolve(offer, P1Y_MONTHLY, "2025-04-01", "USD").unitPrice()).isEqualTo(new BigDecimal(p1yMonthly));
        assertThat(resolve(offer, P1M_MONTHLY, "2025-04-01", "USD").unitPrice()).isEqualTo(new BigDecimal(p1mMonthly));
        assertThat(resolve(offer, P1Y_ANNUAL, "2025-04-01", "USD").unitPrice())
                .isEqualTo(new BigDecimal(base).setScale(2, RoundingMode.UNNECESSARY));
    }

    /** S003's promotion table: every "New Regular Price" is 1.20 x the annual price (section 3.3). */
    @ParameterizedTest(name = "S003 {0}: regular monthly {1}")
    @CsvSource({"12.50, 15.00", "20, 24.00", "32, 38.40", "35, 42.00", "57, 68.40"})
    void s003_regular_monthly_prices_are_base_plus_20_percent(String base, String monthly) {
        OfferData offer = offer(List.of(P1M_MONTHLY, P1Y_ANNUAL), price("2022-01-01", "USD", base, null));
        assertThat(resolve(offer, P1M_MONTHLY, "2022-02-15", "USD").unitPrice()).isEqualTo(new BigDecimal(monthly));
    }

    @Test
    void d2_rounding_mode_is_a_strategy() {
        OfferData offer = offer(List.of(P1Y_MONTHLY), price("2022-01-01", "USD", "12.50", null));
        ResolvedPrice even = new PriceResolver(RoundingMode.HALF_EVEN)
                .resolve(offer, TIERS, PriceQuery.of(P1Y_MONTHLY, ClockInstants.parse("2025-04-01"), "USD"));
        assertThat(even.unitPrice()).isEqualTo(new BigDecimal("13.12"));
    }

    @Test
    void d2_an_explicit_plan_price_overrides_the_formula() {
        OfferData offer = offer(List.of(P1M_MONTHLY, P1Y_ANNUAL),
                price("2022-01-01", "USD", "36.00", null, planPrice(P1M_MONTHLY, "42.99")));
        ResolvedPrice p1m = resolve(offer, P1M_MONTHLY, "2025-04-01", "USD");
        assertThat(p1m.unitPrice()).isEqualTo(new BigDecimal("42.99"));
        assertThat(p1m.source()).isEqualTo(PriceSource.PLAN_PRICE);
        assertThat(p1m.upliftPercent()).isEqualByComparingTo("0");
        assertThat(p1m.basePrice()).isEqualByComparingTo("36.00");
        // the other plan still follows the formula
        assertThat(resolve(offer, P1Y_ANNUAL, "2025-04-01", "USD").source()).isEqualTo(PriceSource.FORMULA);
    }

    @Test
    void d2_a_plan_price_with_four_decimals_is_rounded_at_publication() {
        OfferData offer = offer(List.of(P1M_MONTHLY), price("2022-01-01", "USD", "36", null, planPrice(P1M_MONTHLY, "13.125")));
        assertThat(resolve(offer, P1M_MONTHLY, "2023-01-01", "USD").unitPrice()).isEqualTo(new BigDecimal("13.13"));
    }

    @Test
    void r_a4_p3y_plan_price_without_p3y_base_answers_the_plan_price_as_base() {
        OfferData offer = offer(List.of(P3Y_ANNUAL), price("2022-01-01", "USD", "36", null, planPrice(P3Y_ANNUAL, "33.50")));
        ResolvedPrice p = resolve(offer, P3Y_ANNUAL, "2023-01-01", "USD");
        assertThat(p.unitPrice()).isEqualTo(new BigDecimal("33.50"));
        assertThat(p.basePrice()).isEqualByComparingTo("33.50");
        assertThat(p.source()).isEqualTo(PriceSource.PLAN_PRICE);
    }

    @ParameterizedTest(name = "D13 ask {0} -> list {1}, unit {2}")
    @CsvSource({
            "AUD, AUD, 51.45",   // native AUD list: 49.00 x 1.05
            "USD, USD, 37.80",
            "EUR, USD, 37.80",   // no EUR list: the USD list, FX is billing's job
            "NZD, USD, 37.80",
    })
    void d13_native_list_else_usd(String asked, String used, String unit) {
        OfferData offer = offer(ALL_PLANS, price("2022-01-01", "USD", "36.00", "34"), price("2022-01-01", "AUD", "49.00", "47"));
        ResolvedPrice p = resolve(offer, P1Y_MONTHLY, "2025-04-01", asked);
        assertThat(p.currency()).isEqualTo(used);
        assertThat(p.unitPrice()).isEqualTo(new BigDecimal(unit));
    }

    @Test
    void d13_a_native_list_that_starts_later_falls_back_to_usd_before_its_date() {
        OfferData offer = offer(List.of(P1Y_ANNUAL), price("2022-01-01", "USD", "36.00", null), price("2024-01-01", "AUD", "49.00", null));
        assertThat(resolve(offer, P1Y_ANNUAL, "2023-12-31", "AUD").currency()).isEqualTo("USD");
        assertThat(resolve(offer, P1Y_ANNUAL, "2024-01-01", "AUD").currency()).isEqualTo("AUD");
    }

    @ParameterizedTest(name = "D17 EST at {0}: P1M plan {1}, P1M plan price {2} -> basis {3} +{4}% = {5}")
    @CsvSource({
            // P = published P1M price 43.20; 43.20 x 1.03 = 44.496 -> 44.50
            "2026-05-04, true,  '',    43.20, 3,  44.50",
            // P = the P1M planPrice when there is one: 44.00 x 1.03 = 45.32
            "2026-05-04, true,  44.00, 44.00, 3,  45.32",
            // no P1M plan: B x 1.23 = 36 x 1.23 = 44.28
            "2026-05-04, false, '',    36.00, 23, 44.28",
            "2027-01-15, false, '',    36.00, 23, 44.28",
    })
    void d17_extended_service_term_price(String at, boolean monthlyTerm, String p1mPlanPrice, String basis,
                                         String percent, String unit) {
        List<Plan> plans = new ArrayList<>(List.of(P1Y_ANNUAL, P1Y_MONTHLY));
        if (monthlyTerm) {
            plans.add(P1M_MONTHLY);
        }
        OfferData offer = p1mPlanPrice.isEmpty()
                ? offer(plans, price("2022-01-01", "USD", "36.00", null))
                : offer(plans, price("2022-01-01", "USD", "36.00", null, planPrice(P1M_MONTHLY, p1mPlanPrice)));
        ResolvedPrice p = resolver.resolve(offer, TIERS, PriceQuery.est(ClockInstants.parse(at), "USD"));
        assertThat(p.basePrice()).isEqualByComparingTo(basis);
        assertThat(p.upliftPercent()).isEqualByComparingTo(percent);
        assertThat(p.unitPrice()).isEqualTo(new BigDecimal(unit));
    }

    @Test
    void d17_est_price_in_jpy_rounds_to_whole_yen() {
        OfferData offer = offer(List.of(P1M_MONTHLY, P1Y_ANNUAL), price("2022-01-01", "USD", "36", null), price("2022-01-01", "JPY", "4350", null));
        // P = 4350 x 1.20 = 5220; 5220 x 1.03 = 5376.6 -> 5377
        ResolvedPrice p = resolver.resolve(offer, TIERS, PriceQuery.est(ClockInstants.parse("2026-06-01"), "JPY"));
        assertThat(p.unitPrice()).isEqualTo(new BigDecimal("5377"));
    }

    @Test
    void r_f4_no_est_price_before_2026_05_04() {
        OfferData offer = offer(List.of(P1M_MONTHLY, P1Y_ANNUAL), price("2022-01-01", "USD", "36", null));
        assertThatThrownBy(() -> resolver.resolve(offer, TIERS, PriceQuery.est(ClockInstants.parse("2026-05-03T23:59:59Z"), "USD")))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("plan-not-available");
                    assertThat(e.rule()).isEqualTo("R-F4");
                    assertThat(e.getMessage()).contains("2026-05-04");
                });
    }

    @Test
    void r_f4_a_later_est_tier_replaces_the_earlier_from_its_date() {
        List<UpliftTier> tiers = new ArrayList<>(TIERS);
        tiers.add(new UpliftTier(UpliftTier.Kind.EXTENDED_SERVICE_TERM, null, null, UpliftTier.Basis.P1M_RATE,
                new BigDecimal("5"), LocalDate.of(2027, 1, 1)));
        OfferData offer = offer(List.of(P1M_MONTHLY), price("2022-01-01", "USD", "36", null));
        assertThat(resolver.resolve(offer, tiers, PriceQuery.est(ClockInstants.parse("2026-12-31"), "USD")).unitPrice())
                .isEqualTo(new BigDecimal("44.50"));
        // 43.20 x 1.05 = 45.36
        assertThat(resolver.resolve(offer, tiers, PriceQuery.est(ClockInstants.parse("2027-01-01"), "USD")).unitPrice())
                .isEqualTo(new BigDecimal("45.36"));
    }

    @Test
    void r_a4_a_new_standard_tier_applies_only_from_its_date() {
        List<UpliftTier> tiers = new ArrayList<>(TIERS);
        tiers.add(new UpliftTier(UpliftTier.Kind.STANDARD, Term.P1Y, BillingFrequency.MONTHLY, UpliftTier.Basis.BASE,
                new BigDecimal("7.5"), LocalDate.of(2028, 1, 1)));
        OfferData offer = offer(List.of(P1Y_MONTHLY), price("2022-01-01", "USD", "36", null));
        Instant before = ClockInstants.parse("2027-12-31T23:59:59Z");
        assertThat(resolver.resolve(offer, tiers, PriceQuery.of(P1Y_MONTHLY, before, "USD")).unitPrice())
                .isEqualTo(new BigDecimal("37.80"));
        // 36 x 1.075 = 38.70
        assertThat(resolver.resolve(offer, tiers, PriceQuery.of(P1Y_MONTHLY, ClockInstants.parse("2028-01-01"), "USD")).unitPrice())
                .isEqualTo(new BigDecimal("38.70"));
    }

    @Test
    void r_a3_a_plan_the_offer_does_not_sell_is_plan_not_available() {
        OfferData offer = offer(List.of(P1Y_ANNUAL), price("2022-01-01", "USD", "36", null));
        assertThatThrownBy(() -> resolve(offer, P1M_MONTHLY, "2023-01-01", "USD"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("plan-not-available");
                    assertThat(e.rule()).isEqualTo("R-A3");
                });
    }

    @ParameterizedTest(name = "R-A2 {0}/{1} is never valid")
    @CsvSource({"P1M, ANNUAL", "P1M, TRIENNIAL", "P1Y, TRIENNIAL"})
    void r_a2_a_never_valid_pair_is_plan_not_available(String term, String billing) {
        assertThatThrownBy(() -> resolve(M365_E3, plan(term, billing), "2023-01-01", "USD"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("plan-not-available");
                    assertThat(e.rule()).isEqualTo("R-A2");
                });
    }

    @Test
    void no_price_before_the_first_entry() {
        assertThatThrownBy(() -> resolve(M365_E3, P3Y_TRIENNIAL, "2021-12-31T23:59:59Z", "USD"))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.code()).isEqualTo("plan-not-available"));
    }
}
