package dev.nce.notification.domain;

/** The notification kinds of D8 (NCE-RULES.md). */
public enum NotificationKind {
    NOTICE_UPCOMING, NOTICE_DEADLINE, EXPIRY_UPCOMING, WINDOW_CLOSING, EXPIRED, DISABLED, EST_STARTED, INVOICE_ISSUED,
    /** Since 2026-12-07 (API.md): 09:00Z seven days before a trial ends, once per trial. */
    TRIAL_ENDING;

    /** The per-term reminders of D8: unique per (subscription, term start date, kind). */
    public boolean isTermReminder() {
        return this == NOTICE_UPCOMING || this == NOTICE_DEADLINE || this == EXPIRY_UPCOMING;
    }

    /** Kinds derived from a schedule (due in the future), as opposed to kinds sent when an event happens. */
    public boolean isScheduled() {
        return isTermReminder() || this == WINDOW_CLOSING || this == TRIAL_ENDING;
    }
}
