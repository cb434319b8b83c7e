package dev.nce.contracts;

import java.util.Objects;

/** A (term, billing frequency) pair. {@link #isEverValid()} is the R-A2 matrix. */
public record Plan(Term term, BillingFrequency billing) {

    public Plan {
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(billing, "billing");
    }

    public static Plan of(Term term, BillingFrequency billing) { return new Plan(term, billing); }

    /** R-A2: P1M only monthly; P1Y monthly or annual; P3Y monthly, annual or triennial. */
    public boolean isEverValid() {
        return switch (term) {
            case P1M -> billing == BillingFrequency.MONTHLY;
            case P1Y -> billing != BillingFrequency.TRIENNIAL;
            case P3Y -> true;
        };
    }

    /** Upfront plan in this project's sense (R-A2 note): billing ANNUAL or TRIENNIAL. */
    public boolean isUpfront() { return billing.isUpfront(); }

    @Override
    public String toString() { return term + "/" + billing; }
}
