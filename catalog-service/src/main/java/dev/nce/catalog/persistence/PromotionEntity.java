package dev.nce.catalog.persistence;

import dev.nce.contracts.catalog.PromotionData;
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
import java.util.Arrays;
import java.util.List;

/** A promotion (promotion table). */
@Entity
@Table(name = "promotion")
public class PromotionEntity extends PanacheEntityBase {

    @Id
    @Column(name = "promotion_id")
    public String promotionId;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "offer_ids", nullable = false)
    public String[] offerIds;

    @Column(name = "plans", nullable = false)
    public String[] plans;

    @Enumerated(EnumType.STRING)
    @Column(name = "discount_type", nullable = false)
    public PromotionData.DiscountType discountType;

    @Column(name = "discount_value", nullable = false)
    public BigDecimal discountValue;

    @Column(name = "min_seats")
    public Integer minSeats;

    @Column(name = "max_seats")
    public Integer maxSeats;

    @Column(name = "acquire_from", nullable = false)
    public LocalDate acquireFrom;

    @Column(name = "acquire_until", nullable = false)
    public LocalDate acquireUntil;

    @Column(name = "discount_until")
    public LocalDate discountUntil;

    @Column(name = "auto_apply", nullable = false)
    public boolean autoApply;

    @Column(name = "version", nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public void apply(PromotionData p, long newVersion, Instant now) {
        promotionId = p.promotionId();
        name = p.name();
        offerIds = p.offerIds().toArray(String[]::new);
        plans = p.plans().stream().map(OfferEntity::planText).toArray(String[]::new);
        discountType = p.discountType();
        discountValue = p.discountValue();
        minSeats = p.minSeats();
        maxSeats = p.maxSeats();
        acquireFrom = p.acquireFrom();
        acquireUntil = p.acquireUntil();
        discountUntil = p.discountUntil();
        autoApply = p.autoApply();
        version = newVersion;
        if (createdAt == null) {
            createdAt = now;
        }
        updatedAt = now;
    }

    public PromotionData toData() {
        return new PromotionData(promotionId, name, List.of(offerIds),
                Arrays.stream(plans).map(OfferEntity::plan).toList(), discountType, discountValue, minSeats, maxSeats,
                acquireFrom, acquireUntil, discountUntil, autoApply, version);
    }
}
