package dev.nce.catalog.domain.pricelist;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A subscription renewing within {@link #WINDOW_DAYS} days whose next-term price the import changes (API.md): the
 * price it pays now and the one it would renew at with the import applied, both per seat per month.
 */
public record RenewalImpact(String subscriptionId, String customerId, String offerId, LocalDate renewalDate,
                            BigDecimal currentUnitPrice, BigDecimal renewalUnitPrice, String currency) {

    public static final int WINDOW_DAYS = 60;
}
