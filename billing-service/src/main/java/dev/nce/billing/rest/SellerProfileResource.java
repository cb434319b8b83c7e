package dev.nce.billing.rest;

import dev.nce.billing.domain.tax.SellerProfile;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The partner's legal entity on its invoices (API.md "Tax, seller and invoices"): the address country decides D23's
 * "seller in an EU member state" and the tax registrations where the seller charges tax. Invoices keep the profile
 * as it was at issue (D24).
 */
@Path("/admin/seller-profile")
@Produces(MediaType.APPLICATION_JSON)
public class SellerProfileResource {

    @Inject
    TaxAdminService admin;

    @GET
    @RolesAllowed({"partner-admin", "billing-admin", "auditor", "support-agent", "sales-agent"})
    @Operation(summary = "The seller profile", description = "404 not-found until one was PUT.")
    @APIResponse(responseCode = "200", description = "the profile")
    @APIResponse(responseCode = "404", description = "not-found: no seller profile yet")
    public SellerProfile get() {
        return admin.seller().orElseThrow(() -> RuleViolation.notFound("seller profile"));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"partner-admin", "billing-admin"})
    @Operation(summary = "Set the seller profile", description = "Replaces the whole profile (200). Invoices issued "
            + "before keep the seller block they were issued with (D24).")
    @APIResponse(responseCode = "200", description = "the stored profile")
    @APIResponse(responseCode = "400", description = "validation-failed (field names the bad value)")
    public SellerProfile put(@Valid @NotNull TaxRequests.SellerProfileBody body) {
        return admin.putSeller(body.toProfile());
    }
}
