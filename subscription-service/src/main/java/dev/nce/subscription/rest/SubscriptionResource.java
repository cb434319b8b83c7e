package dev.nce.subscription.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.idempotency.Idempotent;
import dev.nce.subscription.domain.ScheduledChanges;
import dev.nce.subscription.domain.SeatBatches;
import dev.nce.subscription.service.Ids;
import dev.nce.subscription.service.SubscriptionService;
import dev.nce.subscription.service.SubscriptionView;
import dev.nce.subscription.service.UnitOfWork;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** One subscription: read, change, actions, refundable quantity, scheduled changes, history (API.md). */
@Path("/v1/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Idempotent
public class SubscriptionResource {

    /** API.md refundable-quantity answer. */
    public record RefundableQuantityView(int totalQuantity, List<Detail> details) {
        public record Detail(int quantity, Instant allowedUntil) {}
    }

    @Inject
    Caller caller;
    @Inject
    SubscriptionService subscriptions;
    @Inject
    UnitOfWork uow;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper mapper;
    @Inject
    Validator validator;
    @Inject
    dev.nce.subscription.service.TermChangeService termChanges;
    @Inject
    dev.nce.subscription.service.UpgradeService upgrades;
    @Inject
    dev.nce.subscription.service.TrialService trials;

    @GET
    @Path("/{id}")
    public SubscriptionView get(@PathParam("id") String id) {
        return subscriptions.get(id, Access.of(caller));
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, CustomerResource.MERGE_PATCH})
    public SubscriptionView patch(@PathParam("id") String id, @Valid @NotNull Requests.PatchSubscription request) {
        return subscriptions.patch(id, new SubscriptionService.PatchCommand(request.quantity(), request.autoRenew(),
                request.endOfTermAction(), request.microsoftSubscriptionId()), Access.of(caller));
    }

    @POST
    @Path("/{id}/cancel")
    public Response cancel(@PathParam("id") String id) {
        return Response.ok(subscriptions.cancel(id, Access.of(caller))).build();
    }

    @POST
    @Path("/{id}/suspend")
    public Response suspend(@PathParam("id") String id) {
        return Response.ok(subscriptions.suspend(id, Access.of(caller))).build();
    }

    @POST
    @Path("/{id}/resume")
    public Response resume(@PathParam("id") String id) {
        return Response.ok(subscriptions.resume(id, Access.of(caller))).build();
    }

    /** {term?, billing?, quantity?}: an empty body (without Content-Type) or {} keeps every value. */
    @POST
    @Path("/{id}/renew")
    @Consumes(MediaType.WILDCARD)
    public Response renew(@PathParam("id") String id, String body) {
        Requests.Renew request = parse(body, Requests.Renew.class);
        return Response.ok(subscriptions.renew(id, new SubscriptionService.RenewCommand(request.term(),
                request.billing(), request.quantity()), Access.of(caller))).build();
    }

    /** R-G1: lengthen the term mid-term. */
    @POST
    @Path("/{id}/term-changes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response termChange(@PathParam("id") String id, @Valid @NotNull Requests.TermChange request) {
        return Response.ok(termChanges.change(id, new dev.nce.subscription.service.TermChangeService.TermChangeCommand(
                request.term(), request.billing()), Access.of(caller))).build();
    }

    /** R-J3: convert a trial now, into itself or into an existing subscription -> {source, target}. */
    @POST
    @Path("/{id}/trial-conversions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response trialConversion(@PathParam("id") String id, @Valid @NotNull Requests.TrialConversion request) {
        String target = request.targetSubscriptionId() == null || request.targetSubscriptionId().isBlank() ? null
                : request.targetSubscriptionId().trim();
        return Response.ok(trials.convert(id, new dev.nce.subscription.service.TrialService.ConversionCommand(target,
                request.offerId() == null || request.offerId().isBlank() ? null : request.offerId().trim(),
                request.term(), request.billing(), request.quantity()), Access.of(caller))).build();
    }

    /** R-I: the offers on the source's upgrade paths and whether each is open to it now. */
    @GET
    @Path("/{id}/upgrade-eligibilities")
    public Page<dev.nce.subscription.service.UpgradeService.Eligibility> upgradeEligibilities(@PathParam("id") String id,
            @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Page.Window window = Page.window(limit, offset);
        List<dev.nce.subscription.service.UpgradeService.Eligibility> all = upgrades.eligibilities(id, Access.of(caller));
        int from = Math.min(window.offset(), all.size());
        return new Page<>(all.size(), all.subList(from, Math.min(all.size(), from + window.limit())));
    }

    /** R-I3/R-I4/R-I5: {source, target} as they are after the upgrade. */
    @POST
    @Path("/{id}/upgrades")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response upgrade(@PathParam("id") String id, @Valid @NotNull Requests.Upgrade request) {
        String target = request.targetSubscriptionId() == null || request.targetSubscriptionId().isBlank() ? null
                : request.targetSubscriptionId().trim();
        return Response.ok(upgrades.upgrade(id, new dev.nce.subscription.service.UpgradeService.UpgradeCommand(
                request.targetOfferId().trim(), request.quantity(), target), Access.of(caller))).build();
    }

    @GET
    @Path("/{id}/refundable-quantity")
    public RefundableQuantityView refundableQuantity(@PathParam("id") String id) {
        SeatBatches.RefundableQuantity r = subscriptions.refundableQuantity(id, Access.of(caller));
        return new RefundableQuantityView(r.totalQuantity(), r.details().stream()
                .map(d -> new RefundableQuantityView.Detail(d.quantity(), d.allowedUntil())).toList());
    }

    @PUT
    @Path("/{id}/scheduled-changes")
    @Consumes({MediaType.APPLICATION_JSON, CustomerResource.MERGE_PATCH})
    public SubscriptionView setScheduledChanges(@PathParam("id") String id,
                                                @Valid @NotNull Requests.ScheduledChangesBody request) {
        ScheduledChanges changes = new ScheduledChanges(request.quantity(), request.term(), request.billing(),
                request.offerId() == null || request.offerId().isBlank() ? null : request.offerId().trim(),
                request.customTermEndDate());
        if (changes.isEmpty()) {
            throw RuleViolation.invalidField("body", "name at least one of quantity, term, billing, offerId, "
                    + "customTermEndDate (DELETE removes scheduled changes)");
        }
        return subscriptions.setScheduledChanges(id, changes, Access.of(caller));
    }

    @DELETE
    @Path("/{id}/scheduled-changes")
    public SubscriptionView clearScheduledChanges(@PathParam("id") String id) {
        return subscriptions.clearScheduledChanges(id, Access.of(caller));
    }

    @GET
    @Path("/{id}/events")
    public Page<JsonNode> events(@PathParam("id") String id, @QueryParam("limit") String limit,
                                 @QueryParam("offset") String offset) {
        Page.Window window = Page.window(limit, offset);
        subscriptions.get(id, Access.of(caller));
        return uow.read(now -> {
            long total = ((Number) em.createNativeQuery("SELECT count(*) FROM event_history WHERE subject_id = ?1")
                    .setParameter(1, id).getSingleResult()).longValue();
            @SuppressWarnings("unchecked")
            List<String> rows = em.createNativeQuery("SELECT envelope FROM event_history WHERE subject_id = ?1 "
                            + "ORDER BY id LIMIT ?2 OFFSET ?3")
                    .setParameter(1, id).setParameter(2, window.limit()).setParameter(3, window.offset()).getResultList();
            return new Page<>(total, rows.stream().map(this::tree).toList());
        });
    }

    private JsonNode tree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T> T parse(String body, Class<T> type) {
        String json = body == null || body.isBlank() ? "{}" : body;
        T value;
        try {
            value = mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        if (value == null) {
            throw RuleViolation.invalidField("body", "a JSON object is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }

    static boolean wellFormed(String id) {
        return Ids.isWellFormed(id);
    }
}
