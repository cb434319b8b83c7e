package dev.nce.billing.rest;

import dev.nce.billing.domain.tax.TaxRate;
import dev.nce.billing.rest.Views.Page;
import dev.nce.billing.service.TaxAdminService;
import dev.nce.contracts.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** D23 tax rates: effective-dated, immutable once created except effectiveTo (API.md "Tax, seller and invoices"). */
@Path("/v1/tax-rates")
@Produces(MediaType.APPLICATION_JSON)
public class TaxRateResource {

    @Inject
    TaxAdminService admin;

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"partner-admin", "billing-admin"})
    @Operation(summary = "Create a tax rate, or close it",
            description = "Creates the rate (201) or answers the existing one (200). A rate is immutable once created "
                    + "except effectiveTo (inclusive last day); any other change is 409 invalid-state (NCE-RULES D23).")
    @APIResponse(responseCode = "201", description = "created")
    @APIResponse(responseCode = "200", description = "existing rate (effectiveTo updated when it changed)")
    @APIResponse(responseCode = "400", description = "validation-failed (field names the bad value)")
    @APIResponse(responseCode = "409", description = "invalid-state: a change other than effectiveTo")
    public Response put(@PathParam("code") String code, @Valid @NotNull TaxRequests.TaxRateBody body) {
        TaxAdminService.RatePut put = admin.putRate(body.toRate(code));
        return Response.status(put.created() ? 201 : 200).entity(put.rate()).build();
    }

    @GET
    @RolesAllowed({"partner-admin", "billing-admin", "auditor", "support-agent", "sales-agent"})
    @Operation(summary = "List tax rates", description = "Every rate, by country then effectiveFrom; country= filters "
            + "by ISO country, at= (a date) keeps the rates in force on that day.")
    @APIResponse(responseCode = "200", description = "{totalCount, items}")
    @APIResponse(responseCode = "400", description = "validation-failed: a bad at, limit or offset")
    public Page<TaxRate> list(@QueryParam("country") String country, @QueryParam("at") String at,
                              @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Paging paging = Paging.of(limit, offset);
        LocalDate date = null;
        if (at != null) {
            try {
                date = at.length() > 10 ? java.time.Instant.parse(at).atZone(java.time.ZoneOffset.UTC).toLocalDate()
                        : LocalDate.parse(at);
            } catch (DateTimeParseException e) {
                throw RuleViolation.invalidField("at", "at must be a date (YYYY-MM-DD) or an instant");
            }
        }
        List<TaxRate> all = admin.rates(country == null ? null : country.trim(), date);
        return new Page<>(all.size(), all.stream().skip(paging.offset()).limit(paging.limit()).toList());
    }
}
