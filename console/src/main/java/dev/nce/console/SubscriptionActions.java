package dev.nce.console;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The buttons a subscription card offers, read off API.md's action-by-state table (the API still decides; a refusal is
 * shown in words): ACTIVE: quantity, end-of-term action, cancel (window), suspend; EST: cancel; SUSPENDED: reduce
 * inside the window, cancel (window), resume; a trial, EXPIRED, DISABLED and DELETED: none of these.
 */
public final class SubscriptionActions {

    private SubscriptionActions() {}

    public static Map<String, Boolean> allowed(Map<String, Object> s) {
        Map<String, Boolean> actions = new LinkedHashMap<>();
        String status = String.valueOf(s.get("status"));
        boolean trial = Boolean.TRUE.equals(s.get("trial"));
        boolean est = Boolean.TRUE.equals(s.get("inExtendedServiceTerm"));
        boolean window = s.get("cancellationAllowedUntil") != null;
        boolean refundable = s.get("refundableQuantity") instanceof Number n && n.intValue() > 0;
        if (trial) {
            return actions;
        }
        if (status.equals("ACTIVE") && est) {
            actions.put("cancel", true);
        } else if (status.equals("ACTIVE")) {
            actions.put("quantity", true);
            actions.put("end_of_term", true);
            if (refundable) {
                actions.put("reduce", true);
            }
            if (window) {
                actions.put("cancel", true);
            }
            actions.put("suspend", true);
        } else if (status.equals("SUSPENDED")) {
            if (refundable) {
                actions.put("reduce", true);
            }
            if (window) {
                actions.put("cancel", true);
            }
            actions.put("resume", true);
        }
        return actions;
    }
}
