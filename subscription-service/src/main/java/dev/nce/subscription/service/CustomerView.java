package dev.nce.subscription.service;

import dev.nce.contracts.events.CustomerDetails;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A customer as the API answers it; the issue-18 master data fields are null when unset (API.md "Customers"). */
public record CustomerView(String customerId, String name, String billingCurrency, String contactEmail,
                           Map<String, Integer> externalSeats, Instant createdAt, long version, String legalName,
                           CustomerDetails.Address address, List<CustomerDetails.TaxId> taxIds, String taxExempt,
                           Integer paymentTermsDays, String microsoftTenantId, List<String> billingContactEmails) {

    public CustomerDetails details() {
        return new CustomerDetails(legalName, address, taxIds, taxExempt, paymentTermsDays, microsoftTenantId,
                billingContactEmails);
    }
}
