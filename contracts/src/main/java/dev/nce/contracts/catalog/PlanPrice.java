package dev.nce.contracts.catalog;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import java.math.BigDecimal;

/** An explicit published per-seat monthly price for one plan. */
public record PlanPrice(Term term, BillingFrequency billing, BigDecimal unitPrice) {}
