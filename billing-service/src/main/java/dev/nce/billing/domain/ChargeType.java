package dev.nce.billing.domain;

/**
 * D18 invoice line types. CYCLE and EXTENDED_TERM are monthly-billed segments (BL-3); the others belong to upfront plans
 * (BL-6, BL-7, R-I6). The credit types carry negative amounts.
 */
public enum ChargeType {
    CYCLE, EXTENDED_TERM, NEW, RENEW, ADD_QUANTITY, CANCEL_CREDIT, REDUCE_CREDIT, UPGRADE_CREDIT, UPGRADE_CHARGE;

    public boolean isCredit() {
        return this == CANCEL_CREDIT || this == REDUCE_CREDIT || this == UPGRADE_CREDIT;
    }

    /** Lines of monthly-billed plans (calendar-month proration, BL-3). */
    public boolean isMonthly() {
        return this == CYCLE || this == EXTENDED_TERM;
    }
}
