package dev.nce.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The changes staff make from the console, each one call of the subscription API with the user's token; the answer is
 * an htmx fragment: the refreshed subscription card (customer page) or a result line (Today). A refusal shows the
 * API's problem details in words.
 */
@Path("/actions")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Blocking
public class Actions {

    @Inject
    Services services;
    @Inject
    Page page;
    @Inject
    Template result;
    @Inject
    CustomerPage customers;

    /** Removes {@code seats} seats (D5 newest batch first) inside the window: PATCH quantity = current - seats. */
    @POST
    @Path("/reduce")
    public TemplateInstance reduce(@FormParam("subscriptionId") String id, @FormParam("seats") int seats,
                                   @FormParam("view") String view) {
        ApiResult current = services.get(Backend.SUBSCRIPTION, "/v1/subscriptions/" + id);
        if (!current.ok()) {
            return answer(view, id, current, null);
        }
        int quantity = current.json().path("quantity").asInt();
        ApiResult r = services.send(Backend.SUBSCRIPTION, "PATCH", "/v1/subscriptions/" + id,
                Map.of("quantity", quantity - seats));
        return answer(view, id, r, r.ok() ? "Removed " + seats + " seat(s): quantity " + r.json().path("quantity").asInt()
                + ", refundable now " + r.json().path("refundableQuantity").asInt() + "." : null);
    }

    /** Sets the new total quantity (an increase, or a reduction inside the window). */
    @POST
    @Path("/quantity")
    public TemplateInstance quantity(@FormParam("subscriptionId") String id, @FormParam("quantity") int quantity,
                                     @FormParam("view") String view) {
        ApiResult r = services.send(Backend.SUBSCRIPTION, "PATCH", "/v1/subscriptions/" + id, Map.of("quantity", quantity));
        return answer(view, id, r, r.ok() ? "Quantity is now " + r.json().path("quantity").asInt() + ", refundable "
                + r.json().path("refundableQuantity").asInt() + "." : null);
    }

    /** The end-of-term action (D7: before the notice deadline). */
    @POST
    @Path("/end-of-term")
    public TemplateInstance endOfTerm(@FormParam("subscriptionId") String id, @FormParam("action") String action,
                                      @FormParam("view") String view) {
        ApiResult r = services.send(Backend.SUBSCRIPTION, "PATCH", "/v1/subscriptions/" + id,
                Map.of("endOfTermAction", action));
        return answer(view, id, r, r.ok() ? "At the end of the term: " + r.json().path("endOfTermAction").asText() + "." : null);
    }

    /** cancel, suspend or resume. */
    @POST
    @Path("/{verb:cancel|suspend|resume}")
    public TemplateInstance verb(@jakarta.ws.rs.PathParam("verb") String verb, @FormParam("subscriptionId") String id,
                                 @FormParam("view") String view) {
        ApiResult r = services.send(Backend.SUBSCRIPTION, "POST", "/v1/subscriptions/" + id + "/" + verb, Map.of());
        return answer(view, id, r, r.ok() ? "Done: the subscription is " + r.json().path("status").asText() + "." : null);
    }

    private TemplateInstance answer(String view, String id, ApiResult r, String success) {
        String message = r.ok() ? success : r.problemText();
        if ("card".equals(view)) {
            return customers.card(id, message, !r.ok());
        }
        return result.data("message", message).data("refused", !r.ok());
    }
}
