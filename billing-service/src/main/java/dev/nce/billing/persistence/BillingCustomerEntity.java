package dev.nce.billing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Billing's copy of a customer (CustomerCreated/CustomerUpdated): its billing currency and key partition. */
@Entity
@Table(name = "billing_customer")
public class BillingCustomerEntity extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    public String name;

    @Column(name = "billing_currency")
    public String billingCurrency;

    @Column(name = "key_partition")
    public int keyPartition;
}
