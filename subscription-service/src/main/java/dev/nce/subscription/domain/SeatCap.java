package dev.nce.subscription.domain;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * D9: at most {@code limit} seats per customer and capGroup (or per combined group set), counting ACTIVE (EST and
 * trials included) and SUSPENDED seats plus the customer's declared externalSeats. A null capGroup has no cap.
 */
public record SeatCap(int limit, boolean combined, Set<String> combinedGroups) {

    public static final int DEFAULT_LIMIT = 300;
    public static final Set<String> DEFAULT_COMBINED_GROUPS =
            Set.of("M365_BUSINESS_BASIC", "M365_BUSINESS_STANDARD", "M365_BUSINESS_PREMIUM");

    /** The capGroups counted together with {@code capGroup}: itself, or the combined set it belongs to. */
    public Set<String> countedGroups(String capGroup) {
        if (capGroup == null) {
            return Set.of();
        }
        return combined && combinedGroups.contains(capGroup) ? combinedGroups : Set.of(capGroup);
    }

    /** Whether seats of {@code other} count under {@code capGroup}'s cap; never for a null (uncapped) group. */
    public boolean countsTogether(String capGroup, String other) {
        return other != null && countedGroups(capGroup).contains(other);
    }

    /**
     * Refuses when {@code held} (seats counted here for the groups, the changing subscription excluded) plus the
     * customer's external seats for those groups plus {@code requested} exceeds the limit.
     */
    public void check(String capGroup, long held, Map<String, Integer> externalSeats, int requested) {
        Set<String> groups = countedGroups(capGroup);
        if (groups.isEmpty()) {
            return;
        }
        long external = 0;
        for (String g : groups) {
            external += externalSeats == null ? 0 : externalSeats.getOrDefault(g, 0);
        }
        long count = held + external;
        if (count + requested > limit) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("capGroup", capGroup);
            details.put("cap", limit);
            details.put("currentCount", count);
            details.put("requestedQuantity", requested);
            throw new RuleViolation(ErrorCode.SEAT_CAP_EXCEEDED, "D9", "the seat cap of " + limit + " for " + capGroup
                    + (groups.size() > 1 ? " (combined " + String.join(", ", groups.stream().sorted().toList()) + ")" : "")
                    + " would be exceeded: " + count + " held + " + requested + " requested", details);
        }
    }
}
