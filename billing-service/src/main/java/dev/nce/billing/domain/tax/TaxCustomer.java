package dev.nce.billing.domain.tax;

import java.util.List;
import java.util.Optional;

/**
 * What D23 and D24 need of a customer (billing's copy of its master data, from the customer events): names, address,
 * tax ids, {@code taxExempt} NONE/EXEMPT/REVERSE and {@code paymentTermsDays} (null: the default 30).
 */
public record TaxCustomer(String name, String legalName, PostalAddress address, List<TaxIdentifier> taxIds,
                          String taxExempt, Integer paymentTermsDays) {

    public record TaxIdentifier(String type, String value) {}

    /** D24 default payment terms. */
    public static final int DEFAULT_PAYMENT_TERMS_DAYS = 30;

    public TaxCustomer {
        taxIds = taxIds == null ? List.of() : List.copyOf(taxIds);
    }

    /** A customer billing knows only by id (no CustomerCreated seen, or none with master data). */
    public static TaxCustomer unknown(String name) {
        return new TaxCustomer(name, null, null, List.of(), null, null);
    }

    public int paymentTerms() {
        return paymentTermsDays == null ? DEFAULT_PAYMENT_TERMS_DAYS : paymentTermsDays;
    }

    public String country() {
        return address == null ? null : address.country();
    }

    public Optional<String> taxIdOfType(String type) {
        return taxIds.stream().filter(t -> t.type().equals(type)).map(TaxIdentifier::value).findFirst();
    }

    /** The tax id printed for this customer: an EU VAT id, else an ABN, else the first one. */
    public String printedTaxId() {
        return taxIdOfType("EU_VAT").or(() -> taxIdOfType("AU_ABN"))
                .orElse(taxIds.isEmpty() ? null : taxIds.get(0).value());
    }
}
