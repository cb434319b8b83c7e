package dev.nce.contracts;

/** Commitment term of a seat subscription (R-A1). */
public enum Term {
    P1M(1), P1Y(12), P3Y(36);

    private final int months;

    Term(int months) { this.months = months; }

    public int months() { return months; }

    public boolean isLongerThan(Term other) { return months > other.months; }
}
