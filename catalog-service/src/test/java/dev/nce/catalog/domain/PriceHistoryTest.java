package dev.nce.catalog.domain;

import static dev.nce.catalog.domain.TestOffers.P1M_MONTHLY;
import static dev.nce.catalog.domain.TestOffers.planPrice;
import static dev.nce.catalog.domain.TestOffers.price;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.OfferPrice;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** API.md catalog-service: a PUT may add or change entries effective after now; earlier ones are history (409). */
class PriceHistoryTest {

    static final Instant NOW = Instant.parse("2022-03-01T10:00:00Z");
    static final List<OfferPrice> BEFORE = List.of(
            price("2022-01-01", "USD", "32.00", null, planPrice(P1M_MONTHLY, "38.40")),
            price("2022-03-01", "USD", "36.00", null),
            price("2022-06-01", "USD", "37.00", null));

    static void assertRefused(List<OfferPrice> after) {
        assertThatThrownBy(() -> PriceHistory.checkChange(BEFORE, after, NOW))
                .isInstanceOfSatisfying(RuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid-state");
                    assertThat(e.details()).containsEntry("field", "prices");
                });
    }

    @Test
    void the_same_history_written_differently_is_no_change() {
        List<OfferPrice> same = List.of(
                price("2022-06-01", "USD", "37", null),
                price("2022-03-01", "USD", "36.0000", null),
                price("2022-01-01", "USD", "32", null, planPrice(P1M_MONTHLY, "38.4")));
        assertThatCode(() -> PriceHistory.checkChange(BEFORE, same, NOW)).doesNotThrowAnyException();
    }

    @Test
    void future_entries_may_be_changed_removed_or_added() {
        assertThatCode(() -> PriceHistory.checkChange(BEFORE, List.of(BEFORE.get(0), BEFORE.get(1),
                price("2022-06-01", "USD", "38.00", null), price("2022-04-01", "AUD", "50", null)), NOW))
                .doesNotThrowAnyException();
        assertThatCode(() -> PriceHistory.checkChange(BEFORE, BEFORE.subList(0, 2), NOW)).doesNotThrowAnyException();
    }

    @Test
    void an_entry_in_effect_cannot_be_changed() {
        // 2022-03-01 00:00Z is before now (10:00 that day): in effect
        assertRefused(List.of(BEFORE.get(0), price("2022-03-01", "USD", "35.00", null), BEFORE.get(2)));
        assertRefused(List.of(price("2022-01-01", "USD", "32.00", null), BEFORE.get(1), BEFORE.get(2)));
    }

    @Test
    void an_entry_in_effect_cannot_be_removed() {
        assertRefused(List.of(BEFORE.get(1), BEFORE.get(2)));
    }

    @Test
    void a_back_dated_entry_cannot_be_added() {
        assertRefused(List.of(BEFORE.get(0), BEFORE.get(1), BEFORE.get(2), price("2022-02-01", "AUD", "45", null)));
        assertRefused(List.of(BEFORE.get(0), BEFORE.get(1), BEFORE.get(2), price("2022-03-01", "AUD", "45", null)));
    }

    @Test
    void an_entry_from_tomorrow_is_not_in_effect_yet() {
        assertThat(PriceHistory.inEffect(price("2022-03-02", "USD", "1", null), NOW)).isFalse();
        assertThat(PriceHistory.inEffect(price("2022-03-01", "USD", "1", null), NOW)).isTrue();
        assertThat(PriceHistory.inEffect(price("2022-03-01", "USD", "1", null), Instant.parse("2022-03-01T00:00:00Z"))).isTrue();
    }
}
