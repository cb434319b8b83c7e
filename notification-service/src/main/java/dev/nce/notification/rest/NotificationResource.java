package dev.nce.notification.rest;

import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.DeliveryStatus;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.persistence.CustomerEntity;
import dev.nce.notification.persistence.DeliveryEntity;
import dev.nce.notification.persistence.NotificationEntity;
import dev.nce.notification.service.NotificationQuery;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/** GET /v1/customers/{customerId}/notifications (API.md notification-service). */
@Path("/v1/customers/{customerId}/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {

    @Inject
    Caller caller;
    @Inject
    NotificationQuery query;

    @GET
    @Transactional
    public Page<NotificationRow> list(@PathParam("customerId") String customerId,
                                      @QueryParam("limit") String limit, @QueryParam("offset") String offset,
                                      @QueryParam("kind") String kind, @QueryParam("status") String status,
                                      @QueryParam("channel") String channel,
                                      @QueryParam("subscriptionId") String subscriptionId) {
        Page.Window window = Page.window(Page.integer("limit", limit), Page.integer("offset", offset));
        NotificationQuery.Filter filter = new NotificationQuery.Filter(
                Page.enumValue("kind", kind, NotificationKind.class),
                Page.enumValue("status", status, DeliveryStatus.class),
                Page.enumValue("channel", channel, Channel.class),
                subscriptionId == null || subscriptionId.isBlank() ? null : subscriptionId);
        caller.requireAccessTo(customerId); // another customer's list answers 404 (after 400s, API.md order)
        if (CustomerEntity.byId(customerId) == null) {
            throw RuleViolation.notFound("customer " + customerId);
        }
        return new Page<>(query.count(customerId, filter), query.page(customerId, filter, window.limit(), window.offset()));
    }

    @GET
    @Path("/{notificationId}")
    @Transactional
    public NotificationDetail get(@PathParam("customerId") String customerId,
                                  @PathParam("notificationId") String notificationId) {
        caller.requireAccessTo(customerId);
        NotificationEntity n = null;
        try {
            n = NotificationEntity.findById(UUID.fromString(notificationId));
        } catch (IllegalArgumentException e) {
            // not a well-formed id: not found (API.md conventions)
        }
        if (n == null || !n.customerId.equals(customerId)) {
            throw RuleViolation.notFound("notification " + notificationId);
        }
        List<NotificationDetail.Delivery> deliveries = DeliveryEntity.<DeliveryEntity>list(
                        "notificationId = ?1 order by channel, endpointId nulls first", n.notificationId).stream()
                .map(d -> new NotificationDetail.Delivery(d.channel, d.endpointId, d.messageId, d.status, d.attempts,
                        d.deliveredAt, d.nextAttemptAt,
                        dev.nce.notification.domain.DeliveryErrorView.shown(d.lastError, caller.isPartnerAdmin()))).toList();
        return new NotificationDetail(n.notificationId, n.kind, n.customerId, n.subscriptionId, n.termStartDate,
                n.batchId, n.invoiceId, n.dueAt, n.processedAt, n.status, n.cancelReason, n.subject, n.body, deliveries);
    }
}
