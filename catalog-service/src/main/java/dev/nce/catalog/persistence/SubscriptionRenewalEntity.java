package dev.nce.catalog.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The catalog's view of one subscription, from the after-state snapshots of nce.subscription.events.v1 (highest
 * version wins): enough to tell which renewals an imported price list changes (API.md "Price-list imports").
 */
@Entity
@Table(name = "subscription_renewal")
public class SubscriptionRenewalEntity extends PanacheEntityBase {

    @Id
    @Column(name = "subscription_id")
    public String subscriptionId;

    @Column(name = "customer_id", nullable = false)
    public String customerId;

    @Column(name = "offer_id", nullable = false)
    public String offerId;

    @Column(name = "term", nullable = false)
    public String term;

    @Column(name = "billing", nullable = false)
    public String billing;

    @Column(name = "status", nullable = false)
    public String status;

    @Column(name = "end_of_term_action")
    public String endOfTermAction;

    @Column(name = "trial", nullable = false)
    public boolean trial;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    @Column(name = "currency", nullable = false)
    public String currency;

    @Column(name = "renewal_date")
    public LocalDate renewalDate;

    @Column(name = "version", nullable = false)
    public long version;
}
