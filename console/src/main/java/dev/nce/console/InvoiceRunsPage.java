package dev.nce.console;

import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Invoice runs: each period's run with its progress (tasks done / total; a running row polls itself with htmx until
 * COMPLETED), missing customers and totals; start a run; search invoices by customer and number; PDF and CSV through
 * the console (the user's token travels server-side, never in a link).
 */
@Path("/invoice-runs")
@Blocking
public class InvoiceRunsPage {

    @Inject
    Template invoiceruns;
    @Inject
    Template runrow;
    @Inject
    Services services;
    @Inject
    Page page;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get(@QueryParam("q") String q, @QueryParam("number") String number,
                                @QueryParam("message") String message) {
        ApiResult runs = services.get(Backend.BILLING, "/v1/invoice-runs", Services.query("limit", 1000));
        List<Map<String, Object>> rows = new ArrayList<>(page.items(runs));
        rows.sort((a, b) -> String.valueOf(b.get("period")).compareTo(String.valueOf(a.get("period"))));
        rows.replaceAll(InvoiceRunsPage::progress);
        List<Map<String, Object>> invoices = new ArrayList<>();
        boolean searched = (q != null && !q.isBlank()) || (number != null && !number.isBlank());
        if (searched) {
            ApiResult customers = services.get(Backend.SUBSCRIPTION, "/v1/customers", Services.query("q", q, "limit", 20));
            for (Map<String, Object> c : page.items(customers)) {
                ApiResult list = services.get(Backend.BILLING, "/v1/customers/" + c.get("customerId") + "/invoices",
                        Services.query("limit", 1000));
                for (Map<String, Object> inv : page.items(list)) {
                    if (number == null || number.isBlank()
                            || String.valueOf(inv.get("invoiceNumber")).toLowerCase().contains(number.trim().toLowerCase())) {
                        Map<String, Object> row = new HashMap<>(inv);
                        row.put("customerName", c.get("name"));
                        invoices.add(row);
                    }
                }
            }
        }
        return page.with(invoiceruns.data("runs", rows).data("invoices", invoices).data("searched", searched)
                .data("q", q == null ? "" : q).data("number", number == null ? "" : number)
                .data("message", message).data("error", runs.ok() ? null : runs.problemText()), "runs");
    }

    /** One run's row: polled every 2 s by a RUNNING row, the poll stops once it is COMPLETED. */
    @GET
    @Path("/{runId}/row")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance row(@PathParam("runId") String runId) {
        ApiResult r = services.get(Backend.BILLING, "/v1/invoice-runs/" + runId);
        return runrow.data("run", progress(page.map(r.json())));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("period") String period) {
        ApiResult r = services.send(Backend.BILLING, "POST", "/v1/invoice-runs", Map.of("period", period == null ? "" : period));
        String message = r.ok() ? "Invoice run for " + period + (r.status() == 201 ? " started." : " already exists.")
                : r.problemText();
        return Response.seeOther(jakarta.ws.rs.core.UriBuilder.fromPath("/invoice-runs")
                .queryParam("message", message).build()).build();
    }

    /** The invoice as PDF or CSV, fetched with the user's token. */
    @GET
    @Path("/invoices/{invoiceId}.{format:pdf|csv}")
    public Response download(@PathParam("invoiceId") String invoiceId, @PathParam("format") String format) {
        String type = format.equals("pdf") ? "application/pdf" : "text/csv";
        ApiResult r = services.download(Backend.BILLING, "/v1/invoices/" + invoiceId, type);
        if (!r.ok()) {
            return Response.status(r.status()).type(MediaType.TEXT_PLAIN).entity(r.problemText()).build();
        }
        return Response.ok(r.bytes(), r.contentType().isBlank() ? type : r.contentType())
                .header("Content-Disposition", "inline; filename=\"invoice-" + invoiceId + "." + format + "\"").build();
    }

    static Map<String, Object> progress(Map<String, Object> run) {
        Map<String, Object> row = new HashMap<>(run);
        int total = run.get("tasksTotal") instanceof Number n ? n.intValue() : 0;
        int done = run.get("tasksDone") instanceof Number n ? n.intValue() : 0;
        row.put("percent", total == 0 ? ("COMPLETED".equals(run.get("status")) ? 100 : 0) : done * 100 / total);
        row.put("running", !"COMPLETED".equals(run.get("status")));
        return row;
    }
}
