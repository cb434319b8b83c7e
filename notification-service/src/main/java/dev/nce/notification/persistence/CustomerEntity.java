package dev.nce.notification.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A customer as CustomerCreated / CustomerUpdated describe it (the e-mail recipient). */
@Entity
@Table(name = "customer")
public class CustomerEntity extends PanacheEntityBase {
    @Id
    @Column(name = "customer_id")
    public String customerId;
    public String name;
    @Column(name = "contact_email")
    public String contactEmail;
    /** Issue 18: JSON list of billing contact e-mails (INVOICE_ISSUED goes there), null when unset. */
    @Column(name = "billing_contact_emails")
    public String billingContactEmails;
    @Column(name = "billing_currency")
    public String billingCurrency;
    @Column(name = "event_partition")
    public int eventPartition;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static CustomerEntity byId(String customerId) {
        return customerId == null ? null : findById(customerId);
    }
}
