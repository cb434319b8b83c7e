package dev.nce.notification.domain;

/** Why a notification was not sent (kept on the row for operators; the API shows status CANCELLED). */
public final class CancelReason {
    private CancelReason() {}

    /** A change of term, action, quantity or status made the pending row unwanted (D8); it may be reopened. */
    public static final String SUPERSEDED = "superseded";
    /** D8: the due instant was already past and so was the notice deadline. */
    public static final String DEADLINE_PASSED = "deadline-passed";
    /** D8: the WINDOW_CLOSING instant was already past when the batch was seen. */
    public static final String WINDOW_ALERT_PAST = "window-alert-past";
    /** At the due instant the condition no longer held (no refundable seats, not ACTIVE). */
    public static final String NO_LONGER_APPLIES = "no-longer-applies";
    /** The webhook endpoint was removed before the delivery was made. */
    public static final String ENDPOINT_REMOVED = "endpoint-removed";
}
