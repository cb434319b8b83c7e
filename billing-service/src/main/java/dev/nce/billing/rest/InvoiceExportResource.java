package dev.nce.billing.rest;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.domain.tax.InvoiceParty;
import dev.nce.billing.domain.tax.PostalAddress;
import dev.nce.billing.domain.tax.TaxAllocation;
import dev.nce.billing.persistence.BillingCustomerEntity;
import dev.nce.billing.persistence.InvoiceEntity;
import dev.nce.billing.persistence.InvoiceStore;
import dev.nce.billing.persistence.TaxStore.InvoiceTaxRow;
import dev.nce.billing.service.TaxService;
import dev.nce.contracts.Money;
import dev.nce.contracts.RuleViolation;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Accounting export of a period's issued invoices (API.md "Tax, seller and invoices"): {@code format=csv} one row per
 * invoice line with the invoice and customer columns; {@code format=xero} Xero's sales-invoice import layout. Each
 * line carries its share of the invoice's tax ({@link TaxAllocation}), so an invoice's rows add up to its total.
 */
@Path("/v1/invoice-exports")
public class InvoiceExportResource {

    /** The columns of the csv format. */
    public static final List<String> CSV_COLUMNS = List.of("invoiceNumber", "issueDate", "dueDate", "period",
            "customerId", "customerName", "customerLegalName", "customerTaxId", "customerCountry", "currency",
            "subscriptionId", "offerId", "description", "chargeType", "chargeStartDate", "chargeEndDate", "quantity",
            "unitPrice", "amount", "taxCode", "taxAmount", "invoiceSubtotal", "invoiceTaxTotal", "invoiceTotal");

    /** Xero's sales-invoice import template, columns in its order (an asterisk marks a column Xero requires). */
    public static final List<String> XERO_COLUMNS = List.of("*ContactName", "EmailAddress", "POAddressLine1",
            "POAddressLine2", "POAddressLine3", "POAddressLine4", "POCity", "PORegion", "POPostalCode", "POCountry",
            "*InvoiceNumber", "Reference", "*InvoiceDate", "*DueDate", "InventoryItemCode", "*Description",
            "*Quantity", "*UnitAmount", "Discount", "*AccountCode", "*TaxType", "TaxAmount", "TrackingName1",
            "TrackingOption1", "TrackingName2", "TrackingOption2", "Currency", "BrandingTheme");

    /** Xero reads dates as DD/MM/YYYY (day first) in its import template. */
    static final DateTimeFormatter XERO_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    InvoiceStore invoices;
    @Inject
    TaxService tax;
    @ConfigProperty(name = "billing.export.xero-account-code", defaultValue = "200")
    String xeroAccountCode;

    @GET
    @Produces({"text/csv"})
    @Transactional
    @RolesAllowed({"partner-admin", "billing-admin", "auditor"})
    @Operation(summary = "Export a period's invoices for accounting",
            description = "format=csv (default): one row per invoice line with invoice, customer and tax columns; "
                    + "format=xero: Xero's sales-invoice import CSV (tax exclusive amounts, quantity 1 per line with "
                    + "its amount as unit amount, the line's share of the invoice tax as TaxAmount).")
    @APIResponse(responseCode = "200", description = "text/csv")
    @APIResponse(responseCode = "400", description = "validation-failed: period missing or malformed, unknown format")
    public Response export(@QueryParam("period") String period, @QueryParam("format") String format) {
        if (period == null) {
            throw RuleViolation.invalidField("period", "period is required (YYYY-MM)");
        }
        BillingPeriod p = BillingPeriod.parse(period, "period");
        String f = format == null ? "csv" : format.trim().toLowerCase(java.util.Locale.ROOT);
        if (!f.equals("csv") && !f.equals("xero")) {
            throw RuleViolation.invalidField("format", "format must be csv or xero");
        }
        List<ExportedInvoice> exported = load(p);
        String body = f.equals("xero") ? xero(exported, xeroAccountCode) : csv(exported);
        return Response.ok(body, "text/csv; charset=UTF-8").header("Content-Disposition",
                "attachment; filename=\"invoices-" + p + "-" + f + ".csv\"").build();
    }

    /** One issued invoice with what the export prints. */
    record ExportedInvoice(InvoiceEntity invoice, List<InvoiceLine> lines, InvoiceTaxRow tax, String customerName,
                           List<BigDecimal> lineTax) {}

    private List<ExportedInvoice> load(BillingPeriod period) {
        List<ExportedInvoice> out = new ArrayList<>();
        List<InvoiceEntity> issued = InvoiceEntity.<InvoiceEntity>find(
                "period = ?1 and invoiceNumber is not null order by invoiceNumber", period.toString()).list();
        for (InvoiceEntity invoice : issued) {
            BillingCustomerEntity customer = BillingCustomerEntity.findById(invoice.customerId);
            String name = customer == null ? null : customer.name;
            out.add(exported(invoice, invoices.lines(invoice.invoiceId), tax.issued(invoice, name), name));
        }
        return out;
    }

    static ExportedInvoice exported(InvoiceEntity invoice, List<InvoiceLine> lines, InvoiceTaxRow tax, String name) {
        List<BigDecimal> lineTax = TaxAllocation.perLine(lines.stream().map(InvoiceLine::amount).toList(),
                tax.lineTaxCodes(), tax.taxLines(), Money.minorUnits(invoice.currency));
        return new ExportedInvoice(invoice, lines, tax, name, lineTax);
    }

    static String csv(List<ExportedInvoice> invoices) {
        return print(CSV_COLUMNS, printer -> {
            for (ExportedInvoice e : invoices) {
                InvoiceEntity i = e.invoice();
                InvoiceParty c = e.tax().customer();
                for (int n = 0; n < e.lines().size(); n++) {
                    InvoiceLine l = e.lines().get(n);
                    printer.printRecord(i.invoiceNumber, i.issueDate, e.tax().dueDate(), i.period, i.customerId,
                            c.name() != null ? c.name() : e.customerName(), c.legalName(), c.taxId(),
                            c.address() == null ? null : c.address().country(), i.currency, l.subscriptionId(),
                            l.offerId(), l.description(), l.chargeType(), l.chargeStartDate(), l.chargeEndDate(),
                            l.quantity(), l.unitPrice().toPlainString(), l.amount().toPlainString(),
                            e.tax().lineTaxCodes().get(n), e.lineTax().get(n).toPlainString(),
                            i.subtotal.toPlainString(), e.tax().taxTotal().toPlainString(), i.total.toPlainString());
                }
            }
        });
    }

    static String xero(List<ExportedInvoice> invoices, String accountCode) {
        return print(XERO_COLUMNS, printer -> {
            for (ExportedInvoice e : invoices) {
                InvoiceEntity i = e.invoice();
                InvoiceParty c = e.tax().customer();
                PostalAddress a = c.address();
                String contact = c.legalName() != null ? c.legalName()
                        : c.name() != null ? c.name() : e.customerName() != null ? e.customerName() : i.customerId;
                for (int n = 0; n < e.lines().size(); n++) {
                    InvoiceLine l = e.lines().get(n);
                    String description = l.description() + " (" + l.quantity() + " x " + l.offerId() + ", "
                            + l.chargeType() + " " + l.chargeStartDate() + " to " + l.chargeEndDate() + ")";
                    printer.printRecord(contact, null, a == null ? null : a.line1(), a == null ? null : a.line2(),
                            null, null, a == null ? null : a.city(), a == null ? null : a.region(),
                            a == null ? null : a.postalCode(), a == null ? null : a.country(), i.invoiceNumber,
                            i.period, XERO_DATE.format(i.issueDate), XERO_DATE.format(e.tax().dueDate()), null,
                            description, "1", l.amount().toPlainString(), null, accountCode,
                            e.tax().lineTaxCodes().get(n), e.lineTax().get(n).toPlainString(), null, null, null, null,
                            i.currency, null);
                }
            }
        });
    }

    interface Rows {
        void print(CSVPrinter printer) throws IOException;
    }

    private static String print(List<String> header, Rows rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out,
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            rows.print(printer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

}
