package dev.nce.contracts.events;

import java.util.List;

/**
 * A customer's master data for invoicing (API.md "Customers", NCE-RULES D23/D24), carried by CustomerCreated and
 * CustomerUpdated so billing and notification never call subscription-service. Unset fields are null.
 * {@code taxExempt} is NONE, EXEMPT or REVERSE; {@code paymentTermsDays} 0..120 (null means the default 30).
 */
public record CustomerDetails(String legalName, Address address, List<TaxId> taxIds, String taxExempt,
                              Integer paymentTermsDays, String microsoftTenantId, List<String> billingContactEmails) {

    /** A postal address; {@code country} is ISO 3166-1 alpha-2. */
    public record Address(String line1, String line2, String city, String region, String postalCode, String country) {}

    /** A tax identifier: type EU_VAT, GB_VAT, AU_ABN, NZ_GST, CA_GST, US_EIN or OTHER, value normalised. */
    public record TaxId(String type, String value) {}

    public static final CustomerDetails NONE = new CustomerDetails(null, null, null, null, null, null, null);
}
