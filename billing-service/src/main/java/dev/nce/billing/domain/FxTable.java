package dev.nce.billing.domain;

import dev.nce.contracts.catalog.FxRate;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * D13: the rate in force at 00:00Z on the first day of the invoiced month; a rate is units of the billing currency per
 * 1 USD (the catalog's pricing currency). A line priced in the billing currency itself needs no rate (FX = 1). A
 * missing rate is never guessed: the lookup is empty and the customer gets no invoice for the period.
 */
public final class FxTable {

    public static final String BASE_CURRENCY = "USD";

    private final List<FxRate> rates;

    public FxTable(List<FxRate> rates) {
        this.rates = new ArrayList<>(rates);
        this.rates.sort(Comparator.comparing(FxRate::currency).thenComparing(FxRate::effectiveFrom));
    }

    public static FxTable empty() { return new FxTable(List.of()); }

    /** The factor converting {@code pricingCurrency} amounts of {@code period} into {@code billingCurrency}. */
    public Optional<AppliedFx> lookup(String billingCurrency, String pricingCurrency, BillingPeriod period) {
        if (billingCurrency.equals(pricingCurrency)) {
            return Optional.of(AppliedFx.NONE);
        }
        LocalDate on = period.firstDay();
        Optional<FxRate> billing = rateOn(billingCurrency, on);
        Optional<FxRate> pricing = rateOn(pricingCurrency, on);
        if (billing.isEmpty() || pricing.isEmpty()) {
            return Optional.empty();
        }
        if (BASE_CURRENCY.equals(pricingCurrency)) {
            return Optional.of(AppliedFx.of(billing.get().rate(), billing.get().effectiveFrom()));
        }
        // a cross rate through USD (a price list in neither currency); dated by the later of the two rates
        LocalDate date = latest(billing.get().effectiveFrom(), pricing.get().effectiveFrom());
        return Optional.of(new AppliedFx(billing.get().rate(), pricing.get().rate(), date));
    }

    /** The rate of one currency in force on a date; USD is 1 by definition. */
    public Optional<FxRate> rateOn(String currency, LocalDate on) {
        if (BASE_CURRENCY.equals(currency)) {
            return Optional.of(new FxRate(currency, BigDecimal.ONE, null));
        }
        FxRate found = null;
        for (FxRate rate : rates) {
            if (rate.currency().equals(currency) && !rate.effectiveFrom().isAfter(on)) {
                found = rate;
            }
        }
        return Optional.ofNullable(found);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }
}
