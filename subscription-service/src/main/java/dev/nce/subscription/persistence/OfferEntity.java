package dev.nce.subscription.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Local copy of a catalog offer's attributes (from nce.catalog.offers.v1) for due work that needs them. */
@Entity
@Table(name = "offer")
public class OfferEntity extends PanacheEntityBase {

    @Id
    @Column(name = "offer_id")
    public String offerId;
    public String name;
    @Column(name = "product_family")
    public String productFamily;
    @Column(name = "cap_group")
    public String capGroup;
    public boolean renewable;
    @Column(name = "mid_term_increase")
    public boolean midTermIncrease;
    @Column(name = "trial_available")
    public boolean trialAvailable;
    /** JSON array of {term, billing}. */
    public String plans;
    /** JSON array of offer ids. */
    @Column(name = "upgrade_paths")
    public String upgradePaths;
    public long version;
}
