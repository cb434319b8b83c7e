package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.contracts.catalog.PromotionData.DiscountType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromotionEligibilityTest {

    static final String E3 = "CFQ7TTC0LFLX:0001";
    static final Plan P1Y_MONTHLY = Plan.of(Term.P1Y, BillingFrequency.MONTHLY);
    static final Plan P1Y_ANNUAL = Plan.of(Term.P1Y, BillingFrequency.ANNUAL);
    static final LocalDate FROM = LocalDate.of(2022, 2, 1);
    static final LocalDate UNTIL = LocalDate.of(2022, 2, 28);

    static PromotionData promo(String id, DiscountType type, String value, Integer min, Integer max, boolean autoApply,
                               LocalDate discountUntil) {
        return new PromotionData(id, "Promo " + id, List.of(E3), List.of(P1Y_MONTHLY), type, new BigDecimal(value), min, max,
                FROM, UNTIL, discountUntil, autoApply, 1);
    }

    static PromotionData percent(String id, String value) {
        return promo(id, DiscountType.PERCENT, value, 1, 300, true, null);
    }

    static PromotionEligibility.Transaction tx(int quantity, LocalDate date) {
        return new PromotionEligibility.Transaction(E3, P1Y_MONTHLY, quantity, date);
    }

    @ParameterizedTest(name = "R-K2 acquisition window [2022-02-01, 2022-02-28] inclusive: {0} -> {1}")
    @CsvSource({"2022-01-31, false", "2022-02-01, true", "2022-02-28, true", "2022-03-01, false"})
    void rK2_transaction_date_inside_the_inclusive_window(String date, boolean eligible) {
        assertThat(PromotionEligibility.eligible(percent("P1", "15"), tx(10, LocalDate.parse(date)))).isEqualTo(eligible);
    }

    @ParameterizedTest(name = "R-K2 seats 5..50: {0} -> {1}")
    @CsvSource({"4, false", "5, true", "50, true", "51, false"})
    void rK2_quantity_within_min_and_max(int quantity, boolean eligible) {
        PromotionData p = promo("P1", DiscountType.PERCENT, "15", 5, 50, true, null);
        assertThat(PromotionEligibility.eligible(p, tx(quantity, FROM))).isEqualTo(eligible);
    }

    @Test
    void rK2_above_the_max_the_whole_transaction_gets_no_discount_not_split() {
        PromotionData p = promo("P1", DiscountType.PERCENT, "15", 1, 50, true, null);
        assertThat(PromotionEligibility.bestAutoApply(List.of(p), tx(51, FROM), new BigDecimal("36.00"), "USD")).isEmpty();
        assertThatThrownBy(() -> PromotionEligibility.requireEligible(p, tx(51, FROM)))
                .isInstanceOfSatisfying(RuleViolation.class, v -> {
                    assertThat(v.code()).isEqualTo("promotion-not-eligible");
                    assertThat(v.rule()).isEqualTo("R-K2");
                    assertThat(v.details()).containsEntry("field", "promotionId");
                    assertThat(v.getMessage()).contains("above maxSeats 50");
                });
    }

    @Test
    void rK2_offer_and_plan_must_be_listed_and_the_detail_names_the_failed_condition() {
        PromotionData p = percent("P1", "15");
        assertThat(PromotionEligibility.ineligibility(p, new PromotionEligibility.Transaction("CFQ7TTC0OTHR:0001",
                P1Y_MONTHLY, 10, FROM))).hasValue("offer CFQ7TTC0OTHR:0001 is not listed");
        assertThat(PromotionEligibility.ineligibility(p, new PromotionEligibility.Transaction(E3, P1Y_ANNUAL, 10, FROM)))
                .hasValue("plan P1Y/ANNUAL is not listed");
        assertThat(PromotionEligibility.ineligibility(p, tx(10, LocalDate.of(2022, 3, 1))))
                .hasValue("the transaction date 2022-03-01 is outside the acquisition window 2022-02-01..2022-02-28");
        assertThatCode(() -> PromotionEligibility.requireEligible(p, tx(10, FROM))).doesNotThrowAnyException();
    }

    @Test
    void rK7_a_discount_that_ended_before_the_transaction_date_is_not_eligible() {
        PromotionData p = new PromotionData("BEMO", "BEMO", List.of(E3), List.of(P1Y_MONTHLY), DiscountType.PERCENT,
                new BigDecimal("10"), null, null, FROM, LocalDate.of(2022, 12, 31), LocalDate.of(2022, 6, 30), true, 1);
        assertThat(PromotionEligibility.eligible(p, tx(10, LocalDate.of(2022, 6, 30)))).isTrue();
        assertThat(PromotionEligibility.ineligibility(p, tx(10, LocalDate.of(2022, 7, 1))))
                .hasValue("the discount ended on 2022-06-30");
        // the applied promotion carries its fixed discount end (billing charges listUnitPrice from 2022-07-01)
        PromotionEligibility.Applied a = PromotionEligibility.apply(p, new BigDecimal("36.00"), "USD");
        assertThat(a.discountUntil()).isEqualTo(LocalDate.of(2022, 6, 30));
        assertThat(a.maxSeats()).isNull();
    }

    @ParameterizedTest(name = "D2 {0} {1} of {2} {3} -> {4}")
    @CsvSource({
            "PERCENT, 15,    36.00, USD, 30.60",   // 36.00 x 0.85
            "PERCENT, 10,    13.13, USD, 11.82",   // 12.50 x 1.05 = 13.13 (D2), then 13.13 x 0.90 = 11.817 -> 11.82
            "PERCENT, 12.5,  20.00, USD, 17.50",
            "PERCENT, 33,    10.05, USD, 6.73",    // 6.7335 -> 6.73
            "PERCENT, 100,   36.00, USD, 0.00",
            "FIXED,   5.25,  36.00, USD, 30.75",   // per seat per month
            "FIXED,   40,    36.00, USD, 0.00",    // never below 0
            "PERCENT, 15,    3700,  JPY, 3145",    // minor unit 0
            "PERCENT, 15,    3701,  JPY, 3146",    // 3145.85 -> 3146
    })
    void d2_discounted_unit_price_rounds_half_up_to_the_minor_unit(DiscountType type, String value, String list,
                                                                   String currency, String expected) {
        PromotionData p = promo("P1", type, value, null, null, true, null);
        assertThat(PromotionEligibility.discountedUnitPrice(p, new BigDecimal(list), currency))
                .isEqualByComparingTo(expected).hasScaleOf(new BigDecimal(expected).scale());
    }

    @Test
    void rK1_applied_promotion_keeps_the_quoted_list_price_and_the_max_seats() {
        PromotionEligibility.Applied a = PromotionEligibility.apply(promo("P1", DiscountType.PERCENT, "15", 1, 50, true, null),
                new BigDecimal("36.00"), "USD");
        assertThat(a.promotionId()).isEqualTo("P1");
        assertThat(a.unitPrice()).isEqualByComparingTo("30.60");
        assertThat(a.listUnitPrice()).isEqualByComparingTo("36.00");
        assertThat(a.maxSeats()).isEqualTo(50);
        assertThat(a.discountUntil()).isNull();
    }

    @Test
    void rK2_auto_apply_picks_the_lowest_price_then_the_smallest_promotion_id() {
        BigDecimal list = new BigDecimal("36.00");
        PromotionData tenPercent = percent("B-TEN", "10");             // 32.40
        PromotionData fixedFive = promo("A-FIVE", DiscountType.FIXED, "5", 1, 300, true, null);  // 31.00
        PromotionData notAuto = promo("0-MANUAL", DiscountType.PERCENT, "50", 1, 300, false, null); // 18.00 but manual
        PromotionData full = promo("Z-MAX10", DiscountType.PERCENT, "40", 1, 10, true, null);     // above max for 20
        assertThat(PromotionEligibility.bestAutoApply(List.of(tenPercent, fixedFive, notAuto, full), tx(20, FROM), list, "USD"))
                .map(PromotionEligibility.Applied::promotionId).hasValue("A-FIVE");
        // a tie on price: promotionId order, whatever the list order
        PromotionData fixedFiveToo = promo("AA-FIVE", DiscountType.FIXED, "5", 1, 300, true, null);
        assertThat(PromotionEligibility.bestAutoApply(List.of(fixedFiveToo, fixedFive), tx(20, FROM), list, "USD"))
                .map(PromotionEligibility.Applied::promotionId).hasValue("A-FIVE");
        assertThat(PromotionEligibility.bestAutoApply(List.of(notAuto), tx(20, FROM), list, "USD")).isEmpty();
    }

    @Test
    void rK4_renewal_keeps_the_same_promotion_while_eligible_even_if_another_is_cheaper() {
        BigDecimal list = new BigDecimal("36.00");
        PromotionData own = promo("OWN", DiscountType.PERCENT, "10", 1, 50, false, null);
        PromotionData cheaper = percent("CHEAPER", "20");
        Optional<PromotionEligibility.Applied> kept = PromotionEligibility.atRenewal("OWN", List.of(cheaper, own),
                tx(20, FROM), list, "USD");
        assertThat(kept).map(PromotionEligibility.Applied::unitPrice).hasValue(new BigDecimal("32.40"));
        assertThat(kept).map(PromotionEligibility.Applied::promotionId).hasValue("OWN");
        // the new term's quantity is above the own promotion's max: the best auto-apply one instead
        assertThat(PromotionEligibility.atRenewal("OWN", List.of(cheaper, own), tx(60, FROM), list, "USD"))
                .map(PromotionEligibility.Applied::promotionId).hasValue("CHEAPER");
        // no longer acquirable (not in the list) and nothing else: the regular price
        assertThat(PromotionEligibility.atRenewal("OWN", List.of(), tx(20, FROM), list, "USD")).isEmpty();
    }

    @Test
    void rK7_a_bemo_discount_continues_at_monthly_renewals_until_its_end_after_its_window() {
        // S003: P1M bought in February 2022 at the annual price (15.00 - 2.50), discount on invoices until 2022-06-30
        Plan p1m = Plan.of(Term.P1M, BillingFrequency.MONTHLY);
        PromotionData bemo = new PromotionData("BEMO-FEB22", "BEMO", List.of(E3), List.of(p1m), DiscountType.FIXED,
                new BigDecimal("2.50"), 1, 300, FROM, UNTIL, LocalDate.of(2022, 6, 30), true, 1);
        PromotionEligibility.Transaction march = new PromotionEligibility.Transaction(E3, p1m, 10, LocalDate.of(2022, 3, 14));
        assertThat(PromotionEligibility.eligible(bemo, march)).isFalse();            // not acquirable any more (R-K2)
        assertThat(PromotionEligibility.continuesAtRenewal(bemo, march)).isTrue();   // but it continues (R-K7)
        assertThat(PromotionEligibility.atRenewal("BEMO-FEB22", List.of(bemo), march, new BigDecimal("15.00"), "USD"))
                .map(PromotionEligibility.Applied::unitPrice).hasValue(new BigDecimal("12.50"));
        // the renewal on 2022-06-14 still gets it (billing charges list from 07-01); 07-14 does not
        PromotionEligibility.Transaction june = new PromotionEligibility.Transaction(E3, p1m, 10, LocalDate.of(2022, 6, 30));
        PromotionEligibility.Transaction july = new PromotionEligibility.Transaction(E3, p1m, 10, LocalDate.of(2022, 7, 14));
        assertThat(PromotionEligibility.continuesAtRenewal(bemo, june)).isTrue();
        assertThat(PromotionEligibility.atRenewal("BEMO-FEB22", List.of(bemo), july, new BigDecimal("15.00"), "USD")).isEmpty();
        // only the subscription's own promotion continues: another subscription's renewal cannot pick it up
        assertThat(PromotionEligibility.atRenewal(null, List.of(bemo), march, new BigDecimal("15.00"), "USD")).isEmpty();
        // a term-locked promotion (no discountUntil) never continues past its window (R-K4)
        assertThat(PromotionEligibility.continuesAtRenewal(percent("P1", "15"), tx(10, LocalDate.of(2022, 3, 14)))).isFalse();
        // seats above the max are a new transaction above it: no continuation (R-K2)
        assertThat(PromotionEligibility.continuesAtRenewal(bemo,
                new PromotionEligibility.Transaction(E3, p1m, 301, LocalDate.of(2022, 3, 14)))).isFalse();
    }
}
