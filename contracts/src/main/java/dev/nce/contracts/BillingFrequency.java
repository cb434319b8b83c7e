package dev.nce.contracts;

/** How a seat subscription is billed (R-A1). ANNUAL and TRIENNIAL are the "upfront" plans of this project (R-A2). */
public enum BillingFrequency {
    MONTHLY(1), ANNUAL(12), TRIENNIAL(36);

    private final int monthsPerCharge;

    BillingFrequency(int monthsPerCharge) { this.monthsPerCharge = monthsPerCharge; }

    /** Months one upfront charge covers (BL-6 billingMonths); 1 for monthly billing. */
    public int monthsPerCharge() { return monthsPerCharge; }

    public boolean isUpfront() { return this != MONTHLY; }
}
