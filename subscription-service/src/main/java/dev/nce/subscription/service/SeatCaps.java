package dev.nce.subscription.service;

import dev.nce.subscription.domain.SeatCap;
import dev.nce.subscription.persistence.CustomerEntity;
import dev.nce.subscription.persistence.SubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * D9 seat caps, checked inside the writing transaction AFTER the customer row is locked (every change takes that lock
 * first, so two parallel purchases cannot both pass). Configuration: nce.seat-cap.limit, nce.seat-cap.combined,
 * nce.seat-cap.combined-groups.
 */
@ApplicationScoped
public class SeatCaps {

    @Inject
    SubscriptionRepository repo;

    @ConfigProperty(name = "nce.seat-cap.limit", defaultValue = "300")
    int limit;
    @ConfigProperty(name = "nce.seat-cap.combined", defaultValue = "false")
    boolean combined;
    @ConfigProperty(name = "nce.seat-cap.combined-groups",
            defaultValue = "M365_BUSINESS_BASIC,M365_BUSINESS_STANDARD,M365_BUSINESS_PREMIUM")
    List<String> combinedGroups;

    public SeatCap policy() {
        Set<String> groups = new LinkedHashSet<>();
        combinedGroups.forEach(g -> groups.add(g.trim()));
        return new SeatCap(limit, combined, groups);
    }

    /**
     * Refuses (409 seat-cap-exceeded) when the customer would hold more than the cap in {@code capGroup} once
     * {@code excludedSubscriptionId} (null for a new one) holds {@code quantity} seats. The customer row must be locked.
     */
    public void check(CustomerEntity lockedCustomer, String capGroup, String excludedSubscriptionId, int quantity) {
        check(lockedCustomer, capGroup, excludedSubscriptionId == null ? List.of() : List.of(excludedSubscriptionId), quantity);
    }

    /** As above with several changing subscriptions excluded; {@code quantity} is what they hold afterwards. */
    public void check(CustomerEntity lockedCustomer, String capGroup, List<String> excludedSubscriptionIds, int quantity) {
        SeatCap cap = policy();
        Set<String> groups = cap.countedGroups(capGroup);
        if (groups.isEmpty()) {
            return;
        }
        long held = repo.heldSeats(lockedCustomer.id, groups, excludedSubscriptionIds);
        cap.check(capGroup, held, Views.externalSeats(lockedCustomer), quantity);
    }
}
