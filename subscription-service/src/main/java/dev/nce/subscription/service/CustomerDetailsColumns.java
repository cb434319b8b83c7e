package dev.nce.subscription.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nce.contracts.events.CustomerDetails;
import dev.nce.contracts.events.EventJson;
import dev.nce.subscription.persistence.CustomerEntity;
import java.util.List;

/** Maps a customer's issue-18 master data between {@link CustomerDetails} and its columns (JSON texts for lists). */
public final class CustomerDetailsColumns {

    private CustomerDetailsColumns() {}

    public static CustomerDetails read(CustomerEntity c) {
        try {
            return new CustomerDetails(c.legalName,
                    c.address == null ? null : EventJson.mapper().readValue(c.address, CustomerDetails.Address.class),
                    c.taxIds == null ? null : EventJson.mapper().readValue(c.taxIds,
                            new TypeReference<List<CustomerDetails.TaxId>>() { }),
                    c.taxExempt, c.paymentTermsDays, c.microsoftTenantId,
                    c.billingContactEmails == null ? null : EventJson.mapper().readValue(c.billingContactEmails,
                            new TypeReference<List<String>>() { }));
        } catch (Exception e) {
            throw new IllegalStateException("unreadable master data of customer " + c.id, e);
        }
    }

    /** Writes every field of {@code d}; null taxExempt / paymentTermsDays mean the defaults NONE / 30. */
    public static void write(CustomerEntity c, CustomerDetails d) {
        c.legalName = d.legalName();
        c.address = d.address() == null ? null : EventJson.write(d.address());
        c.taxIds = d.taxIds() == null ? null : EventJson.write(d.taxIds());
        c.taxExempt = d.taxExempt() == null ? "NONE" : d.taxExempt();
        c.paymentTermsDays = d.paymentTermsDays() == null ? 30 : d.paymentTermsDays();
        c.microsoftTenantId = d.microsoftTenantId();
        c.billingContactEmails = d.billingContactEmails() == null ? null : EventJson.write(d.billingContactEmails());
    }
}
