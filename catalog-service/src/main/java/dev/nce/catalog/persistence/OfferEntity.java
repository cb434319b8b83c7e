package dev.nce.catalog.persistence;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Plan;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.OfferData;
import dev.nce.contracts.catalog.OfferPrice;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An offer (API.md catalog-service "Offer"); plans and upgrade paths are ordered text arrays, prices child rows. */
@Entity
@Table(name = "offer")
public class OfferEntity extends PanacheEntityBase {

    @Id
    @Column(name = "offer_id")
    public String offerId;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "product_family", nullable = false)
    public String productFamily;

    /** 'TERM/BILLING' per plan, in the order given. */
    @Column(name = "plans", nullable = false)
    public String[] plans;

    @Column(name = "cap_group")
    public String capGroup;

    @Column(name = "renewable", nullable = false)
    public boolean renewable;

    @Column(name = "mid_term_increase", nullable = false)
    public boolean midTermIncrease;

    @Column(name = "trial_available", nullable = false)
    public boolean trialAvailable;

    @Column(name = "upgrade_paths", nullable = false)
    public String[] upgradePaths;

    @Column(name = "version", nullable = false)
    public long version;

    /** D22: the price list segment of an imported offer (Commercial, Education, ...), null for hand-typed offers. */
    @Column(name = "segment")
    public String segment;

    /** D22: Microsoft's end of sale (last day), null when open. */
    @Column(name = "sellable_until")
    public java.time.LocalDate sellableUntil;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @OneToMany(mappedBy = "offer", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("currency, effectiveFrom")
    public List<OfferPriceEntity> prices = new ArrayList<>();

    public static OfferEntity create(String offerId, Instant now) {
        OfferEntity entity = new OfferEntity();
        entity.offerId = offerId;
        entity.createdAt = now;
        return entity;
    }

    /** Takes every attribute of {@code offer}; price entries are matched by (currency, effectiveFrom) and updated in place. */
    public void apply(OfferData offer, long newVersion, Instant now) {
        name = offer.name();
        productFamily = offer.productFamily();
        plans = offer.plans().stream().map(OfferEntity::planText).toArray(String[]::new);
        capGroup = offer.capGroup();
        renewable = offer.renewable();
        midTermIncrease = offer.midTermIncrease();
        trialAvailable = offer.trialAvailable();
        upgradePaths = offer.upgradePaths().toArray(String[]::new);
        version = newVersion;
        segment = offer.segment();
        sellableUntil = offer.sellableUntil();
        updatedAt = now;
        replacePrices(offer.prices());
    }

    private void replacePrices(List<OfferPrice> next) {
        Map<String, OfferPriceEntity> current = new HashMap<>();
        prices.forEach(p -> current.put(p.currency + "@" + p.effectiveFrom, p));
        List<OfferPriceEntity> kept = new ArrayList<>();
        for (OfferPrice price : next) {
            OfferPriceEntity entity = current.remove(price.currency() + "@" + price.effectiveFrom());
            if (entity == null) {
                entity = new OfferPriceEntity();
                entity.offer = this;
            }
            entity.apply(price);
            kept.add(entity);
        }
        prices.retainAll(kept);
        kept.stream().filter(p -> !prices.contains(p)).forEach(prices::add);
    }

    public OfferData toData() {
        return new OfferData(offerId, name, productFamily,
                Arrays.stream(plans).map(OfferEntity::plan).toList(),
                prices.stream().sorted(Comparator.comparing((OfferPriceEntity p) -> p.currency)
                        .thenComparing(p -> p.effectiveFrom)).map(OfferPriceEntity::toData).toList(),
                capGroup, renewable, midTermIncrease, trialAvailable, List.of(upgradePaths), version, segment,
                sellableUntil);
    }

    static String planText(Plan plan) {
        return plan.term() + "/" + plan.billing();
    }

    static Plan plan(String text) {
        String[] parts = text.split("/");
        return Plan.of(Term.valueOf(parts[0]), BillingFrequency.valueOf(parts[1]));
    }
}
