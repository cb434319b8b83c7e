package dev.nce.notification.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A seat batch with its window and the seats still in it. */
@Entity
@Table(name = "seat_batch")
public class SeatBatchEntity extends PanacheEntityBase {
    @Id
    @Column(name = "batch_key")
    public String batchKey;
    @Column(name = "subscription_id")
    public String subscriptionId;
    @Column(name = "batch_id")
    public String batchId;
    public Integer sequence;
    public int quantity;
    @Column(name = "remaining_quantity")
    public int remainingQuantity;
    @Column(name = "opened_at")
    public Instant openedAt;
    @Column(name = "window_end")
    public Instant windowEnd;

    public static String key(String subscriptionId, String batchId) {
        return subscriptionId + "/" + batchId;
    }

    public static SeatBatchEntity of(String subscriptionId, String batchId) {
        return findById(key(subscriptionId, batchId));
    }

    public static List<SeatBatchEntity> ofSubscription(String subscriptionId) {
        return list("subscriptionId = ?1 order by sequence, batchId", subscriptionId);
    }
}
