package dev.nce.contracts.events;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import java.time.LocalDate;

/** Next-term instructions (R-F3); null fields keep the current value. */
public record ScheduledChangesInfo(Integer quantity, Term term, BillingFrequency billing, String offerId,
                                   LocalDate customTermEndDate) {}
