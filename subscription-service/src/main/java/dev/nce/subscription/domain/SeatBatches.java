package dev.nce.subscription.domain;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * R-C5 refundable quantity and D5 reductions over a subscription's seat batches, R-C4 whole-subscription cancellation.
 */
public final class SeatBatches {

    private SeatBatches() {}

    /** One open window: {@code quantity} seats refundable until {@code allowedUntil} (exclusive). */
    public record Refundable(String batchId, int sequence, int quantity, Instant allowedUntil) {}

    /** API.md refundable-quantity: the total and its details ordered by allowedUntil, then sequence. */
    public record RefundableQuantity(int totalQuantity, List<Refundable> details) {

        /** The last instant up to which some seat stays refundable, or null when nothing is. */
        public Instant latestAllowedUntil() {
            return details.stream().map(Refundable::allowedUntil).max(Comparator.naturalOrder()).orElse(null);
        }
    }

    /** Seats taken out of one batch by a reduction. */
    public record Removal(String batchId, int quantity) {}

    /**
     * R-C5: the seats of batches whose window contains {@code t} and that were not removed; never more than the
     * subscription's {@code quantity}.
     */
    public static RefundableQuantity refundable(List<SeatBatch> batches, CurrentTerm term, int quantity, Instant t) {
        List<Refundable> open = new ArrayList<>();
        for (SeatBatch batch : batches) {
            if (batch.isRefundableAt(t, term)) {
                open.add(new Refundable(batch.batchId(), batch.sequence(), batch.quantity(), batch.effectiveWindowEnd(term)));
            }
        }
        open.sort(Comparator.comparing(Refundable::allowedUntil).thenComparingInt(Refundable::sequence));
        int total = Math.min(quantity, open.stream().mapToInt(Refundable::quantity).sum());
        return new RefundableQuantity(total, List.copyOf(open));
    }

    /**
     * D5: removes {@code seats} from the open batches, newest (highest sequence) first. Refused with
     * {@code reduction-exceeds-refundable} (rule R-C5, with refundableQuantity and allowedUntil) when more than the
     * refundable quantity is asked for, also when that is 0.
     */
    public static List<Removal> reduce(List<SeatBatch> batches, CurrentTerm term, int quantity, Instant t, int seats) {
        if (seats < 1) {
            throw new IllegalArgumentException("a reduction removes at least one seat");
        }
        RefundableQuantity refundable = refundable(batches, term, quantity, t);
        if (seats > refundable.totalQuantity()) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("refundableQuantity", refundable.totalQuantity());
            details.put("allowedUntil", refundable.latestAllowedUntil());
            throw new RuleViolation(ErrorCode.REDUCTION_EXCEEDS_REFUNDABLE, "R-C5",
                    "a reduction of " + seats + " seats exceeds the refundable quantity "
                            + refundable.totalQuantity() + " (seats are refundable only inside their window)", details);
        }
        List<SeatBatch> newestFirst = new ArrayList<>(batches);
        newestFirst.sort(Comparator.comparingInt(SeatBatch::sequence).reversed());
        List<Removal> removals = new ArrayList<>();
        int left = seats;
        for (SeatBatch batch : newestFirst) {
            if (left == 0) {
                break;
            }
            if (batch.isRefundableAt(t, term)) {
                int take = Math.min(left, batch.quantity());
                removals.add(new Removal(batch.batchId(), take));
                left -= take;
            }
        }
        return removals;
    }

    /**
     * R-C4: the whole subscription may be cancelled only inside the window of the current term's start event (the
     * purchase or the last renewal), not inside a seat-add window. Answers that window's (exclusive) end.
     */
    public static Instant requireCancellationWindow(SeatBatch termStartBatch, CurrentTerm term, Instant t) {
        Instant end = termStartBatch == null ? null : termStartBatch.effectiveWindowEnd(term);
        if (termStartBatch == null || !CancellationWindowPolicy.isInside(termStartBatch.openedAt(), end, t)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("allowedUntil", end);
            throw new RuleViolation(ErrorCode.CANCELLATION_WINDOW_CLOSED, "R-C4",
                    "the cancellation window of the current term " + (end == null ? "is closed" : "closed at " + end),
                    details);
        }
        return end;
    }

    /** The cancellationAllowedUntil of API.md: the term-start window's end while it is open, else null. */
    public static Instant cancellationAllowedUntil(SeatBatch termStartBatch, CurrentTerm term, Instant t) {
        if (termStartBatch == null) {
            return null;
        }
        Instant end = termStartBatch.effectiveWindowEnd(term);
        return CancellationWindowPolicy.isInside(termStartBatch.openedAt(), end, t) ? end : null;
    }
}
