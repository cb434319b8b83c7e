package dev.nce.catalog.persistence;

import dev.nce.contracts.catalog.OfferPrice;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One effective-dated price list entry of an offer in one currency (offer_price). */
@Entity
@Table(name = "offer_price")
public class OfferPriceEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "offer_id", nullable = false)
    public OfferEntity offer;

    @Column(name = "currency", nullable = false, length = 3)
    public String currency;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    @Column(name = "base_price", nullable = false)
    public BigDecimal basePrice;

    @Column(name = "p3y_base_price")
    public BigDecimal p3yBasePrice;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "offer_plan_price", joinColumns = @JoinColumn(name = "offer_price_id"))
    public List<PlanPriceValue> planPrices = new ArrayList<>();

    /** Overwrites the prices of this entry (same currency and date) with {@code price}. */
    void apply(OfferPrice price) {
        currency = price.currency();
        effectiveFrom = price.effectiveFrom();
        basePrice = price.basePrice();
        p3yBasePrice = price.p3yBasePrice();
        planPrices.clear();
        if (price.planPrices() != null) {
            price.planPrices().forEach(p -> planPrices.add(PlanPriceValue.of(p)));
        }
    }

    public OfferPrice toData() {
        return new OfferPrice(effectiveFrom, currency, basePrice, p3yBasePrice,
                planPrices.stream().map(PlanPriceValue::toData).toList());
    }
}
