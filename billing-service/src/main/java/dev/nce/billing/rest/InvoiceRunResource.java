package dev.nce.billing.rest;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.persistence.RunRepository;
import dev.nce.billing.persistence.RunRepository.RunRow;
import dev.nce.billing.rest.Views.InvoiceRunView;
import dev.nce.billing.rest.Views.Page;
import dev.nce.billing.service.CatalogSync;
import dev.nce.billing.service.InvoiceRunService;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.idempotency.Idempotent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;

/** Invoice runs (API.md billing-service): partner-wide, so partner-admin only. */
@Path("/v1/invoice-runs")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("partner-admin")
@Idempotent
public class InvoiceRunResource {

    static final int MISSING_LISTED = 1000;

    public record StartRunRequest(String period) {}

    @Inject
    InvoiceRunService runService;
    @Inject
    RunRepository runs;
    @Inject
    CatalogSync catalogSync;

    /** Starts the run for a closed period (201) or answers the existing one (200, same runId). */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(StartRunRequest request) {
        if (request == null || request.period() == null) {
            throw RuleViolation.invalidField("period", "period is required (YYYY-MM)");
        }
        BillingPeriod period = BillingPeriod.parse(request.period(), "period");
        catalogSync.awaitCaughtUp();
        InvoiceRunService.Started started = runService.startByRequest(period);
        return Response.status(started.created() ? 201 : 200).entity(view(started.run().runId())).build();
    }

    @GET
    @Path("/{runId}")
    public InvoiceRunView get(@PathParam("runId") String runId) {
        return view(parseId(runId));
    }

    @GET
    @Transactional
    public Page<InvoiceRunView> list(@QueryParam("period") String period, @QueryParam("limit") String limit,
                                     @QueryParam("offset") String offset) {
        BillingPeriod filter = period == null ? null : BillingPeriod.parse(period, "period");
        Paging paging = Paging.of(limit, offset);
        return new Page<>(runs.count(filter), runs.list(filter, paging.limit(), paging.offset()).stream()
                .map(this::view).toList());
    }

    InvoiceRunView view(UUID runId) {
        return QuarkusTransaction.joiningExisting().call(() -> runs.byId(runId).map(this::view)
                .orElseThrow(() -> RuleViolation.notFound("invoice run " + runId)));
    }

    private InvoiceRunView view(RunRow run) {
        long missing = runs.missingCount(run.runId(), run.period());
        return new InvoiceRunView(run.runId(), run.period().toString(), run.status(), run.customersTotal(),
                runs.issuedCount(run.period()), missing == 0 ? java.util.List.of()
                : runs.missingCustomers(run.runId(), run.period(), MISSING_LISTED), missing, run.startedAt(),
                run.completedAt(), run.attempt(), run.issueDate(), run.tasksTotal(), run.tasksDone(),
                run.alertMissing());
    }

    static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.notFound("invoice run " + id);
        }
    }
}
