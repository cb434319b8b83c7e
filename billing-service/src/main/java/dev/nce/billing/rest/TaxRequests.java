package dev.nce.billing.rest;

import dev.nce.billing.domain.tax.PostalAddress;
import dev.nce.billing.domain.tax.SellerProfile;
import dev.nce.billing.domain.tax.TaxRate;
import dev.nce.contracts.RuleViolation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Request bodies of the tax-rate and seller-profile endpoints (API.md "Tax, seller and invoices"). */
final class TaxRequests {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** The treatment codes of 0 % tax lines: not available as rate codes. */
    private static final Set<String> RESERVED = Set.of("EXEMPT", "REVERSE_CHARGE", "OUT_OF_SCOPE");

    private TaxRequests() {}

    public record TaxRateBody(@NotBlank @Size(max = 2) String country, @Size(max = 64) String region,
                              @NotNull TaxRate.TaxType taxType, @NotBlank @Size(max = 200) String name,
                              @NotNull BigDecimal percent, @NotNull LocalDate effectiveFrom, LocalDate effectiveTo) {

        TaxRate toRate(String code) {
            if (code == null || !CODE.matcher(code).matches() || RESERVED.contains(code.toUpperCase(Locale.ROOT))) {
                throw RuleViolation.invalidField("code", "a rate code is 1 to 64 letters, digits, '_', '.' or '-' "
                        + "and not EXEMPT, REVERSE_CHARGE or OUT_OF_SCOPE");
            }
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw RuleViolation.invalidField("percent", "percent must be between 0 and 100 (10 means 10 %)");
            }
            if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
                throw RuleViolation.invalidField("effectiveTo", "effectiveTo must not be before effectiveFrom");
            }
            return new TaxRate(code, isoCountry(country, "country"), blankToNull(region), taxType, name.trim(), percent,
                    effectiveFrom, effectiveTo);
        }
    }

    public record AddressBody(@NotBlank @Size(max = 200) String line1, @Size(max = 200) String line2,
                              @NotBlank @Size(max = 200) String city, @Size(max = 200) String region,
                              @Size(max = 64) String postalCode, @NotBlank @Size(max = 2) String country) {

        PostalAddress toAddress() {
            return new PostalAddress(line1.trim(), blankToNull(line2), city.trim(), blankToNull(region),
                    blankToNull(postalCode), isoCountry(country, "address.country"));
        }
    }

    public record RegistrationBody(@NotBlank @Size(max = 2) String country, @Size(max = 64) String region,
                                   @NotBlank @Size(max = 64) String taxId) {}

    public record SellerProfileBody(@NotBlank @Size(max = 200) String legalName, @NotNull @Valid AddressBody address,
                                    @Size(max = 50) List<@NotNull @Valid RegistrationBody> taxRegistrations,
                                    @Size(max = 254) String email, @Size(max = 64) String phone,
                                    @Size(max = 1000) String paymentInstructions,
                                    @Size(max = 1000) String invoiceFooter) {

        SellerProfile toProfile() {
            if (email != null && !EMAIL.matcher(email.trim()).matches()) {
                throw RuleViolation.invalidField("email", "not an e-mail address: " + email);
            }
            List<SellerProfile.TaxRegistration> registrations = new java.util.ArrayList<>();
            if (taxRegistrations != null) {
                for (int i = 0; i < taxRegistrations.size(); i++) {
                    RegistrationBody r = taxRegistrations.get(i);
                    registrations.add(new SellerProfile.TaxRegistration(
                            isoCountry(r.country(), "taxRegistrations[" + i + "].country"), blankToNull(r.region()),
                            r.taxId().trim().toUpperCase(Locale.ROOT).replaceAll("\\s", "")));
                }
            }
            return new SellerProfile(legalName.trim(), address.toAddress(), registrations,
                    blankToNull(email), blankToNull(phone), blankToNull(paymentInstructions), blankToNull(invoiceFooter));
        }
    }

    static String isoCountry(String raw, String field) {
        String country = raw.trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw RuleViolation.invalidField(field, "not an ISO 3166-1 alpha-2 country: " + raw);
        }
        return country;
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
