package dev.nce.catalog.rest;

import dev.nce.catalog.domain.OfferIds;
import dev.nce.catalog.domain.PriceLists;
import dev.nce.catalog.domain.PriceQuery;
import dev.nce.catalog.service.OfferService;
import dev.nce.catalog.service.PriceService;
import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.Term;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.clock.PlatformClock;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;

/** API.md catalog-service offers: list, read, create or replace (partner-admin), resolved price. */
@Path("/v1/offers")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class OfferResource {

    @Inject
    OfferService offers;
    @Inject
    PriceService prices;
    @Inject
    PlatformClock clock;
    @Inject
    Caller caller;

    @GET
    public ListView<OfferJson> list(@QueryParam("productFamily") String productFamily, @QueryParam("q") String q,
                                    @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Paging paging = Paging.of(limit, offset);
        OfferService.OfferPage page = offers.list(blankToNull(productFamily), blankToNull(q), paging.limit(), paging.offset());
        return new ListView<>(page.totalCount(), page.items().stream().map(OfferJson::of).toList());
    }

    @GET
    @Path("/{offerId}")
    public OfferJson get(@PathParam("offerId") String offerId) {
        return OfferJson.of(offers.get(requireWellFormed(offerId)));
    }

    @PUT
    @Path("/{offerId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_ADMIN)
    public Response put(@PathParam("offerId") String offerId, @Valid OfferRequest request) {
        if (request == null) {
            throw RuleViolation.invalidField("body", "the offer is required");
        }
        requireWellFormed(offerId);
        OfferService.PutResult result = offers.put(request.toData(offerId), request.version(), caller.subject());
        return Response.status(result.created() ? 201 : 200).entity(OfferJson.of(result.offer())).build();
    }

    /** GET .../price?term=&billing=&at=&currency=&extendedServiceTerm=: the resolved unit price (API.md). */
    @GET
    @Path("/{offerId}/price")
    public PriceAnswer price(@PathParam("offerId") String offerId, @QueryParam("term") String term,
                             @QueryParam("billing") String billing, @QueryParam("at") String at,
                             @QueryParam("currency") String currency,
                             @QueryParam("extendedServiceTerm") String extendedServiceTerm) {
        PriceQuery query = query(Params.term(term, "term"), Params.billing(billing, "billing"), at,
                currency, Params.flag(extendedServiceTerm, "extendedServiceTerm"), clock.now(), "");
        return PriceAnswer.of(prices.quote(requireWellFormed(offerId), query));
    }

    /** A price query from request values; {@code prefix} makes the fields relative (items[3].). */
    static PriceQuery query(Term term, BillingFrequency billing, String at, String currency, boolean est, Instant now,
                            String prefix) {
        Instant instant = Params.at(at, prefix + "at", now);
        String cur = Params.currency(currency, prefix + "currency", PriceLists.PRICING_CURRENCY);
        if (term == null && billing == null && est) {
            return PriceQuery.est(instant, cur);
        }
        if (term == null) {
            throw RuleViolation.invalidField(prefix + "term", "term is required (P1M, P1Y or P3Y)");
        }
        if (billing == null) {
            throw RuleViolation.invalidField(prefix + "billing", "billing is required (MONTHLY, ANNUAL or TRIENNIAL)");
        }
        return new PriceQuery(Plan.of(term, billing), instant, cur, est);
    }

    static String requireWellFormed(String offerId) {
        if (!OfferIds.isWellFormed(offerId)) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, null, "offer " + offerId + " not found (offer ids are PRODUCT:SKU)",
                    Map.of());
        }
        return offerId;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
