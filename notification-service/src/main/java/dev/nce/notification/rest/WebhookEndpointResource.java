package dev.nce.notification.rest;

import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.idempotency.Idempotent;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.persistence.WebhookEndpointEntity;
import dev.nce.notification.persistence.WebhookEndpoints;
import dev.nce.notification.service.WebhookEndpointService;
import io.quarkus.panache.common.Parameters;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * POST / GET / DELETE /v1/webhook-endpoints (API.md). An endpoint without customerId is partner-wide (partner-admin
 * only) and receives every customer's notifications; a customer token manages its own customer's endpoints.
 */
@Path("/v1/webhook-endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Idempotent
public class WebhookEndpointResource {

    public record CreateWebhookEndpoint(String url, String secret, List<NotificationKind> kinds, String customerId) {}

    public record WebhookEndpointView(UUID endpointId, String url, List<NotificationKind> kinds, String customerId,
                                      Instant createdAt) {
        static WebhookEndpointView of(WebhookEndpointEntity e) {
            return new WebhookEndpointView(e.endpointId, e.url, new ArrayList<>(WebhookEndpoints.kinds(e)), e.customerId,
                    e.createdAt);
        }
    }

    @Inject
    Caller caller;
    @Inject
    WebhookEndpointService service;
    @Inject
    WebhookEndpoints endpoints;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull CreateWebhookEndpoint request) {
        dev.nce.kit.validation.FieldLimits.require("customerId", request.customerId(), dev.nce.kit.validation.FieldLimits.ID);
        String customerId = request.customerId() == null || request.customerId().isBlank() ? null : request.customerId();
        if (customerId == null) {
            caller.requirePartnerAdmin(); // a partner-wide endpoint sees every customer (403)
        }
        boolean seesCustomer = customerId == null || caller.isPartnerAdmin()
                || caller.customerId().filter(customerId::equals).isPresent();
        WebhookEndpointEntity created = service.create(request.url(), request.secret(), request.kinds(), customerId,
                seesCustomer, caller.subject());
        return Response.status(201).entity(WebhookEndpointView.of(created)).build();
    }

    @GET
    @Transactional
    public Page<WebhookEndpointView> list(@QueryParam("customerId") String customerId, @QueryParam("limit") String limit,
                                          @QueryParam("offset") String offset) {
        Page.Window window = Page.window(Page.integer("limit", limit), Page.integer("offset", offset));
        String scope = customerId == null || customerId.isBlank() ? null : customerId;
        if (!caller.isPartnerAdmin()) {
            String own = caller.customerId().orElse(null);
            if (own == null || (scope != null && !scope.equals(own))) {
                return new Page<>(0, List.of());
            }
            scope = own;
        }
        String where = "deletedAt is null" + (scope == null ? "" : " and customerId = :customer");
        Parameters params = scope == null ? new Parameters() : Parameters.with("customer", scope);
        var query = endpoints.find(where + " order by createdAt, createdSeq", params);
        long total = query.count();
        List<WebhookEndpointView> items = query.range(window.offset(), window.offset() + window.limit() - 1).list()
                .stream().map(WebhookEndpointView::of).toList();
        return new Page<>(total, items);
    }

    @GET
    @Path("/{endpointId}")
    @Transactional
    public WebhookEndpointView get(@PathParam("endpointId") String endpointId) {
        return WebhookEndpointView.of(visible(endpointId));
    }

    @DELETE
    @Path("/{endpointId}")
    @Transactional
    public Response delete(@PathParam("endpointId") String endpointId) {
        service.remove(visible(endpointId));
        return Response.noContent().build();
    }

    /** The endpoint if this caller may see it: partner-wide ones only for partner-admin, else the customer's own (404). */
    private WebhookEndpointEntity visible(String endpointId) {
        UUID id;
        try {
            id = UUID.fromString(endpointId);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.notFound("webhook endpoint " + endpointId);
        }
        WebhookEndpointEntity e = endpoints.active(id);
        if (e == null || (!caller.isPartnerAdmin()
                && (e.customerId == null || caller.customerId().filter(e.customerId::equals).isEmpty()))) {
            throw RuleViolation.notFound("webhook endpoint " + endpointId);
        }
        return e;
    }
}
