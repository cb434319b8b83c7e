package dev.nce.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** subscription-service GET /v1/renewals (config key {@code subscription}). */
@RegisterRestClient(configKey = "subscription")
@Path("/v1/renewals")
@Produces(MediaType.APPLICATION_JSON)
public interface RenewalsClient {

    @GET
    JsonNode renewals(@HeaderParam("Authorization") String authorization, @QueryParam("from") String from,
                      @QueryParam("to") String to, @QueryParam("customerId") String customerId);
}
