package dev.nce.subscription.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import java.time.LocalDate;

/** R-F3 next-term instructions; a null field keeps the current value. */
public record ScheduledChanges(Integer quantity, Term term, BillingFrequency billing, String offerId,
                               LocalDate customTermEndDate) {

    public boolean isEmpty() {
        return quantity == null && term == null && billing == null && offerId == null && customTermEndDate == null;
    }
}
