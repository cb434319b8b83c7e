package dev.nce.contracts.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One effective-dated price list entry of an offer in one currency: {@code basePrice} is the monthly per-seat P1Y/ANNUAL
 * price B (R-A4), {@code p3yBasePrice} the P3Y base B3, {@code planPrices} explicit per-plan prices that override the
 * formula (D2).
 */
public record OfferPrice(LocalDate effectiveFrom, String currency, BigDecimal basePrice, BigDecimal p3yBasePrice,
                         List<PlanPrice> planPrices) {}
