package dev.nce.catalog.rest;

import dev.nce.catalog.domain.OfferIds;
import dev.nce.catalog.domain.PriceQuery;
import dev.nce.catalog.service.PriceService;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.kit.idempotency.Idempotent;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;

/** POST /v1/price-quotes: many prices in one call (renewals due at one instant), answered in request order. */
@Path("/v1/price-quotes")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Idempotent
public class PriceQuoteResource {

    public record Item(@NotBlank String offerId, Term term, BillingFrequency billing, String at, String currency,
                       Boolean extendedServiceTerm) {}

    public record QuoteRequest(@NotNull @Size(min = 1, max = 1000) List<@NotNull @Valid Item> items) {}

    public record QuoteAnswer(List<PriceAnswer> items) {}

    @Inject
    PriceService prices;
    @Inject
    PlatformClock clock;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response quote(@Valid @NotNull QuoteRequest request) {
        Instant now = clock.now();
        List<Entry<String, PriceQuery>> queries = new ArrayList<>(request.items().size());
        for (int i = 0; i < request.items().size(); i++) {
            Item item = request.items().get(i);
            String prefix = "items[" + i + "].";
            PriceQuery query = OfferResource.query(item.term(), item.billing(), item.at(), item.currency(),
                    Boolean.TRUE.equals(item.extendedServiceTerm()), now, prefix);
            if (!OfferIds.isWellFormed(item.offerId())) {
                throw new RuleViolation(ErrorCode.NOT_FOUND, null, "offer " + item.offerId() + " not found",
                        Map.of("field", prefix + "offerId"));
            }
            queries.add(new SimpleEntry<>(item.offerId(), query));
        }
        List<PriceAnswer> answers = prices.quoteAll(queries).stream().map(PriceAnswer::of).toList();
        return Response.ok(new QuoteAnswer(answers)).build();
    }
}
