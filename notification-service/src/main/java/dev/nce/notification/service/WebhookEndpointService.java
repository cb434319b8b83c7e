package dev.nce.notification.service;

import dev.nce.contracts.RuleViolation;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.notification.domain.CancelReason;
import dev.nce.notification.domain.DeliveryStatus;
import dev.nce.notification.domain.EndpointUrl;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.persistence.CustomerEntity;
import dev.nce.notification.persistence.DeliveryEntity;
import dev.nce.notification.persistence.WebhookEndpointEntity;
import dev.nce.notification.persistence.WebhookEndpoints;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Registers and removes webhook endpoints (API.md); the secret is stored to sign and never returned. */
@ApplicationScoped
public class WebhookEndpointService {

    public static final int MAX_SECRET_LENGTH = 1024;
    /** Issue 15 item 3: a guessable short secret makes the signature worthless. */
    public static final int MIN_SECRET_LENGTH = 16;
    /** Issue 15 item 3: endpoints per customer (and partner-wide), so one tenant cannot fan out deliveries. */
    public static final int MAX_ENDPOINTS = 10;

    @Inject
    WebhookTargets targets;
    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookEndpoints endpoints;
    @Inject
    PlatformClock clock;

    /**
     * Validates (400), then checks the customer exists for this caller (404: unknown, or another customer's for a
     * customer token; API.md order 400 before 404). The caller checked the role for partner-wide endpoints (403).
     */
    @Transactional
    public WebhookEndpointEntity create(String url, String secret, List<NotificationKind> kinds, String customerId,
                                        boolean callerSeesCustomer, String createdBy) {
        java.net.URI uri = EndpointUrl.validate(url);
        targets.require(uri);
        String validUrl = uri.toString();
        if (secret == null || secret.isBlank()) {
            throw RuleViolation.invalidField("secret", "secret is required");
        }
        if (secret.length() < MIN_SECRET_LENGTH) {
            throw RuleViolation.invalidField("secret", "secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        if (secret.length() > MAX_SECRET_LENGTH) {
            throw RuleViolation.invalidField("secret", "secret is longer than " + MAX_SECRET_LENGTH + " characters");
        }
        Set<NotificationKind> selected = EnumSet.noneOf(NotificationKind.class);
        if (kinds == null || kinds.isEmpty()) {
            selected = EnumSet.allOf(NotificationKind.class); // no filter: every kind
        } else {
            for (int i = 0; i < kinds.size(); i++) {
                if (kinds.get(i) == null) {
                    throw RuleViolation.invalidField("kinds[" + i + "]", "a kind must not be null");
                }
                selected.add(kinds.get(i));
            }
        }
        if (customerId != null && (!callerSeesCustomer || CustomerEntity.byId(customerId) == null)) {
            throw RuleViolation.notFound("customer " + customerId);
        }
        long active = customerId == null ? WebhookEndpointEntity.count("deletedAt is null and customerId is null")
                : WebhookEndpointEntity.count("deletedAt is null and customerId = ?1", customerId);
        if (active >= MAX_ENDPOINTS) {
            throw RuleViolation.invalidState(null, "at most " + MAX_ENDPOINTS + " webhook endpoints per customer; "
                    + "remove one first");
        }
        WebhookEndpointEntity e = new WebhookEndpointEntity();
        e.endpointId = UUID.randomUUID();
        e.customerId = customerId;
        e.url = validUrl;
        e.secret = secrets.seal(secret);
        e.kinds = WebhookEndpoints.kindsColumn(selected);
        e.createdAt = clock.now();
        e.createdBy = createdBy;
        e.persist();
        return e;
    }

    /** Soft delete; deliveries still waiting for this endpoint are CANCELLED. */
    @Transactional
    public void remove(WebhookEndpointEntity endpoint) {
        endpoint.deletedAt = clock.now();
        DeliveryEntity.update("status = ?1, lastError = ?2 where endpointId = ?3 and status = ?4",
                DeliveryStatus.CANCELLED, CancelReason.ENDPOINT_REMOVED, endpoint.endpointId, DeliveryStatus.SCHEDULED);
    }
}
