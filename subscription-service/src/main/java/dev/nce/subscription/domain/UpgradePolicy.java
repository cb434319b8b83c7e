package dev.nce.subscription.domain;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * R-I1..R-I5 upgrades: only to an offer on the source offer's upgrade paths (so never a downgrade); full (in place,
 * same id), partial (a child with the same end date whose batches keep the source batches' window ends, R-C3) or into
 * an existing subscription that passes R-I5.
 */
public final class UpgradePolicy {

    private UpgradePolicy() {}

    public enum Kind { FULL_IN_PLACE, PARTIAL_NEW, INTO_EXISTING }

    /** What R-I5 needs to know about a chosen destination subscription. */
    public record Destination(String customerId, String offerId, Term term, LocalDate endDate, boolean active,
                              boolean inExtendedServiceTerm, boolean trial, Instant cancellationAllowedUntil) {}

    /** Seats taken from one source batch, with the window end they keep. */
    public record Move(String sourceBatchId, int quantity, Instant windowEnd) {}

    public static Kind kind(int quantity, int sourceQuantity, boolean destinationChosen) {
        if (destinationChosen) {
            return Kind.INTO_EXISTING;
        }
        return quantity == sourceQuantity ? Kind.FULL_IN_PLACE : Kind.PARTIAL_NEW;
    }

    /** R-I1: the target must be on the source offer's upgrade paths. */
    public static void requireOnPath(String sourceOfferId, List<String> upgradePaths, String targetOfferId) {
        if (upgradePaths == null || !upgradePaths.contains(targetOfferId)) {
            throw new RuleViolation(ErrorCode.UPGRADE_NOT_ELIGIBLE, "R-I1", targetOfferId + " is not an upgrade path of "
                    + sourceOfferId + " (downgrades are never supported)", Map.of("field", "targetOfferId"));
        }
    }

    /** R-I5: the destination's window is closed, its term length is the source's and it ends no earlier. */
    public static void requireDestination(String customerId, String targetOfferId, Term sourceTerm, LocalDate sourceEnd,
                                          Destination d, Instant now) {
        if (!d.customerId().equals(customerId) || !d.offerId().equals(targetOfferId)) {
            throw refuse("the destination subscription must be the customer's subscription of " + targetOfferId);
        }
        if (!d.active() || d.inExtendedServiceTerm() || d.trial()) {
            throw refuse("the destination subscription must be ACTIVE, not in EST and not a trial");
        }
        if (d.cancellationAllowedUntil() != null && now.isBefore(d.cancellationAllowedUntil())) {
            throw refuse("the destination subscription is still inside its cancellation window (until "
                    + d.cancellationAllowedUntil() + ")");
        }
        if (d.term() != sourceTerm) {
            throw refuse("the destination's term " + d.term() + " differs from the source's " + sourceTerm);
        }
        if (d.endDate().isBefore(sourceEnd)) {
            throw refuse("the destination ends " + d.endDate() + ", before the source's " + sourceEnd);
        }
    }

    /** The moved seats, newest batch first (D5's order), each keeping its batch's window end (R-C3). */
    public static List<Move> take(List<SeatBatch> currentTermBatches, int quantity) {
        List<SeatBatch> newestFirst = new ArrayList<>(currentTermBatches);
        newestFirst.sort(Comparator.comparingInt(SeatBatch::sequence).reversed());
        List<Move> moves = new ArrayList<>();
        int left = quantity;
        for (SeatBatch b : newestFirst) {
            if (left == 0) {
                break;
            }
            int taken = Math.min(left, b.quantity());
            if (taken > 0) {
                moves.add(new Move(b.batchId(), taken, b.windowEnd()));
                left -= taken;
            }
        }
        if (left > 0) {
            throw new IllegalStateException("the batches hold " + (quantity - left) + " seats, " + quantity + " asked");
        }
        return moves;
    }

    private static RuleViolation refuse(String message) {
        return new RuleViolation(ErrorCode.UPGRADE_NOT_ELIGIBLE, "R-I5", message, Map.of("field", "targetSubscriptionId"));
    }
}
