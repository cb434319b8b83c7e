package dev.nce.kit.deadletter;

import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.idempotency.Idempotent;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Dead letters of this service (issue 16, issue 15 item 1), partner-admin only. */
@Path("/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Caller.PARTNER_ADMIN)
@Idempotent
@Tag(name = "dead-letters", description = "Records that could not be processed or published, moved aside")
public class DeadLetterResource {

    public record Page(long totalCount, List<DeadLetter> items) {}

    @Inject
    DeadLetterStore store;
    @Inject
    DeadLetterService service;
    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List dead letters",
            description = "Consumed records that failed for a reason retrying cannot fix (source CONSUMER, also copied to "
                    + "<topic>.dlq) and outbox rows the broker refused (source OUTBOX), oldest first; payloads are not "
                    + "listed (payloadBytes gives their size).")
    @APIResponse(responseCode = "200", description = "{totalCount, items}")
    @APIResponse(responseCode = "400", description = "validation-failed: status, limit (1..1000) or offset out of range",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "unauthorized", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "403", description = "forbidden: partner-admin only",
            content = @Content(mediaType = "application/problem+json"))
    public Page list(@Parameter(description = "OPEN, REPLAYED or RESOLVED") @QueryParam("status") String status,
                     @Parameter(description = "the original topic") @QueryParam("topic") String topic,
                     @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        DeadLetter.Status wanted = status(status);
        int l = number(limit, "limit", 100, 1, 1000);
        int o = number(offset, "offset", 0, 0, Integer.MAX_VALUE);
        return new Page(store.count(wanted, topic), store.list(wanted, topic, l, o));
    }

    @POST
    @Path("/{id}/replay")
    @Operation(summary = "Replay a dead letter",
            description = "A consumed record is processed again by the consumer that failed (idempotent: applied once); "
                    + "an outbox row goes back to the outbox. Billing releases the held invoice of the customer.")
    @APIResponse(responseCode = "200", description = "the dead letter, status REPLAYED")
    @APIResponse(responseCode = "404", description = "not-found", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "invalid-state: not OPEN, or the record failed again (stays OPEN "
            + "with the new error)", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "503", description = "service-unavailable: a dependency is down; try again",
            content = @Content(mediaType = "application/problem+json"))
    public Response replay(@PathParam("id") String id) {
        return Response.ok(service.replay(parse(id), caller.subject())).build();
    }

    @POST
    @Path("/{id}/resolve")
    @Operation(summary = "Resolve a dead letter",
            description = "The operator settled the record by other means; it is kept, marked RESOLVED, and billing "
                    + "releases the held invoice of the customer.")
    @APIResponse(responseCode = "200", description = "the dead letter, status RESOLVED")
    @APIResponse(responseCode = "404", description = "not-found", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "invalid-state: not OPEN",
            content = @Content(mediaType = "application/problem+json"))
    public Response resolve(@PathParam("id") String id) {
        return Response.ok(service.resolve(parse(id), caller.subject())).build();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.notFound("dead letter");
        }
    }

    private static DeadLetter.Status status(String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return DeadLetter.Status.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField("status", "status must be OPEN, REPLAYED or RESOLVED");
        }
    }

    private static int number(String value, String field, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw RuleViolation.invalidField(field, field + " must be an integer in " + min + ".." + max);
    }
}
