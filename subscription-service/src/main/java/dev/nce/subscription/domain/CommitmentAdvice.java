package dev.nce.subscription.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * D26's answer. {@code recommended} is one of {@code options}; {@code tiedAnnualSeats} lists every annual seat count
 * that costs the same as the recommended base (ties go to the fewest, D26); {@code breakEvenMonths} is, per annual
 * plan, the months a seat must be needed before a year of it is cheaper than P1M (12 x annual / monthly);
 * {@code currentCost} and {@code savingVersusCurrent} are null without current subscriptions.
 */
public record CommitmentAdvice(List<CommitmentOption> options, CommitmentOption recommended,
                               List<Integer> tiedAnnualSeats, BreakEven breakEvenMonths,
                               BigDecimal currentCost, BigDecimal savingVersusCurrent) {

    /** Months of need at which a year on the plan costs the same as P1M; null where a plan is not sold. */
    public record BreakEven(BigDecimal annual, BigDecimal annualPaidMonthly) {}
}
