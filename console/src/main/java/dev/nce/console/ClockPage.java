package dev.nce.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Clock (local stack only): each service's platform time and an advance (POST /admin/clock/advance, partner-admin). */
@Path("/clock")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class ClockPage {

    @Inject
    Template clock;
    @Inject
    Services services;
    @Inject
    Page page;
    @ConfigProperty(name = "nce.console.local-stack", defaultValue = "false")
    boolean localStack;

    @GET
    public TemplateInstance get() {
        return render(null, false);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public TemplateInstance advance(@FormParam("to") String to) {
        if (!localStack) {
            throw new NotFoundException();
        }
        ApiResult r = services.send(Backend.SUBSCRIPTION, "POST", "/admin/clock/advance", Map.of("to", to == null ? "" : to.trim()));
        return render(r.ok() ? "The platform time is now " + r.json().path("now").asText() + "." : r.problemText(), !r.ok());
    }

    private TemplateInstance render(String message, boolean refused) {
        if (!localStack) {
            throw new NotFoundException();
        }
        Map<String, String> clocks = new LinkedHashMap<>();
        for (Backend b : Backend.values()) {
            ApiResult r = services.get(b, "/admin/clock");
            clocks.put(b.label(), r.ok() ? r.json().path("now").asText() : r.problemText());
        }
        return page.with(clock.data("clocks", clocks).data("message", message).data("refused", refused), "clock");
    }
}
