package dev.nce.notification.persistence;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** The latest after-state of a subscription (SubscriptionSnapshot) plus the last quoted EST price. */
@Entity
@Table(name = "subscription_copy")
public class SubscriptionCopyEntity extends PanacheEntityBase {
    @Id
    @Column(name = "subscription_id")
    public String subscriptionId;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "offer_id")
    public String offerId;
    @Column(name = "offer_name")
    public String offerName;
    @Enumerated(EnumType.STRING)
    public Term term;
    @Enumerated(EnumType.STRING)
    public BillingFrequency billing;
    public int quantity;
    @Enumerated(EnumType.STRING)
    public SubscriptionStatus status;
    @Column(name = "auto_renew")
    public boolean autoRenew;
    @Enumerated(EnumType.STRING)
    @Column(name = "end_of_term_action")
    public EndOfTermAction endOfTermAction;
    @Column(name = "in_extended_service_term")
    public boolean inExtendedServiceTerm;
    public boolean trial;
    @Column(name = "trial_ends_at")
    public java.time.Instant trialEndsAt;
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
    public String currency;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "renewal_date")
    public LocalDate renewalDate;
    @Column(name = "notice_deadline")
    public LocalDate noticeDeadline;
    @Column(name = "est_unit_price")
    public BigDecimal estUnitPrice;
    @Column(name = "est_currency")
    public String estCurrency;
    @Column(name = "snapshot_version")
    public long snapshotVersion;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
