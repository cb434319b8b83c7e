package dev.nce.billing.domain.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * An effective-dated tax rate (D23): {@code percent} 10 means 10 %; it applies from {@code effectiveFrom} to
 * {@code effectiveTo} inclusive (null: open). {@code region} null means the whole country. Immutable once created
 * except {@code effectiveTo} ({@link #sameExceptEffectiveTo}).
 */
public record TaxRate(String code, String country, String region, TaxType taxType, String name, BigDecimal percent,
                      LocalDate effectiveFrom, LocalDate effectiveTo) {

    public enum TaxType { VAT, GST, SALES }

    public TaxRate {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(country, "country");
        Objects.requireNonNull(taxType, "taxType");
        Objects.requireNonNull(percent, "percent");
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("percent must be between 0 and 100");
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new IllegalArgumentException("effectiveTo must not be before effectiveFrom");
        }
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** D23: a rate is immutable once created except its effectiveTo. */
    public boolean sameExceptEffectiveTo(TaxRate other) {
        return code.equals(other.code) && country.equals(other.country) && Objects.equals(region, other.region)
                && taxType == other.taxType && Objects.equals(name, other.name)
                && percent.compareTo(other.percent) == 0 && effectiveFrom.equals(other.effectiveFrom);
    }
}
