package dev.nce.contracts.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Units of {@code currency} per 1 unit of the pricing currency (USD), in force from {@code effectiveFrom} (D13). */
public record FxRate(String currency, BigDecimal rate, LocalDate effectiveFrom) {}
