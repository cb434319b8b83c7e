package dev.nce.notification.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An offer's display name from the compacted offers topic. */
@Entity
@Table(name = "offer_name")
public class OfferNameEntity extends PanacheEntityBase {
    @Id
    @Column(name = "offer_id")
    public String offerId;
    public String name;
    public long version;
}
