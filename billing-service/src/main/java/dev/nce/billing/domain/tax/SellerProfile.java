package dev.nce.billing.domain.tax;

import java.util.List;
import java.util.Optional;

/**
 * The partner's legal entity as it invoices (API.md "Tax, seller and invoices"): its address (the country decides
 * "seller in an EU member state", D23), its tax registrations per country (and region), contact, payment
 * instructions and invoice footer.
 */
public record SellerProfile(String legalName, PostalAddress address, List<TaxRegistration> taxRegistrations,
                            String email, String phone, String paymentInstructions, String invoiceFooter) {

    public record TaxRegistration(String country, String region, String taxId) {}

    public SellerProfile {
        taxRegistrations = taxRegistrations == null ? List.of() : List.copyOf(taxRegistrations);
    }

    public String country() {
        return address == null ? null : address.country();
    }

    /** The registration covering {@code country} and {@code region} (a registration without region covers all). */
    public Optional<TaxRegistration> registrationFor(String country, String region) {
        Optional<TaxRegistration> regional = taxRegistrations.stream()
                .filter(r -> r.country().equalsIgnoreCase(country) && r.region() != null && r.region().equalsIgnoreCase(region))
                .findFirst();
        return regional.isPresent() ? regional : taxRegistrations.stream()
                .filter(r -> r.country().equalsIgnoreCase(country) && r.region() == null).findFirst();
    }

    /** Settled details: the invoice's seller.taxId is the registration for the customer's country, else the home one. */
    public String taxIdFor(String customerCountry, String customerRegion) {
        if (customerCountry != null) {
            Optional<TaxRegistration> there = registrationFor(customerCountry, customerRegion);
            if (there.isPresent()) {
                return there.get().taxId();
            }
        }
        return country() == null ? null : registrationFor(country(), address.region()).map(TaxRegistration::taxId)
                .orElse(null);
    }
}
