package dev.nce.catalog.domain;

import static dev.nce.catalog.domain.TestOffers.P1M_MONTHLY;
import static dev.nce.catalog.domain.TestOffers.P1Y_ANNUAL;
import static dev.nce.catalog.domain.TestOffers.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.contracts.catalog.PromotionData.DiscountType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromotionRulesTest {

    static final String STANDARD = "CFQ7TTC0LDPB:0001";

    /** S003 / R-K7: BEMO's February 2022 promotion, 12.50 instead of 15.00 on the monthly term, until 2022-06-30. */
    static PromotionData bemo(DiscountType type, String value, Integer min, Integer max, String from, String until,
                              String discountUntil, List<String> offers, List<Plan> plans) {
        return new PromotionData("BEMO-NCE-2022-02", "BEMO NCE launch", offers, plans, type, new BigDecimal(value), min,
                max, LocalDate.parse(from), LocalDate.parse(until), discountUntil == null ? null : LocalDate.parse(discountUntil),
                true, 1);
    }

    static PromotionData bemo() {
        return bemo(DiscountType.FIXED, "2.50", 1, 300, "2022-02-01", "2022-02-28", "2022-06-30", List.of(STANDARD),
                List.of(P1M_MONTHLY));
    }

    @Test
    void r_k7_the_bemo_promotion_is_valid() {
        assertThatCode(() -> PromotionRules.validate(bemo())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "R-K2 acquirable on {0}: {1}")
    @CsvSource({"2022-01-31, false", "2022-02-01, true", "2022-02-28, true", "2022-03-01, false"})
    void r_k2_acquisition_window_is_inclusive(String date, boolean acquirable) {
        assertThat(PromotionRules.acquirableOn(bemo(), LocalDate.parse(date))).isEqualTo(acquirable);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "zero discount,          discount.value",
            "percent above 100,      discount.value",
            "five decimals,          discount.value",
            "min seats 0,            minSeats",
            "max below min,          maxSeats",
            "until before from,      acquireUntil",
            "discount ends too soon, discountUntil",
            "no offers,              offerIds",
            "bad offer id,           offerIds[0]",
            "offer twice,            offerIds[1]",
            "no plans,               plans",
            "plan twice,             plans[1]",
    })
    void every_field_is_validated(String what, String field) {
        PromotionData p = switch (what) {
            case "zero discount" -> bemo(DiscountType.FIXED, "0", 1, 300, "2022-02-01", "2022-02-28", null, List.of(STANDARD), List.of(P1M_MONTHLY));
            case "percent above 100" -> bemo(DiscountType.PERCENT, "100.01", 1, 300, "2022-02-01", "2022-02-28", null, List.of(STANDARD), List.of(P1M_MONTHLY));
            case "five decimals" -> bemo(DiscountType.FIXED, "2.00001", 1, 300, "2022-02-01", "2022-02-28", null, List.of(STANDARD), List.of(P1M_MONTHLY));
            case "min seats 0" -> bemo(DiscountType.FIXED, "2", 0, 300, "2022-02-01", "2022-02-28", null, List.of(STANDARD), List.of(P1M_MONTHLY));
            case "max below min" -> bemo(DiscountType.FIXED, "2", 10, 5, "2022-02-01", "2022-02-28", null, List.of(STANDARD), List.of(P1M_MONTHLY));
            case "until before from" -> bemo(DiscountType.FIXED, "2", 1, 300, "2022-02-01", "2022-01-31", null, List.of(STANDARD), List.of(P1M_MONTHLY));
            case "discount ends too soon" -> bemo(DiscountType.FIXED, "2", 1, 300, "2022-02-01", "2022-02-28", "2022-01-15", List.of(STANDARD), List.of(P1M_MONTHLY));
            case "no offers" -> bemo(DiscountType.FIXED, "2", 1, 300, "2022-02-01", "2022-02-28", null, List.of(), List.of(P1M_MONTHLY));
            case "bad offer id" -> bemo(DiscountType.FIXED, "2", 1, 300, "2022-02-01", "2022-02-28", null, List.of("nope"), List.of(P1M_MONTHLY));
            case "offer twice" -> bemo(DiscountType.FIXED, "2", 1, 300, "2022-02-01", "2022-02-28", null, List.of(STANDARD, STANDARD), List.of(P1M_MONTHLY));
            case "no plans" -> bemo(DiscountType.FIXED, "2", 1, 300, "2022-02-01", "2022-02-28", null, List.of(STANDARD), List.of());
            case "plan twice" -> bemo(DiscountType.FIXED, "2", 1, 300, "2022-02-01", "2022-02-28", null, List.of(STANDARD), List.of(P1M_MONTHLY, P1M_MONTHLY));
            default -> throw new IllegalArgumentException(what);
        };
        assertThatThrownBy(() -> PromotionRules.validate(p)).isInstanceOfSatisfying(RuleViolation.class, e -> {
            assertThat(e.code()).isEqualTo("validation-failed");
            assertThat(e.details()).containsEntry("field", field);
        });
    }

    @Test
    void r_a2_r_a3_plans_must_be_valid_and_sold_by_one_of_the_offers() {
        Map<String, List<Plan>> sold = Map.of(STANDARD, List.of(P1M_MONTHLY, P1Y_ANNUAL));
        assertThatCode(() -> PromotionRules.requireSoldPlans(bemo(), sold::get)).doesNotThrowAnyException();
        PromotionData neverValid = bemo(DiscountType.PERCENT, "10", null, null, "2022-02-01", "2022-02-28", null,
                List.of(STANDARD), List.of(P1M_MONTHLY, plan("P1M", "ANNUAL")));
        assertThatThrownBy(() -> PromotionRules.requireSoldPlans(neverValid, sold::get))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("plan-not-available");
                    assertThat(e.rule()).isEqualTo("R-A2");
                    assertThat(e.details()).containsEntry("field", "plans[1]");
                });
        PromotionData notSold = bemo(DiscountType.PERCENT, "10", null, null, "2022-02-01", "2022-02-28", null,
                List.of(STANDARD), List.of(plan("P3Y", "TRIENNIAL")));
        assertThatThrownBy(() -> PromotionRules.requireSoldPlans(notSold, sold::get))
                .isInstanceOfSatisfying(RuleViolation.class, e -> assertThat(e.rule()).isEqualTo("R-A3"));
    }
}
