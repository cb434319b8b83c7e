package dev.nce.billing.rest;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.nce.billing.domain.tax.InvoiceParty;
import dev.nce.billing.domain.tax.TaxLine;
import dev.nce.billing.rest.Views.InvoiceView;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import dev.nce.billing.domain.CsvCells;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV (Commons CSV) and PDF (OpenPDF) renderings of an invoice. */
@ApplicationScoped
public class InvoiceDocuments {

    /** A header row with the line field names, then one row per line, in line order; null fields are empty. */
    public String csv(InvoiceView invoice) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(Views.LINE_FIELDS.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (Views.InvoiceLineView l : invoice.lines()) {
                // cells are neutralised against spreadsheet formula injection (issue 15 item 12)
                printer.printRecord(Stream.of(l.subscriptionId(), l.offerId(), l.description(), l.chargeType(),
                        l.chargeStartDate(), l.chargeEndDate(), l.quantity(), plain(l.unitPrice()),
                        l.pricingCurrency(), plain(l.fxRate()), l.fxRateDate(), l.billingMonths(), l.daysActive(),
                        l.daysInPeriod(), plain(l.amount()), l.promotionId(), invoice.invoiceNumber(), l.taxCode())
                        .map(v -> v == null ? null : CsvCells.neutralise(v.toString())).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /**
     * The invoice a finance team sends (D23, D24): title ("Tax invoice" for an Australian seller), number, issue and
     * due dates, the seller and customer blocks as at issue, the lines grouped by subscription, subtotal, one row per
     * tax line, total, legal notes, payment instructions and footer.
     */
    public byte[] pdf(InvoiceView invoice, String paymentInstructions, String footer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(invoice.title() + " " + invoice.invoiceNumber());
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
            document.add(new Paragraph(invoice.title() + " " + invoice.invoiceNumber(), title));
            document.add(new Paragraph("Issue date: " + invoice.issueDate() + "    Due date: " + invoice.dueDate()
                    + "    Period: " + invoice.period() + "    Currency: " + invoice.currency(), normal));
            document.add(new Paragraph(" ", normal));

            PdfPTable parties = new PdfPTable(2);
            parties.setWidthPercentage(100);
            parties.addCell(party("From", invoice.seller(), null, bold, normal));
            parties.addCell(party("Bill to", invoice.customer(), invoice.customerId(), bold, normal));
            document.add(parties);
            document.add(new Paragraph(" ", normal));

            String[] headers = {"Description", "Type", "From", "To", "Qty", "Unit price", "FX", "Days", "Tax code",
                    "Amount"};
            PdfPTable table = new PdfPTable(new float[] {30, 9, 7, 7, 4, 9, 6, 6, 10, 9});
            table.setWidthPercentage(100);
            for (String header : headers) {
                table.addCell(cell(header, bold, Element.ALIGN_LEFT));
            }
            String subscription = null;
            for (Views.InvoiceLineView l : invoice.lines()) {
                if (!l.subscriptionId().equals(subscription)) {
                    subscription = l.subscriptionId();
                    PdfPCell group = cell("Subscription " + subscription + " (" + l.offerId() + ")", bold,
                            Element.ALIGN_LEFT);
                    group.setColspan(headers.length);
                    table.addCell(group);
                }
                table.addCell(cell(l.description()
                        + (l.promotionId() == null ? "" : " [promotion " + l.promotionId() + "]"), normal,
                        Element.ALIGN_LEFT));
                table.addCell(cell(l.chargeType().name(), normal, Element.ALIGN_LEFT));
                table.addCell(cell(l.chargeStartDate().toString(), normal, Element.ALIGN_LEFT));
                table.addCell(cell(l.chargeEndDate().toString(), normal, Element.ALIGN_LEFT));
                table.addCell(cell(Integer.toString(l.quantity()), normal, Element.ALIGN_RIGHT));
                table.addCell(cell(plain(l.unitPrice()) + " " + l.pricingCurrency()
                        + (l.billingMonths() == null ? "" : " x" + l.billingMonths()), normal, Element.ALIGN_RIGHT));
                table.addCell(cell(plain(l.fxRate()), normal, Element.ALIGN_RIGHT));
                table.addCell(cell(l.daysActive() + "/" + l.daysInPeriod(), normal, Element.ALIGN_RIGHT));
                table.addCell(cell(l.taxCode(), normal, Element.ALIGN_LEFT));
                table.addCell(cell(plain(l.amount()), normal, Element.ALIGN_RIGHT));
            }
            document.add(table);
            document.add(new Paragraph(" ", normal));
            right(document, "Subtotal: " + plain(invoice.subtotal()) + " " + invoice.currency(), normal);
            for (TaxLine t : invoice.taxLines()) {
                right(document, "Tax " + t.taxCode() + " (" + t.treatment() + ", " + t.percent().stripTrailingZeros()
                        .toPlainString() + " % of " + plain(t.taxableAmount()) + "): " + plain(t.taxAmount()) + " "
                        + invoice.currency(), normal);
            }
            right(document, "Total: " + plain(invoice.total()) + " " + invoice.currency(),
                    FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12));
            for (String note : invoice.legalNotes()) {
                document.add(new Paragraph(note, bold));
            }
            if (paymentInstructions != null) {
                document.add(new Paragraph("Payment: " + paymentInstructions + " (due " + invoice.dueDate() + ")",
                        normal));
            }
            if (footer != null) {
                document.add(new Paragraph(footer, normal));
            }
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render invoice " + invoice.invoiceNumber(), e);
        } finally {
            document.close();
        }
        return out.toByteArray();
    }

    private static PdfPCell party(String heading, InvoiceParty party, String customerId, Font bold, Font normal) {
        PdfPCell cell = new PdfPCell();
        cell.setPadding(4);
        cell.setBorder(0);
        cell.addElement(new Paragraph(heading, bold));
        if (party == null) {
            cell.addElement(new Paragraph(customerId == null ? "(no seller profile)" : "Customer " + customerId, normal));
            return cell;
        }
        String name = party.legalName() != null ? party.legalName() : party.name();
        cell.addElement(new Paragraph(name == null ? "Customer " + customerId : name, normal));
        if (party.legalName() != null && party.name() != null && !party.name().equals(party.legalName())) {
            cell.addElement(new Paragraph("(" + party.name() + ")", normal));
        }
        if (party.address() != null) {
            for (String line : party.address().lines()) {
                cell.addElement(new Paragraph(line, normal));
            }
        }
        if (party.taxId() != null) {
            cell.addElement(new Paragraph(taxIdLabel(party) + ": " + party.taxId(), normal));
        }
        if (customerId != null) {
            cell.addElement(new Paragraph("Customer id: " + customerId, normal));
        }
        return cell;
    }

    /** "ABN" for an Australian party (D23 tax invoice), else "Tax id". */
    private static String taxIdLabel(InvoiceParty party) {
        return party.address() != null && "AU".equals(party.address().country()) && party.taxId().matches("\\d{11}")
                ? "ABN" : "Tax id";
    }

    private static void right(Document document, String text, Font font) throws DocumentException {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_RIGHT);
        document.add(p);
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPadding(3);
        return cell;
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }
}
