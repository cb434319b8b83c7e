package dev.nce.catalog.persistence;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.UpliftTier;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An effective-dated uplift tier (uplift_tier); the shipped defaults come from Flyway V3. */
@Entity
@Table(name = "uplift_tier")
public class UpliftTierEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    public Long id;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false)
    public UpliftTier.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(name = "term")
    public Term term;

    @Enumerated(EnumType.STRING)
    @Column(name = "billing")
    public BillingFrequency billing;

    @Enumerated(EnumType.STRING)
    @Column(name = "basis", nullable = false)
    public UpliftTier.Basis basis;

    @Column(name = "percent", nullable = false)
    public BigDecimal percent;

    @Column(name = "effective_from", nullable = false)
    public LocalDate effectiveFrom;

    public static UpliftTierEntity of(UpliftTier tier) {
        UpliftTierEntity entity = new UpliftTierEntity();
        entity.kind = tier.kind();
        entity.term = tier.term();
        entity.billing = tier.billing();
        entity.basis = tier.basis();
        entity.percent = tier.percent();
        entity.effectiveFrom = tier.effectiveFrom();
        return entity;
    }

    public UpliftTier toData() {
        return new UpliftTier(kind, term, billing, basis, percent, effectiveFrom);
    }
}
