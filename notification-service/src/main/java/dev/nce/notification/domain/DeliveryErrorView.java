package dev.nce.notification.domain;

import java.util.Set;

/**
 * What a delivery's {@code lastError} shows to whom (issue 15 item 3): a receiver's error text ("Connection refused",
 * an HTTP status) turned the webhook list into a port scanner, so only partner roles see it; a customer sees a
 * generic "delivery-failed", or the platform's own cancel reason.
 */
public final class DeliveryErrorView {

    public static final String GENERIC = "delivery-failed";
    private static final Set<String> OWN_REASONS = Set.of(CancelReason.SUPERSEDED, CancelReason.DEADLINE_PASSED,
            CancelReason.WINDOW_ALERT_PAST, CancelReason.NO_LONGER_APPLIES, CancelReason.ENDPOINT_REMOVED);

    private DeliveryErrorView() {}

    public static String shown(String lastError, boolean partnerRole) {
        if (lastError == null || partnerRole || OWN_REASONS.contains(lastError)) {
            return lastError;
        }
        return GENERIC;
    }
}
