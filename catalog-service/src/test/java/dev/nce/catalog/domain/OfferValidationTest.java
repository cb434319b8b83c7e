package dev.nce.catalog.domain;

import static dev.nce.catalog.domain.TestOffers.P1M_MONTHLY;
import static dev.nce.catalog.domain.TestOffers.P1Y_ANNUAL;
import static dev.nce.catalog.domain.TestOffers.P1Y_MONTHLY;
import static dev.nce.catalog.domain.TestOffers.P3Y_ANNUAL;
import static dev.nce.catalog.domain.TestOffers.P3Y_TRIENNIAL;
import static dev.nce.catalog.domain.TestOffers.offer;
import static dev.nce.catalog.domain.TestOffers.plan;
import static dev.nce.catalog.domain.TestOffers.planPrice;
import static dev.nce.catalog.domain.TestOffers.price;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.OfferData;
import java.util.List;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OfferValidationTest {

    static void assertRefused(OfferData offer, String code, String field) {
        assertThatThrownBy(() -> {
            OfferValidation.validate(offer);
            OfferValidation.requireSellablePlans(offer.plans());
        }).isInstanceOfSatisfying(RuleViolation.class, e -> {
            Assertions.assertThat(e.code()).isEqualTo(code);
            Assertions.assertThat(e.details().get("field")).isEqualTo(field);
        });
    }

    @Test
    void a_complete_offer_passes() {
        OfferData offer = offer(List.of(P1M_MONTHLY, P1Y_MONTHLY, P1Y_ANNUAL, P3Y_ANNUAL),
                price("2022-01-01", "USD", "36", "34", planPrice(P1M_MONTHLY, "43.20")),
                price("2022-01-01", "AUD", "49.0000", "47"));
        assertThatCode(() -> OfferValidation.validate(offer)).doesNotThrowAnyException();
        assertThatCode(() -> OfferValidation.requireSellablePlans(offer.plans())).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "R-A2 {0}/{1} in plans is 422")
    @CsvSource({"P1M, ANNUAL", "P1M, TRIENNIAL", "P1Y, TRIENNIAL"})
    void r_a2_never_valid_plan_is_plan_not_available(String term, String billing) {
        assertRefused(offer(List.of(P1Y_ANNUAL, plan(term, billing)), price("2022-01-01", "USD", "36", "30")),
                "plan-not-available", "plans[1]");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "negative base,              prices[0].basePrice",
            "five decimals,              prices[0].basePrice",
            "negative p3y base,          prices[0].p3yBasePrice",
            "negative plan price,        prices[0].planPrices[0].unitPrice",
            "plan price for unsold plan, prices[0].planPrices[0]",
            "plan priced twice,          prices[0].planPrices[1]",
            "P3Y plan without P3Y price, prices[0].p3yBasePrice",
            "bad currency,               prices[0].currency",
            "lower-case currency,        prices[0].currency",
            "duplicate entry,            prices[1]",
            "no USD list,                prices",
            "no prices,                  prices",
            "no plans,                   plans",
            "duplicate plan,             plans[1]",
    })
    void every_field_is_validated(String caseName, String field) {
        List<Plan> oneYear = List.of(P1Y_ANNUAL);
        OfferData offer = switch (caseName) {
            case "negative base" -> offer(oneYear, price("2022-01-01", "USD", "-1", null));
            case "five decimals" -> offer(oneYear, price("2022-01-01", "USD", "36.00001", null));
            case "negative p3y base" -> offer(oneYear, price("2022-01-01", "USD", "36", "-0.01"));
            case "negative plan price" -> offer(oneYear, price("2022-01-01", "USD", "36", null, planPrice(P1Y_ANNUAL, "-5")));
            case "plan price for unsold plan" -> offer(oneYear, price("2022-01-01", "USD", "36", null, planPrice(P1M_MONTHLY, "43")));
            case "plan priced twice" -> offer(oneYear, price("2022-01-01", "USD", "36", null,
                    planPrice(P1Y_ANNUAL, "36"), planPrice(P1Y_ANNUAL, "37")));
            case "P3Y plan without P3Y price" -> offer(List.of(P1Y_ANNUAL, P3Y_TRIENNIAL), price("2022-01-01", "USD", "36", null));
            case "bad currency" -> offer(oneYear, price("2022-01-01", "XXQ", "36", null));
            case "lower-case currency" -> offer(oneYear, price("2022-01-01", "usd", "36", null));
            case "duplicate entry" -> offer(oneYear, price("2022-01-01", "USD", "36", null), price("2022-01-01", "USD", "37", null));
            case "no USD list" -> offer(oneYear, price("2022-01-01", "AUD", "36", null));
            case "no prices" -> offer(oneYear);
            case "no plans" -> offer(List.of(), price("2022-01-01", "USD", "36", null));
            case "duplicate plan" -> offer(List.of(P1Y_ANNUAL, P1Y_ANNUAL), price("2022-01-01", "USD", "36", null));
            default -> throw new IllegalArgumentException(caseName);
        };
        assertRefused(offer, "validation-failed", field);
    }

    @Test
    void r_a4_a_p3y_plan_price_stands_in_for_the_p3y_base() {
        OfferData offer = offer(List.of(P1Y_ANNUAL, P3Y_TRIENNIAL),
                price("2022-01-01", "USD", "36", null, planPrice(P3Y_TRIENNIAL, "33")));
        assertThatCode(() -> OfferValidation.validate(offer)).doesNotThrowAnyException();
        // but every entry needs it: a second entry without either is refused
        OfferData second = offer(List.of(P1Y_ANNUAL, P3Y_TRIENNIAL),
                price("2022-01-01", "USD", "36", null, planPrice(P3Y_TRIENNIAL, "33")),
                price("2023-01-01", "USD", "37", null));
        assertRefused(second, "validation-failed", "prices[1].p3yBasePrice");
    }

    @Test
    void zero_and_four_decimal_prices_are_accepted() {
        OfferData offer = offer(List.of(P1Y_ANNUAL), price("2022-01-01", "USD", "0.0000", null),
                price("2023-01-01", "USD", "12.3456", null));
        assertThatCode(() -> OfferValidation.validate(offer)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "upgrade path {0} -> {1}")
    @CsvSource({
            "'CFQ7TTC0LFLZ:0001',  upgradePaths[0]",   // itself
            "'not an id',          upgradePaths[0]",
            "'',                   upgradePaths[0]",
    })
    void upgrade_paths_are_offer_ids_other_than_itself(String target, String field) {
        OfferData base = offer(List.of(P1Y_ANNUAL), price("2022-01-01", "USD", "36", null));
        OfferData offer = new OfferData(base.offerId(), base.name(), base.productFamily(), base.plans(), base.prices(),
                null, true, true, false, List.of(target), 1);
        assertRefused(offer, "validation-failed", field);
    }

    @Test
    void an_upgrade_path_listed_twice_is_refused() {
        OfferData base = offer(List.of(P1Y_ANNUAL), price("2022-01-01", "USD", "36", null));
        OfferData offer = new OfferData(base.offerId(), base.name(), base.productFamily(), base.plans(), base.prices(),
                null, true, true, false, List.of("CFQ7TTC0LDPB:0001", "CFQ7TTC0LDPB:0001"), 1);
        assertRefused(offer, "validation-failed", "upgradePaths[1]");
    }
}
