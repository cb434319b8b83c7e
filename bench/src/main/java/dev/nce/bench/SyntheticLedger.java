package dev.nce.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * N monthly-billed subscriptions over C customers for one month, generated deterministically: most run the whole
 * month, some start or end inside it (prorated lines). It also computes, independently of billing's code, what the
 * run must issue: BL-3 per subscription, rounded UP to the cent per line (D1), summed.
 */
public final class SyntheticLedger {

    static final String[] PRICES = {"4.30", "6.00", "12.50", "22.00", "36.00", "57.00"};

    public record Subscription(String customerId, String subscriptionId, String offerId, LocalDate start,
                               LocalDate end, int quantity, BigDecimal unitPrice) {}

    private final String tag;
    private final YearMonth period;
    private final int subscriptions;
    private final int customers;
    private final long seed;

    public SyntheticLedger(String tag, YearMonth period, int subscriptions, int customers, long seed) {
        this.tag = tag;
        this.period = period;
        this.subscriptions = subscriptions;
        this.customers = customers;
        this.seed = seed;
    }

    public String customerId(int index) { return String.format("bench-%s-%07d", tag, index); }

    public String customerPrefix() { return "bench-" + tag + "-"; }

    public int subscriptions() { return subscriptions; }

    public int customers() { return customers; }

    /** Subscription i belongs to customer i mod C, so every customer has at least one line. */
    public Subscription subscription(int i) {
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + i);
        int days = period.lengthOfMonth();
        LocalDate start = period.atDay(1);
        LocalDate end = period.atEndOfMonth();
        if (random.nextInt(4) == 0) {
            start = period.atDay(1 + random.nextInt(days)); // bought during the month
        }
        if (random.nextInt(10) == 0) {
            end = start.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(start, end) + 1)); // cancelled
        }
        return new Subscription(customerId(i % customers), String.format("bench-%s-s%08d", tag, i),
                "BENCH:" + (1000 + random.nextInt(40)), start, end, 1 + random.nextInt(25),
                new BigDecimal(PRICES[random.nextInt(PRICES.length)]));
    }

    /** BL-3 for one subscription's line, UP to the cent (an independent implementation, not billing's). */
    public BigDecimal expectedAmount(Subscription s) {
        long active = ChronoUnit.DAYS.between(s.start(), s.end()) + 1;
        return s.unitPrice().multiply(BigDecimal.valueOf(s.quantity())).multiply(BigDecimal.valueOf(active))
                .divide(BigDecimal.valueOf(period.lengthOfMonth()), 2, RoundingMode.UP);
    }
}
