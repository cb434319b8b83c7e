package dev.nce.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

@Entity
@Table(name = "customer")
public class CustomerEntity extends PanacheEntityBase {

    @Id
    public String id;
    public String name;
    @Column(name = "billing_currency")
    public String billingCurrency;
    @Column(name = "contact_email")
    public String contactEmail;
    /** JSON object {capGroup: seats} (D9 seats held elsewhere). */
    @Column(name = "external_seats")
    public String externalSeats;
    /** Issue 18 master data (API.md "Customers"); address, taxIds and billingContactEmails are JSON texts. */
    @Column(name = "legal_name")
    public String legalName;
    public String address;
    @Column(name = "tax_ids")
    public String taxIds;
    @Column(name = "tax_exempt")
    public String taxExempt = "NONE";
    @Column(name = "payment_terms_days")
    public int paymentTermsDays = 30;
    @Column(name = "microsoft_tenant_id")
    public String microsoftTenantId;
    @Column(name = "billing_contact_emails")
    public String billingContactEmails;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;
}
