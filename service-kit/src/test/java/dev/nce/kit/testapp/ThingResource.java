package dev.nce.kit.testapp;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Topics;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.kit.idempotency.Idempotent;
import dev.nce.kit.outbox.OutboxWriter;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A tiny resource exercising the kit: validation, problem+json, auth, Idempotency-Key, outbox. */
@Path("/v1/things")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Idempotent
public class ThingResource {

    public record CreateThing(@NotBlank String name, @NotNull BigDecimal price, BillingFrequency billing,
                              @Min(1) Integer quantity) {}

    public record ThingView(String id, String name, BigDecimal price, boolean suspended) {}

    public record ThingCreated(String id, String name) {}

    @Inject
    EntityManager em;
    @Inject
    OutboxWriter outbox;
    @Inject
    PlatformClock clock;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("partner-admin")
    @Transactional
    public Response create(@Valid @NotNull CreateThing request) {
        String id = UUID.randomUUID().toString();
        em.createNativeQuery("INSERT INTO thing (id, name, price) VALUES (?1, ?2, ?3)")
                .setParameter(1, id).setParameter(2, request.name()).setParameter(3, request.price()).executeUpdate();
        outbox.append(Topics.SUBSCRIPTION_EVENTS, id, new ThingCreated(id, request.name()), id, id, clock.now(),
                caller.subject());
        return Response.status(201).entity(view(id)).build();
    }

    @GET
    @Transactional
    public Map<String, Object> list() {
        List<?> ids = em.createNativeQuery("SELECT id FROM thing ORDER BY id").getResultList();
        return Map.of("totalCount", ids.size(), "items", ids.stream().map(i -> view((String) i)).toList());
    }

    @GET
    @Path("/{id}")
    @Transactional
    public ThingView get(@PathParam("id") String id) {
        return view(id);
    }

    /** An action endpoint: no body, no Content-Type required. */
    @POST
    @Path("/{id}/suspend")
    @Transactional
    public ThingView suspend(@PathParam("id") String id) {
        ThingView current = view(id);
        if (current.suspended()) {
            throw RuleViolation.invalidState(null, "already suspended");
        }
        em.createNativeQuery("UPDATE thing SET suspended = TRUE WHERE id = ?1").setParameter(1, id).executeUpdate();
        return view(id);
    }

    @GET
    @Path("/boom")
    public ThingView boom() {
        throw new IllegalStateException("secret internal detail");
    }

    private ThingView view(String id) {
        List<?> rows = em.createNativeQuery("SELECT id, name, price, suspended FROM thing WHERE id = ?1")
                .setParameter(1, id).getResultList();
        if (rows.isEmpty()) {
            throw RuleViolation.notFound("thing " + id);
        }
        Object[] row = (Object[]) rows.get(0);
        return new ThingView((String) row[0], (String) row[1], (BigDecimal) row[2], (Boolean) row[3]);
    }
}
