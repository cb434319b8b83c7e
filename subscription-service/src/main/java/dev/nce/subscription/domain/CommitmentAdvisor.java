package dev.nce.subscription.domain;

import dev.nce.subscription.domain.CommitmentOption.Kind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * D26 commitment advice: for one offer and 12 months of seat demand, what each way of buying costs and which is
 * cheapest. The mix cost is C(Q) = 12 x a x Q + m x sum(max(dt - Q, 0)); it is evaluated for every Q in 0..peak (the
 * cost is piecewise linear, so the optimum lies on a demand value, but a full scan is cheap and cannot miss). Every
 * figure is an exact product of a price and a seat count, so nothing is rounded except the break-even months (scale 2,
 * HALF_UP, a display figure).
 */
public final class CommitmentAdvisor {

    private static final BigDecimal MONTHS = BigDecimal.valueOf(SeatDemand.MONTHS);

    private CommitmentAdvisor() {}

    /**
     * @param midTermIncrease whether the offer lets a P1Y term grow mid-term (then the "increase as you grow" option
     *                        is offered)
     * @param current         the customer's current subscriptions of the offer as they continue (empty: none)
     */
    public static CommitmentAdvice advise(CommitmentPrices prices, SeatDemand demand, boolean midTermIncrease,
                                          List<CurrentSeats> current) {
        List<CommitmentOption> options = new ArrayList<>();
        int peak = demand.peak();
        List<Integer> ties = List.of();
        if (prices.monthly() != null) {
            options.add(new CommitmentOption(Kind.ALL_MONTHLY, "P1M", "MONTHLY", 0, peak,
                    demand.seatMonthsAbove(0), cost(null, 0, prices.monthly(), demand, prices.scale())));
        }
        if (prices.annual() != null) {
            options.add(new CommitmentOption(Kind.ANNUAL_AT_PEAK, "P1Y", "ANNUAL", peak, 0, 0,
                    cost(prices.annual(), peak, null, demand, prices.scale())));
        }
        if (prices.annualPaidMonthly() != null) {
            options.add(new CommitmentOption(Kind.ANNUAL_PAID_MONTHLY_AT_PEAK, "P1Y", "MONTHLY", peak, 0, 0,
                    cost(prices.annualPaidMonthly(), peak, null, demand, prices.scale())));
        }
        if (prices.annual() != null && prices.monthly() != null) {
            List<Integer> best = cheapestBases(prices.annual(), prices.monthly(), demand, prices.scale());
            ties = best;
            options.add(mix(Kind.ANNUAL_BASE_WITH_MONTHLY_TOP_UP, "ANNUAL", prices.annual(), prices.monthly(),
                    best.get(0), demand, prices.scale()));
        }
        if (prices.annualPaidMonthly() != null && prices.monthly() != null) {
            int q = cheapestBases(prices.annualPaidMonthly(), prices.monthly(), demand, prices.scale()).get(0);
            options.add(mix(Kind.ANNUAL_PAID_MONTHLY_BASE_WITH_MONTHLY_TOP_UP, "MONTHLY", prices.annualPaidMonthly(),
                    prices.monthly(), q, demand, prices.scale()));
        }
        // the term starts in month 1 with month 1's seats; without any then, a later purchase would commit past the year
        if (prices.annual() != null && midTermIncrease && demand.seats().get(0) > 0) {
            options.add(new CommitmentOption(Kind.ANNUAL_INCREASED_MID_TERM, "P1Y", "ANNUAL", peak, 0, 0,
                    money(prices.annual().multiply(BigDecimal.valueOf(demand.runningPeakSeatMonths())), prices.scale())));
        }
        // cheapest first; D26 ties go to the fewest annual seats, then to the earlier (simpler) option
        CommitmentOption recommended = options.stream()
                .min(Comparator.comparing(CommitmentOption::totalCost)
                        .thenComparingInt(CommitmentOption::annualSeats))
                .orElseThrow();
        BigDecimal currentCost = current.isEmpty() ? null : currentPlanCost(current, prices.monthly(), demand, prices.scale());
        return new CommitmentAdvice(List.copyOf(options), recommended, ties,
                new CommitmentAdvice.BreakEven(breakEven(prices.annual(), prices.monthly()),
                        breakEven(prices.annualPaidMonthly(), prices.monthly())),
                currentCost, currentCost == null ? null : currentCost.subtract(recommended.totalCost()));
    }

    /** C(Q) for {@code base} seats at {@code annual} for 12 months plus the rest of the demand at {@code monthly}. */
    public static BigDecimal cost(BigDecimal annual, int base, BigDecimal monthly, SeatDemand demand, int scale) {
        BigDecimal total = BigDecimal.ZERO;
        if (base > 0) {
            total = total.add(MONTHS.multiply(annual).multiply(BigDecimal.valueOf(base)));
        }
        long topUp = demand.seatMonthsAbove(base);
        if (topUp > 0) {
            if (monthly == null) {
                throw new IllegalArgumentException("demand above the base needs a P1M price");
            }
            total = total.add(monthly.multiply(BigDecimal.valueOf(topUp)));
        }
        return money(total, scale);
    }

    /** Every Q in 0..peak with the lowest C(Q), fewest first (D26: the first one is the answer). */
    static List<Integer> cheapestBases(BigDecimal annual, BigDecimal monthly, SeatDemand demand, int scale) {
        BigDecimal lowest = null;
        List<Integer> best = new ArrayList<>();
        for (int q = 0; q <= demand.peak(); q++) {
            BigDecimal c = cost(annual, q, monthly, demand, scale);
            int cmp = lowest == null ? -1 : c.compareTo(lowest);
            if (cmp < 0) {
                lowest = c;
                best.clear();
            }
            if (cmp <= 0) {
                best.add(q);
            }
        }
        return List.copyOf(best);
    }

    private static CommitmentOption mix(Kind kind, String billing, BigDecimal base, BigDecimal monthly, int q,
                                        SeatDemand demand, int scale) {
        return new CommitmentOption(kind, "P1Y", billing, q, demand.peakAbove(q), demand.seatMonthsAbove(q),
                cost(base, q, monthly, demand, scale));
    }

    /**
     * The current subscriptions kept as they are: committed seats are paid all year; each month's remaining need is
     * met by the month-to-month seats the customer already has, cheapest first, and above them by new P1M seats.
     */
    static BigDecimal currentPlanCost(List<CurrentSeats> current, BigDecimal monthly, SeatDemand demand, int scale) {
        BigDecimal total = BigDecimal.ZERO;
        int committed = 0;
        for (CurrentSeats s : current) {
            if (s.committed()) {
                committed += s.quantity();
                total = total.add(MONTHS.multiply(s.monthlyUnitPrice()).multiply(BigDecimal.valueOf(s.quantity())));
            }
        }
        List<CurrentSeats> flexible = current.stream().filter(s -> !s.committed())
                .sorted(Comparator.comparing(CurrentSeats::monthlyUnitPrice)).toList();
        for (int need : demand.seats()) {
            int rest = Math.max(need - committed, 0);
            for (CurrentSeats s : flexible) {
                int used = Math.min(rest, s.quantity());
                total = total.add(s.monthlyUnitPrice().multiply(BigDecimal.valueOf(used)));
                rest -= used;
            }
            if (rest > 0) {
                if (monthly == null) {
                    throw new IllegalArgumentException("demand above the current seats needs a P1M price");
                }
                total = total.add(monthly.multiply(BigDecimal.valueOf(rest)));
            }
        }
        return money(total, scale);
    }

    private static BigDecimal breakEven(BigDecimal annualPlan, BigDecimal monthly) {
        if (annualPlan == null || monthly == null || monthly.signum() == 0) {
            return null;
        }
        return MONTHS.multiply(annualPlan).divide(monthly, 2, RoundingMode.HALF_UP);
    }

    /** Exact products only: widening to the prices' scale never rounds (a current price of finer scale keeps it). */
    private static BigDecimal money(BigDecimal amount, int scale) {
        return amount.setScale(Math.max(scale, amount.scale()), RoundingMode.UNNECESSARY);
    }
}
