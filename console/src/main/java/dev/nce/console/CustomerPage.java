package dev.nce.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Customers: search, and one customer's subscriptions (status, dates, locked price, refundable seats and until when,
 * scheduled changes, the actions its state allows), event history, invoices with PDF/CSV links and notifications.
 */
@Path("/customers")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class CustomerPage {

    @Inject
    Template customers;
    @Inject
    Template customer;
    @Inject
    Template subcard;
    @Inject
    Template events;
    @Inject
    Services services;
    @Inject
    Page page;
    @Inject
    UserToken user;

    @GET
    public TemplateInstance search(@QueryParam("q") String q) {
        if (!user.who().partner()) {
            return get(user.who().customerId());
        }
        ApiResult r = services.get(Backend.SUBSCRIPTION, "/v1/customers", Services.query("q", q, "limit", 100));
        return page.with(customers.data("q", q == null ? "" : q).data("rows", page.items(r))
                .data("total", r.json().path("totalCount").asLong()).data("error", r.ok() ? null : r.problemText()),
                "customers");
    }

    @GET
    @Path("/{id}")
    public TemplateInstance get(@PathParam("id") String id) {
        ApiResult c = services.get(Backend.SUBSCRIPTION, "/v1/customers/" + id);
        ApiResult subs = services.get(Backend.SUBSCRIPTION, "/v1/customers/" + id + "/subscriptions",
                Services.query("limit", 1000));
        List<Map<String, Object>> cards = new ArrayList<>();
        for (Map<String, Object> s : page.items(subs)) {
            cards.add(enrich(s));
        }
        ApiResult invoices = services.get(Backend.BILLING, "/v1/customers/" + id + "/invoices", Services.query("limit", 1000));
        ApiResult notes = services.get(Backend.NOTIFICATION, "/v1/customers/" + id + "/notifications",
                Services.query("limit", 1000));
        return page.with(customer.data("customer", page.map(c.json())).data("customerId", id)
                .data("error", c.ok() ? null : c.problemText())
                .data("subscriptions", cards)
                .data("invoices", page.items(invoices)).data("invoicesError", invoices.ok() ? null : invoices.problemText())
                .data("notifications", page.items(notes)).data("notificationsError", notes.ok() ? null : notes.problemText()),
                "customers");
    }

    /** One subscription card, re-rendered after an action (htmx outerHTML swap). */
    public TemplateInstance card(String subscriptionId, String message, boolean refused) {
        ApiResult s = services.get(Backend.SUBSCRIPTION, "/v1/subscriptions/" + subscriptionId);
        return subcard.data("s", enrich(page.map(s.json()))).data("message", message).data("refused", refused)
                .data("now", page.now());
    }

    @GET
    @Path("/subscriptions/{id}/events")
    public TemplateInstance events(@PathParam("id") String id) {
        ApiResult r = services.get(Backend.SUBSCRIPTION, "/v1/subscriptions/" + id + "/events", Services.query("limit", 1000));
        return events.data("rows", page.items(r)).data("error", r.ok() ? null : r.problemText());
    }

    /** Adds the refundable windows (until when) and the actions the state table allows (API.md). */
    Map<String, Object> enrich(Map<String, Object> s) {
        Map<String, Object> card = new HashMap<>(s);
        String id = (String) s.get("subscriptionId");
        Object refundable = s.get("refundableQuantity");
        List<Map<String, Object>> windows = List.of();
        if (refundable instanceof Number n && n.intValue() > 0) {
            windows = page.items(reshape(services.get(Backend.SUBSCRIPTION, "/v1/subscriptions/" + id + "/refundable-quantity")));
        }
        card.put("windows", windows);
        card.put("can", SubscriptionActions.allowed(s));
        return card;
    }

    /** refundable-quantity answers {totalQuantity, details}: read details as items. */
    private ApiResult reshape(ApiResult r) {
        if (!r.ok()) {
            return r;
        }
        com.fasterxml.jackson.databind.node.ObjectNode o = page.mapper().createObjectNode();
        o.set("items", r.json().path("details"));
        return new ApiResult(r.status(), o, r.bytes(), r.contentType());
    }
}
