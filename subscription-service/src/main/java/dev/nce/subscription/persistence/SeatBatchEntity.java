package dev.nce.subscription.persistence;

import dev.nce.subscription.domain.SeatBatch;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** R-C3: seats opened together with their window. */
@Entity
@Table(name = "seat_batch")
public class SeatBatchEntity extends PanacheEntityBase {

    public enum Kind { PURCHASE, RENEWAL, INCREASE, REACTIVATION, TERM_CHANGE, UPGRADE, TRIAL, CONVERSION, MIGRATION }

    @Id
    public String id;
    @Column(name = "subscription_id")
    public String subscriptionId;
    public int sequence;
    public String kind;
    @Column(name = "original_quantity")
    public int originalQuantity;
    public int quantity;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "window_end")
    public Instant windowEnd;
    @Column(name = "term_start_at")
    public Instant termStartAt;

    public SeatBatch toDomain() {
        return new SeatBatch(id, sequence, quantity, openedAt, windowEnd, termStartAt);
    }
}
