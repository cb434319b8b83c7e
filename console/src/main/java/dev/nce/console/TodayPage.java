package dev.nce.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Today: what falls due in the next 7 days (with the one-click actions) and the invoice runs that miss customers. */
@Path("/today")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class TodayPage {

    @Inject
    Template today;
    @Inject
    Services services;
    @Inject
    Page page;

    @GET
    public TemplateInstance get() {
        ApiResult deadlines = services.get(Backend.SUBSCRIPTION, "/v1/deadlines", Services.query("within", "P7D"));
        Map<String, Map<String, Object>> subscriptions = new HashMap<>();
        Map<String, String> customerNames = new HashMap<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> d : page.items(deadlines)) {
            String id = (String) d.get("subscriptionId");
            Map<String, Object> s = subscriptions.computeIfAbsent(id,
                    k -> page.map(services.get(Backend.SUBSCRIPTION, "/v1/subscriptions/" + k).json()));
            String customerId = (String) d.get("customerId");
            Map<String, Object> row = new HashMap<>(d);
            row.put("offerName", s.getOrDefault("offerName", s.get("offerId")));
            row.put("quantity", s.get("quantity"));
            row.put("endOfTermAction", s.get("endOfTermAction"));
            row.put("customerName", customerNames.computeIfAbsent(customerId, c -> services
                    .get(Backend.SUBSCRIPTION, "/v1/customers/" + c).json().path("name").asText(c)));
            row.put("label", label((String) d.get("kind")));
            rows.add(row);
        }
        List<Map<String, Object>> exceptions = new ArrayList<>();
        ApiResult runs = services.get(Backend.BILLING, "/v1/invoice-runs");
        for (Map<String, Object> run : page.items(runs)) {
            Object missing = run.get("missingCustomersCount");
            if (missing instanceof Number n && n.longValue() > 0) {
                exceptions.add(run);
            }
        }
        return page.with(today.data("rows", rows).data("exceptions", exceptions)
                .data("error", deadlines.ok() ? null : deadlines.problemText())
                .data("runsError", runs.ok() || runs.status() == 403 ? null : runs.problemText()), "today");
    }

    static String label(String kind) {
        return switch (kind) {
            case "WINDOW_CLOSING" -> "Cancellation window closes";
            case "NOTICE_DEADLINE" -> "Notice deadline passes";
            case "SCHEDULED_CHANGE_LOCK" -> "Scheduled changes lock";
            case "TRIAL_ENDING" -> "Trial ends";
            case "RENEWAL" -> "Renews";
            case "EST_START" -> "Extended service term starts";
            default -> kind;
        };
    }
}
