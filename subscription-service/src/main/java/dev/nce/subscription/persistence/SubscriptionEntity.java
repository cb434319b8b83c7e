package dev.nce.subscription.persistence;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.subscription.domain.CurrentTerm;
import dev.nce.subscription.domain.RenewalSettings;
import dev.nce.subscription.domain.ScheduledChanges;
import dev.nce.subscription.domain.StateCategory;
import dev.nce.subscription.domain.TermSchedule;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A subscription row; optimistic locking on {@code version} (DESIGN.md section 6). */
@Entity
@Table(name = "subscription")
public class SubscriptionEntity extends PanacheEntityBase {

    @Id
    public String id;
    @Column(name = "customer_id")
    public String customerId;
    @Column(name = "offer_id")
    public String offerId;
    @Column(name = "offer_name")
    public String offerName;
    @Column(name = "cap_group")
    public String capGroup;
    @Column(name = "offer_renewable")
    public boolean offerRenewable;
    @Column(name = "offer_mid_term_increase")
    public boolean offerMidTermIncrease;
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
    @Column(name = "unit_price")
    public BigDecimal unitPrice;
    public String currency;
    @Column(name = "list_unit_price")
    public BigDecimal listUnitPrice;
    @Column(name = "promotion_id")
    public String promotionId;
    @Column(name = "discount_until")
    public LocalDate discountUntil;
    /** R-K3: seats above this count pay listUnitPrice; null = no promotion or no maximum. */
    @Column(name = "promotion_max_seats")
    public Integer promotionMaxSeats;
    @Column(name = "term_start_at")
    public Instant termStartAt;
    @Column(name = "start_date")
    public LocalDate startDate;
    @Column(name = "end_date")
    public LocalDate endDate;
    @Column(name = "charge_period_end_date")
    public LocalDate chargePeriodEndDate;
    @Column(name = "original_start_date")
    public LocalDate originalStartDate;
    /** The last committed (non-EST) term; equals start/end outside EST. */
    @Column(name = "last_term_start_date")
    public LocalDate lastTermStartDate;
    @Column(name = "last_term_end_date")
    public LocalDate lastTermEndDate;
    public boolean trial;
    @Column(name = "trial_ends_at")
    public Instant trialEndsAt;
    @Column(name = "parent_subscription_id")
    public String parentSubscriptionId;
    /** D25: the Partner Center subscription this one resells (PATCH), null until linked. */
    @Column(name = "microsoft_subscription_id")
    public String microsoftSubscriptionId;
    @Column(name = "migrated_from")
    public String migratedFrom;
    @Column(name = "sched_quantity")
    public Integer schedQuantity;
    @Enumerated(EnumType.STRING)
    @Column(name = "sched_term")
    public Term schedTerm;
    @Enumerated(EnumType.STRING)
    @Column(name = "sched_billing")
    public BillingFrequency schedBilling;
    @Column(name = "sched_offer_id")
    public String schedOfferId;
    @Column(name = "sched_custom_term_end_date")
    public LocalDate schedCustomTermEndDate;
    @Column(name = "has_scheduled_changes")
    public boolean hasScheduledChanges;
    @Column(name = "status_changed_at")
    public Instant statusChangedAt;
    /** The instant of this subscription's next due transition (renewal, EST month, disable, delete), or null. */
    @Column(name = "next_due_at")
    public Instant nextDueAt;
    @Column(name = "batch_sequence")
    public int batchSequence;
    @Column(name = "created_at")
    public Instant createdAt;
    @Version
    public long version;

    public StateCategory stateCategory() {
        return StateCategory.of(status, inExtendedServiceTerm, trial);
    }

    public CurrentTerm currentTerm() {
        return new CurrentTerm(termStartAt, startDate, endDate);
    }

    public TermSchedule schedule() {
        return TermSchedule.startingUntil(startDate, inExtendedServiceTerm ? Term.P1M : term, endDate);
    }

    public RenewalSettings renewalSettings() {
        return new RenewalSettings(autoRenew, endOfTermAction);
    }

    public void apply(RenewalSettings settings) {
        autoRenew = settings.autoRenew();
        endOfTermAction = settings.endOfTermAction();
    }

    public ScheduledChanges scheduledChanges() {
        if (!hasScheduledChanges) {
            return null;
        }
        return new ScheduledChanges(schedQuantity, schedTerm, schedBilling, schedOfferId, schedCustomTermEndDate);
    }

    public void setScheduledChanges(ScheduledChanges changes) {
        hasScheduledChanges = changes != null;
        schedQuantity = changes == null ? null : changes.quantity();
        schedTerm = changes == null ? null : changes.term();
        schedBilling = changes == null ? null : changes.billing();
        schedOfferId = changes == null ? null : changes.offerId();
        schedCustomTermEndDate = changes == null ? null : changes.customTermEndDate();
    }

    /** Sets the current term (a purchase, renewal, reactivation or EST month). */
    public void startTerm(Instant startAt, TermSchedule schedule) {
        termStartAt = startAt;
        startDate = schedule.startDate();
        endDate = schedule.endDate();
        chargePeriodEndDate = schedule.fullLengthEndDate();
    }
}
