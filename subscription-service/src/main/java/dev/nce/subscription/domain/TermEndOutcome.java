package dev.nce.subscription.domain;

/** What a subscription becomes at its renewal instant (R-F2, R-H2, D17, D20). */
public enum TermEndOutcome {
    /** A new term (R-F2). */
    RENEW,
    /** ACTIVE, month to month (D17, in EST scope). */
    EXTENDED_SERVICE_TERM,
    /** EXPIRED with the D10 grace. */
    EXPIRE,
    /** DISABLED at once, DELETED 90 d later (D17 CANCEL; renewable=false in EST scope). */
    DISABLE
}
