package dev.nce.catalog.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A resolved price (API.md price answer): {@code currency} is the price list used (the requested one when the offer
 * has it, else USD), {@code basePrice} the basis the uplift applies to (B, B3, or for EST over the P1M rate the published
 * P1M price), {@code upliftPercent} the uplift applied (0 for an explicit plan price), {@code unitPrice} the published
 * per-seat monthly price (D2), {@code priceEffectiveFrom} the date of the price list entry used.
 */
public record ResolvedPrice(String currency, BigDecimal basePrice, BigDecimal upliftPercent, BigDecimal unitPrice,
                            PriceSource source, LocalDate priceEffectiveFrom) {}
