package dev.nce.billing.rest;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.persistence.BillingCustomerEntity;
import dev.nce.billing.persistence.InvoiceEntity;
import dev.nce.billing.persistence.InvoiceStore;
import dev.nce.billing.rest.Views.InvoiceView;
import dev.nce.billing.rest.Views.Page;
import dev.nce.billing.service.PreviewService;
import dev.nce.billing.service.TaxService;
import dev.nce.billing.persistence.TaxStore.InvoiceTaxRow;
import dev.nce.contracts.RuleViolation;
import dev.nce.kit.auth.Caller;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.contracts.ErrorCode;
import dev.nce.kit.problem.ProblemException;

/**
 * Invoices (API.md billing-service). A customer-scoped token sees only its own customer's invoices (another's answer
 * 404). Only issued (numbered, D21) invoices are listed. One invoice as JSON, CSV (Accept: text/csv) or PDF
 * (Accept: application/pdf).
 */
@Path("/v1")
@Authenticated
public class InvoiceResource {

    public static final String TEXT_CSV = "text/csv";
    public static final String APPLICATION_PDF = "application/pdf";

    @Inject
    InvoiceStore invoices;
    @Inject
    PreviewService previews;
    @Inject
    Caller caller;
    @Inject
    InvoiceDocuments documents;
    @Inject
    TaxService tax;

    @GET
    @Path("/customers/{customerId}/invoices")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Page<InvoiceView> list(@PathParam("customerId") String customerId, @QueryParam("period") String period,
                                  @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        caller.requireAccessTo(customerId);
        BillingPeriod filter = period == null ? null : BillingPeriod.parse(period, "period");
        if (BillingCustomerEntity.findById(customerId) == null) {
            throw RuleViolation.notFound("customer " + customerId);
        }
        Paging paging = Paging.of(limit, offset);
        return new Page<>(invoices.countIssued(customerId, filter),
                invoices.listIssued(customerId, filter, paging.limit(), paging.offset()).stream()
                        .map(i -> view(i, invoices.lines(i.invoiceId))).toList());
    }

    @GET
    @Path("/customers/{customerId}/invoices/preview")
    @Produces(MediaType.APPLICATION_JSON)
    public InvoiceView preview(@PathParam("customerId") String customerId, @QueryParam("period") String period) {
        caller.requireAccessTo(customerId);
        if (period == null) {
            throw RuleViolation.invalidField("period", "period is required (YYYY-MM)");
        }
        return InvoiceView.preview(tax.preview(previews.preview(customerId, BillingPeriod.parse(period, "period"))));
    }

    /** JSON by default (and for any type); CSV for Accept: text/csv; PDF for Accept: application/pdf; else 406. */
    @GET
    @Path("/invoices/{invoiceId}")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV, APPLICATION_PDF})
    @Transactional
    public Response get(@PathParam("invoiceId") String invoiceId, @Context HttpHeaders headers) {
        MediaType type = negotiate(headers.getAcceptableMediaTypes());
        InvoiceEntity invoice = find(invoiceId);
        List<InvoiceLine> lines = invoices.lines(invoice.invoiceId);
        InvoiceTaxRow facts = taxFacts(invoice);
        InvoiceView view = InvoiceView.of(invoice, lines, facts);
        if (type.isCompatible(MediaType.valueOf(TEXT_CSV))) {
            return Response.ok(documents.csv(view), TEXT_CSV + "; charset=UTF-8").header("Content-Disposition",
                    "attachment; filename=\"invoice-" + invoice.invoiceNumber + ".csv\"").build();
        }
        if (type.isCompatible(MediaType.valueOf(APPLICATION_PDF))) {
            return Response.ok(documents.pdf(view, facts.paymentInstructions(), facts.footer()), APPLICATION_PDF)
                    .header("Content-Disposition", "inline; filename=\"invoice-" + invoice.invoiceNumber + ".pdf\"")
                    .build();
        }
        return Response.ok(view, MediaType.APPLICATION_JSON).build();
    }

    private InvoiceView view(InvoiceEntity invoice, List<InvoiceLine> lines) {
        return InvoiceView.of(invoice, lines, taxFacts(invoice));
    }

    /** D23/D24 facts as at issue (an invoice from before tax existed: out of scope, tax 0.00). */
    private InvoiceTaxRow taxFacts(InvoiceEntity invoice) {
        BillingCustomerEntity customer = BillingCustomerEntity.findById(invoice.customerId);
        return tax.issued(invoice, customer == null ? null : customer.name);
    }

    /** The first acceptable type (in the client's preference order) that billing can render. */
    static MediaType negotiate(List<MediaType> acceptable) {
        List<MediaType> offered = List.of(MediaType.APPLICATION_JSON_TYPE, MediaType.valueOf(TEXT_CSV),
                MediaType.valueOf(APPLICATION_PDF));
        if (acceptable == null || acceptable.isEmpty()) {
            return MediaType.APPLICATION_JSON_TYPE;
        }
        for (MediaType wanted : acceptable) {
            for (MediaType candidate : offered) {
                if (wanted.isCompatible(candidate)) {
                    return candidate;
                }
            }
        }
        throw new ProblemException(ErrorCode.NOT_ACCEPTABLE, "an invoice is available as application/json, text/csv "
                + "or application/pdf");
    }

    private InvoiceEntity find(String invoiceId) {
        UUID id;
        try {
            id = UUID.fromString(invoiceId);
        } catch (IllegalArgumentException e) {
            throw RuleViolation.notFound("invoice " + invoiceId);
        }
        InvoiceEntity invoice = invoices.findIssued(id)
                .orElseThrow(() -> RuleViolation.notFound("invoice " + invoiceId));
        caller.requireAccessTo(invoice.customerId);
        return invoice;
    }
}
