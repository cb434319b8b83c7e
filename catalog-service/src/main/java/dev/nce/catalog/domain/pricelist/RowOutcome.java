package dev.nce.catalog.domain.pricelist;

/** What an import does with one data row (the report's {@code rowOutcomes}). */
public record RowOutcome(int row, String offerId, Outcome outcome) {

    public enum Outcome {
        /** The row's offer is new to the catalog. */
        ADDED,
        /** The row's offer gets a new (future) price list entry or other new attributes. */
        CHANGED,
        /** The catalog already holds exactly this. */
        UNCHANGED,
        /** The row ends the offer's sale (EffectiveEndDate before the import month). */
        ENDED,
        /** A new offer whose sale ended before the import month: not added. */
        NOT_ADDED_ENDED,
        /** The row would rewrite a price already in force: kept, reported (D22). */
        KEPT_PRICE_IN_FORCE,
        /** A {@code BillingPlan None} row: the offer offers a trial (D22, D15). */
        TRIAL,
        /** A segment the import's options do not take. */
        SKIPPED_SEGMENT,
        /** A market the import's options do not take. */
        SKIPPED_MARKET,
        /** TermDuration/BillingPlan is not a plan the platform sells. */
        REJECTED_UNKNOWN_PLAN,
        /** A second row for the same offer and plan. */
        REJECTED_DUPLICATE,
        /** A number or date could not be read. */
        UNREADABLE
    }
}
