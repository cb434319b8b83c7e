package dev.nce.catalog.rest;

import dev.nce.catalog.domain.Amounts;
import dev.nce.catalog.domain.PriceLists;
import dev.nce.catalog.domain.PromotionRules;
import dev.nce.catalog.service.PromotionService;
import dev.nce.catalog.service.PromotionService.PromotionView;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.Plan;
import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.catalog.PromotionData;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.clock.PlatformClock;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/** API.md promotions (R-K): create or replace (partner-admin), read, list (acquirable at {@code at} when given). */
@Path("/v1/promotions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class PromotionResource {

    public record DiscountBody(@NotNull PromotionData.DiscountType type, @NotNull BigDecimal value) {}

    public record PromotionRequest(String promotionId, @NotBlank @Size(max = 200) String name,
                                   @NotNull List<@NotBlank String> offerIds,
                                   @NotNull List<OfferRequest.@NotNull @Valid PlanBody> plans,
                                   @NotNull @Valid DiscountBody discount, Integer minSeats, Integer maxSeats,
                                   @NotNull String acquireFrom, @NotNull String acquireUntil, String discountUntil,
                                   Boolean autoApply, Long version, String createdAt, String updatedAt) {

        PromotionData toData(String pathId) {
            if (promotionId != null && !promotionId.equals(pathId)) {
                throw RuleViolation.invalidField("promotionId", "promotionId " + promotionId + " differs from the path's " + pathId);
            }
            return new PromotionData(pathId, name.trim(), offerIds,
                    plans.stream().map(p -> Plan.of(p.term(), p.billing())).toList(), discount.type(), discount.value(),
                    minSeats, maxSeats, Params.date(acquireFrom, "acquireFrom"), Params.date(acquireUntil, "acquireUntil"),
                    discountUntil == null ? null : Params.date(discountUntil, "discountUntil"),
                    autoApply != null && autoApply, 0);
        }
    }

    public record DiscountJson(PromotionData.DiscountType type, String value) {}

    public record PromotionJson(String promotionId, String name, List<String> offerIds, List<OfferJson.PlanJson> plans,
                                DiscountJson discount, Integer minSeats, Integer maxSeats, LocalDate acquireFrom,
                                LocalDate acquireUntil, LocalDate discountUntil, boolean autoApply, long version,
                                Instant createdAt, Instant updatedAt) {
        static PromotionJson of(PromotionView view) {
            PromotionData p = view.promotion();
            // a FIXED discount is an amount per seat per month in the pricing currency; a PERCENT a plain number
            String value = p.discountType() == PromotionData.DiscountType.FIXED
                    ? Amounts.display(p.discountValue(), PriceLists.PRICING_CURRENCY).toPlainString()
                    : Amounts.plain(p.discountValue()).toPlainString();
            return new PromotionJson(p.promotionId(), p.name(), p.offerIds(), OfferJson.plans(p.plans()),
                    new DiscountJson(p.discountType(), value), p.minSeats(), p.maxSeats(), p.acquireFrom(),
                    p.acquireUntil(), p.discountUntil(), p.autoApply(), p.version(), view.createdAt(), view.updatedAt());
        }
    }

    @Inject
    PromotionService promotions;
    @Inject
    PlatformClock clock;
    @Inject
    Caller caller;

    @PUT
    @Path("/{promotionId}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.PARTNER_ADMIN)
    public Response put(@PathParam("promotionId") String promotionId, @Valid PromotionRequest request) {
        if (request == null) {
            throw RuleViolation.invalidField("body", "the promotion is required");
        }
        PromotionData draft = request.toData(requireWellFormed(promotionId));
        PromotionService.PutResult result = promotions.put(draft, caller.subject());
        return Response.status(result.created() ? 201 : 200).entity(PromotionJson.of(result.promotion())).build();
    }

    @GET
    @Path("/{promotionId}")
    public PromotionJson get(@PathParam("promotionId") String promotionId) {
        return PromotionJson.of(promotions.get(requireWellFormed(promotionId)));
    }

    @GET
    public ListView<PromotionJson> list(@QueryParam("offerId") String offerId, @QueryParam("at") String at,
                                        @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        Paging paging = Paging.of(limit, offset);
        LocalDate date = at == null || at.isBlank() ? null
                : Params.at(at, "at", clock.now()).atZone(ZoneOffset.UTC).toLocalDate();
        List<PromotionView> all = promotions.list(offerId == null || offerId.isBlank() ? null : offerId.trim(), date);
        return new ListView<>(all.size(), paging.slice(all).stream().map(PromotionJson::of).toList());
    }

    private static String requireWellFormed(String promotionId) {
        if (!PromotionRules.isWellFormedId(promotionId)) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, null, "promotion " + promotionId + " not found", Map.of());
        }
        return promotionId;
    }
}
