package dev.nce.catalog.persistence;

import dev.nce.contracts.catalog.FxRate;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/** An FX rate from a date (fx_rate), keyed by (currency, effectiveFrom). */
@Entity
@Table(name = "fx_rate")
@IdClass(FxRateEntity.Key.class)
public class FxRateEntity extends PanacheEntityBase {

    @Id
    @Column(name = "currency", length = 3)
    public String currency;

    @Id
    @Column(name = "effective_from")
    public LocalDate effectiveFrom;

    @Column(name = "rate", nullable = false)
    public BigDecimal rate;

    public FxRate toData() {
        return new FxRate(currency, rate, effectiveFrom);
    }

    public static class Key implements Serializable {
        public String currency;
        public LocalDate effectiveFrom;

        public Key() {}

        public Key(String currency, LocalDate effectiveFrom) {
            this.currency = currency;
            this.effectiveFrom = effectiveFrom;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(currency, k.currency) && Objects.equals(effectiveFrom, k.effectiveFrom);
        }

        @Override
        public int hashCode() { return Objects.hash(currency, effectiveFrom); }
    }
}
