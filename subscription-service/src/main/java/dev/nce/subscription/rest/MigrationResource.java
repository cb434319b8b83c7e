package dev.nce.subscription.rest;

import dev.nce.kit.auth.Caller;
import dev.nce.kit.idempotency.Idempotent;
import dev.nce.subscription.service.MigrationService;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Legacy -> NCE migration (API.md, R-M): 201 the new NCE subscription with migratedFrom; see MigrationService. */
@Path("/v1/customers/{customerId}/migrations")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
@Idempotent
public class MigrationResource {

    @Inject
    Caller caller;
    @Inject
    MigrationService migrations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response migrate(@PathParam("customerId") String customerId, @Valid @NotNull MigrationRequest request) {
        var command = request.toCommand(customerId);
        CustomerResource.requireWellFormed(customerId);
        return Response.status(201).entity(migrations.migrate(command, Access.of(caller))).build();
    }
}
