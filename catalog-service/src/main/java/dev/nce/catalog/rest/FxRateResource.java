package dev.nce.catalog.rest;

import dev.nce.catalog.domain.Amounts;
import dev.nce.catalog.domain.FxRates;
import dev.nce.catalog.service.FxRateService;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.FxRate;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.clock.PlatformClock;
import io.quarkus.security.Authenticated;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * API.md FX rates: PUT adds or replaces a currency's rate from a date; GET with {@code at} answers the rate in force
 * (one object with {@code currency}, else the list of every currency's rate in force), without {@code at} the list of
 * all rates (of {@code currency} when given), ordered by currency, then effectiveFrom.
 */
@Path("/v1/fx-rates")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class FxRateResource {

    public record RateRequest(@NotNull BigDecimal rate, @NotNull String effectiveFrom) {}

    public record RateJson(String currency, String rate, LocalDate effectiveFrom) {
        static RateJson of(FxRate r) {
            return new RateJson(r.currency(), Amounts.plain(r.rate()).toPlainString(), r.effectiveFrom());
        }
    }

    @Inject
    FxRateService rates;
    @Inject
    PlatformClock clock;
    @Inject
    Caller caller;

    @PUT
    @Path("/{currency}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_ADMIN)
    public Response put(@PathParam("currency") String currency, @Valid @NotNull RateRequest request) {
        FxRate rate = new FxRate(currency, request.rate(), Params.date(request.effectiveFrom(), "effectiveFrom"));
        FxRateService.Upserted result = rates.put(rate, caller.subject());
        return Response.status(result.created() ? 201 : 200).entity(RateJson.of(result.rate())).build();
    }

    @GET
    public Object get(@QueryParam("currency") String currency, @QueryParam("at") String at,
                      @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Paging paging = Paging.of(limit, offset);
        String cur = currency == null || currency.isBlank() ? null : FxRates.requireBillingCurrency(currency, "currency");
        if (at == null || at.isBlank()) {
            List<FxRate> all = rates.all().stream().filter(r -> cur == null || r.currency().equals(cur)).toList();
            return new ListView<>(all.size(), paging.slice(all).stream().map(RateJson::of).toList());
        }
        LocalDate date = Params.at(at, "at", clock.now()).atZone(ZoneOffset.UTC).toLocalDate();
        if (cur != null) {
            return rates.inForce(cur, date).map(RateJson::of)
                    .orElseThrow(() -> RuleViolation.notFound("an FX rate for " + cur + " in force on " + date));
        }
        List<FxRate> inForce = rates.allInForce(date);
        return new ListView<>(inForce.size(), paging.slice(inForce).stream().map(RateJson::of).toList());
    }
}
