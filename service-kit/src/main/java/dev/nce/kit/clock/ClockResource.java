package dev.nce.kit.clock;

import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/** GET /admin/clock on every service; POST /admin/clock/advance where a ClockAdvancer exists (subscription-service). */
@Path("/admin/clock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("partner-admin")
@dev.nce.kit.idempotency.Idempotent // issue 15 item 15: a retried advance with its Idempotency-Key replays, not 409
public class ClockResource {

    public record ClockView(ClockMode mode, Instant now) {}

    public record AdvanceRequest(String to) {}

    @Inject
    PlatformClock clock;
    @Inject
    Instance<ClockReporter> reporter;
    @Inject
    Instance<ClockAdvancer> advancer;

    @GET
    public ClockView get() {
        Instant now = reporter.isResolvable() && clock.isSimulated() ? reporter.get().reportedNow() : clock.now();
        return new ClockView(clock.mode(), now);
    }

    @POST
    @Path("/advance")
    public ClockView advance(AdvanceRequest request) {
        if (!advancer.isResolvable()) {
            throw new ProblemException(ErrorCode.NOT_FOUND, "this service does not own the platform clock");
        }
        if (!clock.isSimulated()) {
            throw new RuleViolation(ErrorCode.SIMULATION_DISABLED, null, "the clock is the system clock");
        }
        if (request == null || request.to() == null || request.to().isBlank()) {
            throw RuleViolation.invalidField("to", "to is required (an instant or a date)");
        }
        Instant to;
        try {
            to = ClockInstants.parse(request.to());
        } catch (IllegalArgumentException e) {
            throw RuleViolation.invalidField("to", e.getMessage());
        }
        return new ClockView(clock.mode(), advancer.get().advanceTo(to));
    }
}
