package dev.nce.subscription.domain;

import java.time.Instant;

/**
 * Seats added together (purchase, renewal or increase, R-C3) with their own cancellation window
 * {@code [openedAt, windowEnd)}. {@code quantity} is what is left after reductions; {@code termStartAt} names the term
 * the batch belongs to (its window also ends when that term ends or is replaced, R-C5). {@code sequence} orders batches
 * of one subscription: the highest is the newest (D5).
 */
public record SeatBatch(String batchId, int sequence, int quantity, Instant openedAt, Instant windowEnd,
                        Instant termStartAt) {

    /** The end of the window as it applies in {@code term}: never past the term's end; closed for another term. */
    public Instant effectiveWindowEnd(CurrentTerm term) {
        if (!termStartAt.equals(term.startAt())) {
            return openedAt;
        }
        return windowEnd.isBefore(term.endExclusive()) ? windowEnd : term.endExclusive();
    }

    public boolean isRefundableAt(Instant t, CurrentTerm term) {
        return quantity > 0 && CancellationWindowPolicy.isInside(openedAt, effectiveWindowEnd(term), t);
    }
}
