package dev.nce.notification.persistence;

import dev.nce.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;

/** Customers from CustomerCreated / CustomerUpdated (DESIGN.md section 5: others are ignored). */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerRecords {

    public boolean exists(String customerId) {
        return CustomerEntity.byId(customerId) != null;
    }

    /** CustomerCreated: the first sighting; the partition it arrived on is where its watermark comes from. */
    public void created(String customerId, String name, String contactEmail, String billingCurrency, int partition,
                        Instant at) {
        CustomerEntity c = CustomerEntity.byId(customerId);
        if (c == null) {
            c = new CustomerEntity();
            c.customerId = customerId;
            c.eventPartition = partition;
            c.createdAt = at;
            apply(c, name, contactEmail, billingCurrency, at);
            c.persist();
        } else {
            apply(c, name, contactEmail, billingCurrency, at);
        }
    }

    /** CustomerUpdated of a customer seen before; false when unknown (ignored). */
    public boolean updated(String customerId, String name, String contactEmail, String billingCurrency, Instant at) {
        CustomerEntity c = CustomerEntity.byId(customerId);
        if (c == null) {
            return false;
        }
        apply(c, name, contactEmail, billingCurrency, at);
        return true;
    }

    /** Issue 18: the billing contacts of the customer events' master data (null details: left as they are). */
    public void billingContacts(String customerId, dev.nce.contracts.events.CustomerDetails details) {
        CustomerEntity c = CustomerEntity.byId(customerId);
        if (c == null || details == null) {
            return;
        }
        c.billingContactEmails = details.billingContactEmails() == null || details.billingContactEmails().isEmpty()
                ? null : dev.nce.contracts.events.EventJson.write(details.billingContactEmails());
    }

    /** The subscription-events partition of a customer (its key's partition when the customer is unknown). */
    public int partitionOf(String customerId) {
        CustomerEntity c = CustomerEntity.byId(customerId);
        return c != null ? c.eventPartition : Topics.partitionFor(customerId, Topics.KEYED_PARTITIONS);
    }

    private static void apply(CustomerEntity c, String name, String contactEmail, String billingCurrency, Instant at) {
        c.name = name;
        c.contactEmail = contactEmail;
        c.billingCurrency = billingCurrency;
        c.updatedAt = at;
    }
}
