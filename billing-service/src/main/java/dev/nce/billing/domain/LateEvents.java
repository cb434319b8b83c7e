package dev.nce.billing.domain;

import dev.nce.billing.domain.LedgerChange.AddCharge;
import dev.nce.billing.domain.LedgerChange.DropScheduled;
import dev.nce.billing.domain.LedgerChange.EndSegments;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * D18 late events: a change dated in a month whose invoice run already exists never touches that month's ledger (an
 * issued invoice never changes, and a preview of it stays equal to it). The part of the change that falls in closed
 * months becomes difference lines of the same chargeType, booked on the first open month: a removed piece of a
 * segment is a credit, an added piece a charge, each computed with its own month's day count and FX rate (BL-3, D13).
 * Upfront lines dated in a closed month move to the first open month.
 */
public final class LateEvents {

    private LateEvents() {}

    public record Outcome(List<LedgerChange> changes, boolean late) {}

    /**
     * @param firstOpen the first month without an invoice run
     * @param segments  the subscription's current natural segments (before {@code planned})
     */
    public static Outcome rebook(List<LedgerChange> planned, BillingPeriod firstOpen,
                                 Function<String, List<Charge>> segments) {
        LocalDate openFrom = firstOpen.firstDay();
        Map<String, List<Charge>> working = new HashMap<>();
        List<LedgerChange> result = new ArrayList<>();
        boolean late = false;
        for (LedgerChange change : planned) {
            if (change instanceof EndSegments end) {
                List<Charge> current = working.computeIfAbsent(end.subscriptionId(),
                        id -> new ArrayList<>(segments.apply(id)));
                LocalDate from = end.from();
                List<Charge> kept = new ArrayList<>();
                for (Charge segment : current) {
                    if (from.isBefore(openFrom)) {
                        Optional<DateRange> removed = DateRange.between(max(segment.startDate(), from),
                                min(segment.endDate(), openFrom.minusDays(1)));
                        if (removed.isPresent()) {
                            result.addAll(adjustments(segment, removed.get(), -1, firstOpen));
                            late = true;
                        }
                    }
                    LocalDate cut = max(from, openFrom);
                    if (segment.startDate().isBefore(cut)) {
                        kept.add(segment.endDate().isBefore(cut) ? segment : segment.withEndDate(cut.minusDays(1)));
                    }
                }
                working.put(end.subscriptionId(), kept);
                result.add(new EndSegments(end.subscriptionId(), max(from, openFrom)));
            } else if (change instanceof AddCharge add && add.charge().isSegment()) {
                Charge segment = add.charge();
                if (segment.startDate().isBefore(openFrom)) {
                    Optional<DateRange> closed = DateRange.between(segment.startDate(),
                            min(segment.endDate(), openFrom.minusDays(1)));
                    if (closed.isPresent()) {
                        result.addAll(adjustments(segment, closed.get(), 1, firstOpen));
                        late = true;
                    }
                    Optional<DateRange> open = DateRange.between(openFrom, segment.endDate());
                    if (open.isEmpty()) {
                        continue;
                    }
                    segment = new Charge(segment.kind(), segment.subscriptionId(), segment.offerId(),
                            segment.description(), segment.type(), openFrom, segment.endDate(), segment.quantity(),
                            segment.unitPrice(), segment.pricingCurrency(), null, null, null, null, null, 1, false,
                            segment.promotionId());
                }
                working.computeIfAbsent(segment.subscriptionId(), id -> new ArrayList<>(segments.apply(id)))
                        .add(segment);
                result.add(new AddCharge(segment));
            } else if (change instanceof AddCharge add && add.charge().bookPeriod().isBefore(firstOpen)) {
                result.add(new AddCharge(add.charge().rebookedOn(firstOpen, add.charge().fxPeriod())));
                late = true;
            } else if (change instanceof DropScheduled drop) {
                result.add(new DropScheduled(drop.subscriptionId(), max(drop.from(), openFrom)));
            } else {
                result.add(change);
            }
        }
        return new Outcome(result, late);
    }

    /** One difference line per closed month of {@code piece}, booked on {@code bookOn} at that month's FX rate. */
    static List<LedgerChange> adjustments(Charge segment, DateRange piece, int sign, BillingPeriod bookOn) {
        List<LedgerChange> lines = new ArrayList<>();
        BillingPeriod month = BillingPeriod.containing(piece.from());
        while (!month.firstDay().isAfter(piece.to())) {
            Optional<DateRange> part = piece.intersect(month.range());
            if (part.isPresent()) {
                lines.add(new AddCharge(new Charge(Charge.Kind.FIXED, segment.subscriptionId(), segment.offerId(),
                        "Late change " + month + ": " + segment.description(), segment.type(), part.get().from(),
                        part.get().to(), segment.quantity(), segment.unitPrice(), segment.pricingCurrency(), null,
                        (int) part.get().days(), month.days(), bookOn, month, sign, false,
                        segment.promotionId())));
            }
            month = month.next();
        }
        return lines;
    }

    private static LocalDate max(LocalDate a, LocalDate b) { return a.isAfter(b) ? a : b; }

    private static LocalDate min(LocalDate a, LocalDate b) { return a.isBefore(b) ? a : b; }
}
