package dev.nce.billing.domain.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * D23: which tax an invoice gets, in the rule's order: no seller profile or a customer without an address -> out of
 * scope (settled details: earlier totals stay as they are); customer EXEMPT -> 0 %, EXEMPT; customer REVERSE, or
 * seller and customer in different EU member states with a customer EU VAT id -> 0 %, REVERSE_CHARGE; seller
 * registered in the customer's country (and region where that country's rates are regional) -> the rate in force on
 * the issue date, STANDARD; otherwise OUT_OF_SCOPE 0 %. A registered seller without a rate in force is reported as
 * {@link MissingRate}: a rate is never guessed (the invoice waits, like a missing FX rate, D13).
 */
public final class TaxDetermination {

    /** EU member states by ISO 3166-1 alpha-2 (Greece GR; its VAT prefix EL is mapped when ids are read). */
    public static final Set<String> EU_MEMBER_STATES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "GR",
            "ES", "FI", "FR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");
    public static final String EXEMPT_CODE = "EXEMPT";
    public static final String REVERSE_CHARGE_CODE = "REVERSE_CHARGE";
    public static final String OUT_OF_SCOPE_CODE = "OUT_OF_SCOPE";

    /** The tax one group of lines carries: code, type (null at 0 % outside VAT), treatment and percent. */
    public record AppliedTax(String taxCode, TaxRate.TaxType taxType, TaxTreatment treatment, BigDecimal percent) {

        public static final AppliedTax OUT_OF_SCOPE = new AppliedTax(OUT_OF_SCOPE_CODE, null, TaxTreatment.OUT_OF_SCOPE,
                BigDecimal.ZERO);
        public static final AppliedTax EXEMPT = new AppliedTax(EXEMPT_CODE, null, TaxTreatment.EXEMPT, BigDecimal.ZERO);
        public static final AppliedTax REVERSE_CHARGE = new AppliedTax(REVERSE_CHARGE_CODE, TaxRate.TaxType.VAT,
                TaxTreatment.REVERSE_CHARGE, BigDecimal.ZERO);

        public static AppliedTax of(TaxRate rate) {
            return new AppliedTax(rate.code(), rate.taxType(), TaxTreatment.STANDARD, rate.percent());
        }
    }

    public sealed interface Result permits Determined, MissingRate {}

    public record Determined(AppliedTax tax) implements Result {}

    public record MissingRate(String country, String region, LocalDate on) implements Result {}

    private TaxDetermination() {}

    public static Result determine(Optional<SellerProfile> seller, TaxCustomer customer, List<TaxRate> rates,
                                   LocalDate issueDate) {
        if (seller.isEmpty() || seller.get().country() == null || customer.country() == null) {
            return new Determined(AppliedTax.OUT_OF_SCOPE);
        }
        if ("EXEMPT".equals(customer.taxExempt())) {
            return new Determined(AppliedTax.EXEMPT);
        }
        String sellerCountry = upper(seller.get().country());
        String customerCountry = upper(customer.country());
        boolean crossBorderEu = EU_MEMBER_STATES.contains(sellerCountry) && EU_MEMBER_STATES.contains(customerCountry)
                && !sellerCountry.equals(customerCountry) && customer.taxIdOfType("EU_VAT").isPresent();
        if ("REVERSE".equals(customer.taxExempt()) || crossBorderEu) {
            return new Determined(AppliedTax.REVERSE_CHARGE);
        }
        String region = customer.address().region();
        // a registration for the customer's region, or one without region (it covers the whole country)
        if (seller.get().registrationFor(customerCountry, region).isEmpty()) {
            return new Determined(AppliedTax.OUT_OF_SCOPE);
        }
        Optional<TaxRate> rate = regionalRate(rates, customerCountry, region, issueDate)
                .or(() -> rates.stream().filter(r -> r.country().equalsIgnoreCase(customerCountry) && r.region() == null
                        && r.inForceOn(issueDate)).findFirst());
        return rate.<Result>map(r -> new Determined(AppliedTax.of(r)))
                .orElseGet(() -> new MissingRate(customerCountry, region, issueDate));
    }

    private static Optional<TaxRate> regionalRate(List<TaxRate> rates, String country, String region, LocalDate on) {
        if (region == null) {
            return Optional.empty();
        }
        return rates.stream().filter(r -> r.country().equalsIgnoreCase(country) && r.region() != null
                && r.region().equalsIgnoreCase(region) && r.inForceOn(on)).findFirst();
    }

    private static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }
}
