package dev.nce.subscription.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import dev.nce.kit.auth.ServiceTokens;
import jakarta.enterprise.inject.spi.CDI;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * catalog-service's price and promotion endpoints (docs/CONVENTIONS.md service-to-service). The bearer is
 * subscription-service's own short-lived token, signed and renewed by the kit's ServiceTokens with the key mounted at
 * nce.service-token.signing-key.location (issue 14 part 6); without a key, the static nce.catalog.token.
 */
@RegisterRestClient(configKey = "catalog")
@RegisterProvider(CatalogResponseMapper.class)
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@ClientHeaderParam(name = "Authorization", value = "{authorization}")
public interface CatalogClient {

    default String authorization() {
        return CDI.current().select(ServiceTokens.class).get().authorization("nce.catalog.token");
    }

    @GET
    @Path("/offers/{offerId}/price")
    PriceAnswer price(@PathParam("offerId") String offerId, @QueryParam("term") String term,
                      @QueryParam("billing") String billing, @QueryParam("at") String at,
                      @QueryParam("currency") String currency,
                      @QueryParam("extendedServiceTerm") Boolean extendedServiceTerm);

    @POST
    @Path("/price-quotes")
    @Consumes(MediaType.APPLICATION_JSON)
    QuoteResponse quotes(QuoteRequest request);

    @GET
    @Path("/promotions/{promotionId}")
    PromotionAnswer promotion(@PathParam("promotionId") String promotionId);

    @GET
    @Path("/promotions")
    PromotionPage promotions(@QueryParam("offerId") String offerId, @QueryParam("at") String at,
                             @QueryParam("limit") int limit, @QueryParam("offset") int offset);
}
