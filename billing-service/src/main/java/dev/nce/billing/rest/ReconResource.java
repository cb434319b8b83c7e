package dev.nce.billing.rest;

import dev.nce.billing.domain.recon.Reconciliation;
import dev.nce.billing.service.ReconService;
import dev.nce.contracts.ErrorCode;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import dev.nce.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** API.md "Reconciliation" (D25): Microsoft's billed lines against the platform's links, costs and invoices. */
@Path("/v1/recon-imports")
public class ReconResource {

    static final String BILLING_ADMIN = "billing-admin";
    static final String AUDITOR = "auditor";
    static final List<String> CSV_COLUMNS = List.of("subscriptionId", "microsoftSubscriptionId", "customerId",
            "microsoftCustomerId", "chargeStart", "chargeEnd", "microsoftQuantity", "quantity", "microsoftAmount",
            "expectedMicrosoftAmount", "sellAmount", "variance", "margin", "marginPercent", "class", "explanation");

    /** One report item as API.md names it ({@code class}, a Java keyword, is the D25 class). */
    public record ItemJson(String subscriptionId, String microsoftSubscriptionId, String customerId,
                           String microsoftCustomerId, java.time.LocalDate chargeStart, java.time.LocalDate chargeEnd,
                           int microsoftQuantity, Integer quantity, BigDecimal microsoftAmount,
                           BigDecimal expectedMicrosoftAmount, BigDecimal sellAmount, BigDecimal variance,
                           @com.fasterxml.jackson.annotation.JsonProperty("class") String reconClass,
                           String explanation, BigDecimal margin, BigDecimal marginPercent) {
        static ItemJson of(Reconciliation.Item i) {
            return new ItemJson(i.subscriptionId(), i.microsoftSubscriptionId(), i.customerId(),
                    i.microsoftCustomerId(), i.chargeStart(), i.chargeEnd(), i.microsoftQuantity(), i.quantity(),
                    i.microsoftAmount(), i.expectedMicrosoftAmount(), i.sellAmount(), i.variance(),
                    i.reconClass().name(), i.explanation(), i.margin(), i.marginPercent());
        }
    }

    /** The report (API.md) with totals per customer and subscription and the unlinked Microsoft subscriptions. */
    public record ReportJson(UUID importId, String invoiceNumber, String period, String currency,
                             BigDecimal microsoftTotal, BigDecimal expectedTotal, BigDecimal sellTotal,
                             BigDecimal margin, BigDecimal marginPercent, Map<String, Long> classes,
                             List<ItemJson> items, List<ReconService.Totals> customers,
                             List<ReconService.Totals> subscriptions, List<ReconService.Unlinked> unlinkedSubscriptions) {
        static ReportJson of(ReconService.Report r) {
            return new ReportJson(r.importId(), r.invoiceNumber(), r.period(), r.currency(), r.microsoftTotal(),
                    r.expectedTotal(), r.sellTotal(), r.margin(), r.marginPercent(), r.classes(),
                    r.items().stream().map(ItemJson::of).toList(), r.customers(), r.subscriptions(),
                    r.unlinkedSubscriptions());
        }
    }

    @Inject
    ReconService recon;
    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.PARTNER_ADMIN, BILLING_ADMIN})
    @Operation(summary = "Import Microsoft's billed reconciliation lines",
            description = "multipart/form-data file: Microsoft's new-commerce billed invoice reconciliation lines "
                    + "(CSV, read by header name; ISO and M/d/yyyy dates). The same file again answers the existing "
                    + "import with 200.")
    @APIResponse(responseCode = "201", description = "{importId, invoiceNumber, period, lines, linkedLines, unlinkedLines}")
    @APIResponse(responseCode = "200", description = "the existing import of this file")
    @APIResponse(responseCode = "400", description = "validation-failed (field file)")
    @APIResponse(responseCode = "403", description = "forbidden")
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw RuleViolation.invalidField("file", "the reconciliation file is required");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw RuleViolation.invalidField("file", "the file could not be read");
        }
        ReconService.Submitted submitted = recon.submit(bytes, caller.subject());
        return Response.status(submitted.created() ? 201 : 200).entity(submitted.summary()).build();
    }

    @GET
    @Path("/{importId}/report")
    @Produces({MediaType.APPLICATION_JSON, InvoiceResource.TEXT_CSV})
    @RolesAllowed({Caller.PARTNER_ADMIN, BILLING_ADMIN, AUDITOR})
    @Operation(summary = "Reconciliation report",
            description = "Per Microsoft charge period of each subscription: Microsoft amount, expected Microsoft "
                    + "amount (ROUNDDOWN(cost x rate, 2) x billable quantity from termCostPrice), sell amount, "
                    + "variance, margin and margin %, the D25 class and its explanation; totals per customer and "
                    + "subscription; unlinked Microsoft subscriptions. Accept: text/csv gives the items as CSV.")
    @APIResponse(responseCode = "200", description = "the report")
    @APIResponse(responseCode = "404", description = "not-found")
    @APIResponse(responseCode = "406", description = "not-acceptable")
    public Response report(@PathParam("importId") String importId, @Context HttpHeaders headers) {
        UUID id;
        try {
            id = UUID.fromString(importId);
        } catch (IllegalArgumentException e) {
            throw new RuleViolation(ErrorCode.NOT_FOUND, null, "recon import " + importId + " not found", Map.of());
        }
        ReconService.Report report = recon.report(id);
        MediaType type = negotiate(headers.getAcceptableMediaTypes());
        if (type.isCompatible(MediaType.valueOf(InvoiceResource.TEXT_CSV))) {
            return Response.ok(csv(report.items()), InvoiceResource.TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"recon-" + importId + ".csv\"").build();
        }
        return Response.ok(ReportJson.of(report), MediaType.APPLICATION_JSON).build();
    }

    static MediaType negotiate(List<MediaType> acceptable) {
        if (acceptable == null || acceptable.isEmpty()) {
            return MediaType.APPLICATION_JSON_TYPE;
        }
        for (MediaType wanted : acceptable) {
            if (wanted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return MediaType.APPLICATION_JSON_TYPE;
            }
            if (wanted.isCompatible(MediaType.valueOf(InvoiceResource.TEXT_CSV))) {
                return MediaType.valueOf(InvoiceResource.TEXT_CSV);
            }
        }
        throw new ProblemException(ErrorCode.NOT_ACCEPTABLE, "a report is available as application/json or text/csv");
    }

    static String csv(List<Reconciliation.Item> items) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (Reconciliation.Item i : items) {
                printer.printRecord(i.subscriptionId(), i.microsoftSubscriptionId(), i.customerId(),
                        i.microsoftCustomerId(), i.chargeStart(), i.chargeEnd(), i.microsoftQuantity(), i.quantity(),
                        plain(i.microsoftAmount()), plain(i.expectedMicrosoftAmount()), plain(i.sellAmount()),
                        plain(i.variance()), plain(i.margin()), plain(i.marginPercent()), i.reconClass(),
                        i.explanation());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
