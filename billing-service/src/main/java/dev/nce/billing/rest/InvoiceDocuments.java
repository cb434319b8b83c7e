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
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.persistence.InvoiceEntity;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import dev.nce.billing.domain.CsvCells;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV (Commons CSV) and PDF (OpenPDF) renderings of an invoice. */
@ApplicationScoped
public class InvoiceDocuments {

    /** A header row with the line field names, then one row per line, in line order; null fields are empty. */
    public String csv(List<InvoiceLine> lines) {
        StringWriter out = new StringWriter();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(Views.LINE_FIELDS.toArray(String[]::new)).get();
        try (CSVPrinter printer = new CSVPrinter(out, format)) {
            for (InvoiceLine l : lines) {
                printer.printRecord(Stream.of(l.subscriptionId(), l.offerId(), l.description(), l.chargeType(),
                        l.chargeStartDate(), l.chargeEndDate(), l.quantity(), plain(l.unitPrice()),
                        l.pricingCurrency(), plain(l.fxRate()), l.fxRateDate(), l.billingMonths(), l.daysActive(),
                        l.daysInPeriod(), plain(l.amount()), l.promotionId())
                        .map(v -> v == null ? null : CsvCells.neutralise(v.toString())).toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A readable invoice: header (number, customer, period, issue date, currency), the lines, subtotal and total. */
    public byte[] pdf(InvoiceEntity invoice, List<InvoiceLine> lines) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4.rotate(), 28, 28, 28, 28);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle("Invoice " + invoice.invoiceNumber);
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 16);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
            document.add(new Paragraph("Invoice " + invoice.invoiceNumber, title));
            document.add(new Paragraph("Customer: " + invoice.customerId, normal));
            document.add(new Paragraph("Period: " + invoice.period + "    Issue date: " + invoice.issueDate
                    + "    Currency: " + invoice.currency, normal));
            document.add(new Paragraph(" ", normal));

            String[] headers = {"Subscription", "Description", "Type", "From", "To", "Qty", "Unit price", "FX",
                    "Days", "Amount"};
            PdfPTable table = new PdfPTable(new float[] {14, 28, 9, 7, 7, 4, 8, 6, 6, 9});
            table.setWidthPercentage(100);
            for (String header : headers) {
                table.addCell(cell(header, bold, Element.ALIGN_LEFT));
            }
            for (InvoiceLine l : lines) {
                table.addCell(cell(l.subscriptionId(), normal, Element.ALIGN_LEFT));
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
                table.addCell(cell(plain(l.amount()), normal, Element.ALIGN_RIGHT));
            }
            document.add(table);
            document.add(new Paragraph(" ", normal));
            Paragraph subtotal = new Paragraph("Subtotal: " + plain(invoice.subtotal) + " " + invoice.currency, normal);
            subtotal.setAlignment(Element.ALIGN_RIGHT);
            document.add(subtotal);
            Paragraph total = new Paragraph("Total: " + plain(invoice.total) + " " + invoice.currency,
                    FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12));
            total.setAlignment(Element.ALIGN_RIGHT);
            document.add(total);
        } catch (DocumentException e) {
            throw new IllegalStateException("cannot render invoice " + invoice.invoiceNumber, e);
        } finally {
            document.close();
        }
        return out.toByteArray();
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
