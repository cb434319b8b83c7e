package dev.nce.billing.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Billing's copy of an offer's name (OfferSnapshot on the compacted catalog topic), upserted by version. */
@Entity
@Table(name = "catalog_offer")
public class CatalogOfferEntity extends PanacheEntityBase {

    @Id
    @Column(name = "offer_id")
    public String offerId;

    public String name;

    public long version;
}
