package dev.nce.catalog.rest;

import dev.nce.catalog.domain.Amounts;
import dev.nce.catalog.service.UpliftTierService;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.catalog.UpliftTier;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.idempotency.Idempotent;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.LocalDate;

/** API.md uplift tiers: the effective-dated list; POST adds (201) or replaces the tier with the same key (200). */
@Path("/v1/uplift-tiers")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Idempotent
public class UpliftTierResource {

    public record TierRequest(@NotNull UpliftTier.Kind kind, Term term, BillingFrequency billing,
                              @NotNull UpliftTier.Basis basis, @NotNull BigDecimal percent, @NotNull String effectiveFrom) {}

    public record TierJson(UpliftTier.Kind kind, Term term, BillingFrequency billing, UpliftTier.Basis basis,
                           String percent, LocalDate effectiveFrom) {
        static TierJson of(UpliftTier t) {
            return new TierJson(t.kind(), t.term(), t.billing(), t.basis(), Amounts.plain(t.percent()).toPlainString(),
                    t.effectiveFrom());
        }
    }

    @Inject
    UpliftTierService tiers;
    @Inject
    Caller caller;

    /** Ordered by kind, term, billing, basis, effectiveFrom. */
    @GET
    public ListView<TierJson> list(@QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Paging paging = Paging.of(limit, offset);
        var all = tiers.all();
        return new ListView<>(all.size(), paging.slice(all).stream().map(TierJson::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_ADMIN)
    public Response post(@Valid @NotNull TierRequest request) {
        UpliftTier tier = new UpliftTier(request.kind(), request.term(), request.billing(), request.basis(),
                request.percent(), Params.date(request.effectiveFrom(), "effectiveFrom"));
        UpliftTierService.Upserted result = tiers.upsert(tier, caller.subject());
        return Response.status(result.created() ? 201 : 200).entity(TierJson.of(result.tier())).build();
    }
}
