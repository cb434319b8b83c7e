package dev.nce.subscription.rest;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.events.CustomerDetails;
import dev.nce.subscription.domain.TaxIdSyntax;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The semantic checks of a customer's master data (API.md "Customers") after Bean Validation: country codes, tax id
 * syntax ({@link TaxIdSyntax}; a bad one is 400 with field {@code taxIds[i].value}), the Microsoft tenant GUID and
 * the billing contact e-mails. Answers the normalised {@link CustomerDetails}.
 */
final class CustomerDetailsInput {

    static final Set<String> FIELDS = Set.of("legalName", "address", "taxIds", "taxExempt", "paymentTermsDays",
            "microsoftTenantId", "billingContactEmails");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern GUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private CustomerDetailsInput() {}

    static CustomerDetails checked(Requests.CustomerDetailsBody body) {
        String legalName = blankToNull(body.legalName());
        CustomerDetails.Address address = body.address() == null ? null : address(body.address());
        List<CustomerDetails.TaxId> taxIds = null;
        if (body.taxIds() != null) {
            taxIds = new ArrayList<>();
            for (int i = 0; i < body.taxIds().size(); i++) {
                Requests.TaxIdBody id = body.taxIds().get(i);
                TaxIdSyntax.Result result = TaxIdSyntax.check(id.type(), id.value());
                if (!result.valid()) {
                    throw RuleViolation.invalidField("taxIds[" + i + "].value", result.problem());
                }
                taxIds.add(new CustomerDetails.TaxId(id.type().name(), result.normalised()));
            }
        }
        String tenant = blankToNull(body.microsoftTenantId());
        if (tenant != null && !GUID.matcher(tenant).matches()) {
            throw RuleViolation.invalidField("microsoftTenantId", "not a GUID: " + tenant);
        }
        List<String> emails = null;
        if (body.billingContactEmails() != null) {
            emails = new ArrayList<>();
            for (int i = 0; i < body.billingContactEmails().size(); i++) {
                String email = body.billingContactEmails().get(i).trim();
                if (!EMAIL.matcher(email).matches()) {
                    throw RuleViolation.invalidField("billingContactEmails[" + i + "]", "not an e-mail address: " + email);
                }
                emails.add(email);
            }
        }
        return new CustomerDetails(legalName, address, taxIds,
                body.taxExempt() == null ? null : body.taxExempt().name(), body.paymentTermsDays(),
                tenant == null ? null : tenant.toLowerCase(Locale.ROOT), emails);
    }

    private static CustomerDetails.Address address(Requests.AddressBody a) {
        String country = a.country().trim().toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(country)) {
            throw RuleViolation.invalidField("address.country", "not an ISO 3166-1 alpha-2 country: " + a.country());
        }
        return new CustomerDetails.Address(a.line1().trim(), blankToNull(a.line2()), a.city().trim(),
                blankToNull(a.region()), blankToNull(a.postalCode()), country);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
