package dev.nce.subscription.domain;

import java.math.BigDecimal;

/**
 * One way to buy a year of seats (D26). {@code annualSeats} are committed for the year on {@code term}/{@code billing};
 * {@code monthlySeats} is the most P1M seats held in any month and {@code monthlySeatMonths} the P1M seat-months paid.
 * For {@code ALL_MONTHLY} term/billing are P1M/MONTHLY and annualSeats is 0.
 */
public record CommitmentOption(Kind kind, String term, String billing, int annualSeats, int monthlySeats,
                               long monthlySeatMonths, BigDecimal totalCost) {

    public enum Kind {
        /** Every seat on P1M, following the demand month by month. */
        ALL_MONTHLY,
        /** The year's peak on P1Y/ANNUAL. */
        ANNUAL_AT_PEAK,
        /** The year's peak on P1Y/MONTHLY. */
        ANNUAL_PAID_MONTHLY_AT_PEAK,
        /** D26's optimum Q on P1Y/ANNUAL plus a P1M top-up. */
        ANNUAL_BASE_WITH_MONTHLY_TOP_UP,
        /** D26's formula with P1Y/MONTHLY as the base plus a P1M top-up. */
        ANNUAL_PAID_MONTHLY_BASE_WITH_MONTHLY_TOP_UP,
        /**
         * P1Y/ANNUAL starting at month 1's need, increased mid-term as the demand grows (never reduced); only when
         * month 1 needs a seat, so the term is the advised year.
         */
        ANNUAL_INCREASED_MID_TERM
    }
}
