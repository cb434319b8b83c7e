package dev.nce.subscription.support;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in for catalog-service's price endpoints, served inside the application under test (src/test only). Prices
 * follow R-A4 / D2 / D17 for the offers registered by tests: P1Y/ANNUAL = B; P1Y/MONTHLY = B x 1.05 from 2025-04-01;
 * P1M = B x 1.20; P3Y = B3 (x 1.05 monthly from 2025-04-01); EST = P1M x 1.03 (or B x 1.23 without P1M) from
 * 2026-05-04, 422 before. {@link #down} makes every call a 503.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public class FakeCatalog {

    public record Offer(String offerId, String name, BigDecimal base, BigDecimal p3yBase, List<String> plans,
                        boolean renewable, boolean midTermIncrease, String capGroup, List<String> upgradePaths) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuoteItem(String offerId, String term, String billing, String at, String currency,
                            Boolean extendedServiceTerm) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record QuoteRequest(List<QuoteItem> items) {}

    public static final Map<String, Offer> OFFERS = new ConcurrentHashMap<>();
    public static volatile boolean down;
    /** Offers that answer trialAvailable true (R-J1). */
    public static final java.util.Set<String> TRIAL_OFFERS = ConcurrentHashMap.newKeySet();
    public static final AtomicInteger QUOTE_CALLS = new AtomicInteger();
    public static final AtomicInteger PRICE_CALLS = new AtomicInteger();
    public static volatile String lastAuthorization;

    static final LocalDate MONTHLY_UPLIFT_FROM = LocalDate.of(2025, 4, 1);
    static final LocalDate EST_FROM = LocalDate.of(2026, 5, 4);

    public static void register(String offerId, String base, String p3yBase, String... plans) {
        OFFERS.put(offerId, new Offer(offerId, "Offer " + offerId, new BigDecimal(base),
                p3yBase == null ? null : new BigDecimal(p3yBase), List.of(plans), true, true, null, List.of()));
    }

    public static void register(Offer offer) {
        OFFERS.put(offer.offerId(), offer);
    }

    @GET
    @Path("/offers/{offerId}/price")
    public Response price(@PathParam("offerId") String offerId, @QueryParam("term") String term,
                          @QueryParam("billing") String billing, @QueryParam("at") String at,
                          @QueryParam("currency") String currency,
                          @QueryParam("extendedServiceTerm") Boolean est, @HeaderParam("Authorization") String auth) {
        PRICE_CALLS.incrementAndGet();
        lastAuthorization = auth;
        Response refusal = guard(auth);
        if (refusal != null) {
            return refusal;
        }
        Object answer = answer(new QuoteItem(offerId, term, billing, at, currency, est));
        return answer instanceof Response r ? r : Response.ok(answer).build();
    }

    @POST
    @Path("/price-quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response quotes(QuoteRequest request, @HeaderParam("Authorization") String auth) {
        QUOTE_CALLS.incrementAndGet();
        lastAuthorization = auth;
        Response refusal = guard(auth);
        if (refusal != null) {
            return refusal;
        }
        List<Object> items = new ArrayList<>();
        for (QuoteItem item : request.items()) {
            Object answer = answer(item);
            if (answer instanceof Response r) {
                return r;
            }
            items.add(answer);
        }
        return Response.ok(Map.of("items", items)).build();
    }

    private static Response guard(String auth) {
        if (down) {
            return problem(503, "service-unavailable", "catalog down for the test");
        }
        if (auth == null || !auth.startsWith("Bearer ") || auth.length() < 20) {
            return problem(401, "unauthorized", "no token");
        }
        return null;
    }

    private static Object answer(QuoteItem item) {
        Offer offer = OFFERS.get(item.offerId());
        if (offer == null) {
            return problem(404, "not-found", "offer " + item.offerId() + " not found");
        }
        LocalDate date = item.at().length() == 10 ? LocalDate.parse(item.at())
                : LocalDate.ofInstant(Instant.parse(item.at()), ZoneOffset.UTC);
        BigDecimal unit;
        String term = item.term();
        String billing = item.billing();
        if (Boolean.TRUE.equals(item.extendedServiceTerm())) {
            if (date.isBefore(EST_FROM)) {
                return problem(422, "plan-not-available", "no EST tier in force at " + date);
            }
            unit = offer.plans().contains("P1M/MONTHLY")
                    ? up(up(offer.base().multiply(new BigDecimal("1.20"))).multiply(new BigDecimal("1.03")))
                    : up(offer.base().multiply(new BigDecimal("1.23")));
            term = null;
            billing = null;
        } else {
            if (!offer.plans().contains(term + "/" + billing)) {
                return problem(422, "plan-not-available", term + "/" + billing + " is not sold for " + offer.offerId());
            }
            unit = standard(offer, term, billing, date);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("offerId", offer.offerId());
        body.put("term", term);
        body.put("billing", billing);
        body.put("at", item.at());
        body.put("currency", "USD");
        body.put("basePrice", offer.base().toPlainString());
        body.put("upliftPercent", "0");
        body.put("unitPrice", unit.toPlainString());
        body.put("source", "FORMULA");
        body.put("offerName", offer.name());
        body.put("productFamily", "Test");
        body.put("capGroup", offer.capGroup());
        body.put("renewable", offer.renewable());
        body.put("midTermIncrease", offer.midTermIncrease());
        body.put("trialAvailable", TRIAL_OFFERS.contains(offer.offerId()));
        body.put("upgradePaths", offer.upgradePaths());
        List<Map<String, String>> plans = new ArrayList<>();
        for (String p : offer.plans()) {
            String[] parts = p.split("/");
            plans.add(Map.of("term", parts[0], "billing", parts[1]));
        }
        body.put("plans", plans);
        body.put("offerVersion", 1);
        return body;
    }

    /** Promotions (R-K) served like catalog-service's GET /v1/promotions[/{id}], by promotionId. */
    public static final Map<String, dev.nce.contracts.catalog.PromotionData> PROMOTIONS = new ConcurrentHashMap<>();
    /** GET /v1/promotions calls by offerId (R-K4 batching is asserted on them). */
    public static final Map<String, AtomicInteger> PROMOTION_LIST_CALLS = new ConcurrentHashMap<>();
    /** Only the promotion endpoints answer 503 (prices still answer). */
    public static volatile boolean promotionsDown;

    public static int promotionListCalls(String offerId) {
        AtomicInteger calls = PROMOTION_LIST_CALLS.get(offerId);
        return calls == null ? 0 : calls.get();
    }

    public static void register(dev.nce.contracts.catalog.PromotionData promotion) {
        PROMOTIONS.put(promotion.promotionId(), promotion);
    }

    @GET
    @Path("/promotions/{promotionId}")
    public Response promotion(@PathParam("promotionId") String promotionId, @HeaderParam("Authorization") String auth) {
        Response refusal = promotionsDown ? problem(503, "service-unavailable", "promotions down for the test") : guard(auth);
        if (refusal != null) {
            return refusal;
        }
        dev.nce.contracts.catalog.PromotionData p = PROMOTIONS.get(promotionId);
        return p == null ? problem(404, "not-found", "promotion " + promotionId + " not found") : Response.ok(json(p)).build();
    }

    @GET
    @Path("/promotions")
    public Response promotions(@QueryParam("offerId") String offerId, @QueryParam("at") String at,
                               @QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset,
                               @HeaderParam("Authorization") String auth) {
        PROMOTION_LIST_CALLS.computeIfAbsent(String.valueOf(offerId), o -> new AtomicInteger()).incrementAndGet();
        Response refusal = promotionsDown ? problem(503, "service-unavailable", "promotions down for the test") : guard(auth);
        if (refusal != null) {
            return refusal;
        }
        LocalDate date = at == null ? null : at.length() == 10 ? LocalDate.parse(at)
                : LocalDate.ofInstant(Instant.parse(at), ZoneOffset.UTC);
        List<Object> items = PROMOTIONS.values().stream()
                .filter(p -> offerId == null || p.offerIds().contains(offerId))
                .filter(p -> date == null || (!date.isBefore(p.acquireFrom()) && !date.isAfter(p.acquireUntil())))
                .sorted(java.util.Comparator.comparing(dev.nce.contracts.catalog.PromotionData::promotionId))
                .map(FakeCatalog::json).map(Object.class::cast).toList();
        int from = Math.min(offset == null ? 0 : offset, items.size());
        int to = Math.min(from + (limit == null ? 100 : limit), items.size());
        return Response.ok(Map.of("totalCount", items.size(), "items", items.subList(from, to))).build();
    }

    static Map<String, Object> json(dev.nce.contracts.catalog.PromotionData p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("promotionId", p.promotionId());
        body.put("name", p.name());
        body.put("offerIds", p.offerIds());
        body.put("plans", p.plans().stream().map(x -> Map.of("term", x.term().name(), "billing", x.billing().name())).toList());
        body.put("discount", Map.of("type", p.discountType().name(), "value", p.discountValue().toPlainString()));
        body.put("minSeats", p.minSeats());
        body.put("maxSeats", p.maxSeats());
        body.put("acquireFrom", p.acquireFrom().toString());
        body.put("acquireUntil", p.acquireUntil().toString());
        body.put("discountUntil", p.discountUntil() == null ? null : p.discountUntil().toString());
        body.put("autoApply", p.autoApply());
        body.put("version", p.version());
        return body;
    }

    static BigDecimal standard(Offer offer, String term, String billing, LocalDate date) {
        boolean uplifted = !date.isBefore(MONTHLY_UPLIFT_FROM);
        switch (term) {
            case "P1M":
                return up(offer.base().multiply(new BigDecimal("1.20")));
            case "P1Y":
                return "MONTHLY".equals(billing) && uplifted ? up(offer.base().multiply(new BigDecimal("1.05"))) : offer.base();
            default:
                return "MONTHLY".equals(billing) && uplifted ? up(offer.p3yBase().multiply(new BigDecimal("1.05"))) : offer.p3yBase();
        }
    }

    static BigDecimal up(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_UP);
    }

    static Response problem(int status, String code, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("type", "https://nce.dev/problems/" + code, "status", status, "code", code, "detail", detail))
                .build();
    }
}
