package dev.nce.contracts.catalog;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import java.math.BigDecimal;
import java.time.LocalDate;

/** An effective-dated uplift tier (R-A4, R-F4). term and billing are null for EXTENDED_SERVICE_TERM tiers. */
public record UpliftTier(Kind kind, Term term, BillingFrequency billing, Basis basis, BigDecimal percent,
                         LocalDate effectiveFrom) {

    public enum Kind { STANDARD, EXTENDED_SERVICE_TERM }

    /** BASE: over the base price B (or B3 for P3Y); P1M_RATE: over the published P1M/MONTHLY price (EST). */
    public enum Basis { BASE, P1M_RATE }
}
