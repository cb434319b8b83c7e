package dev.nce.billing.domain.tax;

import java.util.Locale;

/**
 * D23 setting {@code billing.tax.rounding}: PER_INVOICE (the default) rounds each rate's tax once, on the sum of that
 * rate's lines; PER_LINE rounds each line's tax and adds them. Both round HALF_UP to the currency's minor unit.
 */
public enum TaxRounding {
    PER_INVOICE, PER_LINE;

    /** D23 settled value. */
    public static final TaxRounding DEFAULT = PER_INVOICE;

    public static TaxRounding parse(String setting) {
        try {
            return valueOf(setting.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("billing.tax.rounding must be PER_INVOICE or PER_LINE, not " + setting, e);
        }
    }
}
