package dev.nce.billing.rest;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.service.MarginService;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Margin per customer and offer of a period's issued invoices (partner-admin, billing-admin, auditor). */
@Path("/v1/margins")
@Produces(MediaType.APPLICATION_JSON)
public class MarginResource {

    public record MarginPage(String period, int totalCount, List<MarginService.Row> items) {}

    @Inject
    MarginService margins;

    @GET
    @RolesAllowed({Caller.PARTNER_ADMIN, ReconResource.BILLING_ADMIN, ReconResource.AUDITOR})
    @Operation(summary = "Margin per customer and offer",
            description = "For the issued invoices of ?period=YYYY-MM: sell amount (before tax), the partner's cost "
                    + "(the plans' termCostPrice, D22, by each line's formula), margin and margin %; lines of plans "
                    + "without a cost price are counted in linesWithoutCost.")
    @APIResponse(responseCode = "200", description = "{period, totalCount, items}")
    @APIResponse(responseCode = "400", description = "validation-failed (field period)")
    public MarginPage list(@QueryParam("period") String period) {
        if (period == null || period.isBlank()) {
            throw RuleViolation.invalidField("period", "period (YYYY-MM) is required");
        }
        List<MarginService.Row> rows = margins.margins(BillingPeriod.parse(period, "period"));
        return new MarginPage(period, rows.size(), rows);
    }
}
