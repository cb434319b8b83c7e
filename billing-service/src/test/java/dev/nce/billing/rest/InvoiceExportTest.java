package dev.nce.billing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.billing.domain.tax.TaxCustomer;
import dev.nce.billing.domain.tax.TaxedInvoice;
import dev.nce.billing.persistence.InvoiceEntity;
import dev.nce.billing.persistence.TaxStore.InvoiceTaxRow;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** Issue 18 step 5: the accounting export (csv and Xero's sales-invoice import layout); each invoice adds up. */
class InvoiceExportTest {

    @Test
    void xero_header_is_the_sales_invoice_import_template_and_each_invoice_adds_up_to_its_total() throws Exception {
        List<InvoiceExportResource.ExportedInvoice> invoices = sample();
        String csv = InvoiceExportResource.xero(invoices, "200");
        assertThat(csv.lines().findFirst().orElseThrow()).isEqualTo("*ContactName,EmailAddress,POAddressLine1,"
                + "POAddressLine2,POAddressLine3,POAddressLine4,POCity,PORegion,POPostalCode,POCountry,*InvoiceNumber,"
                + "Reference,*InvoiceDate,*DueDate,InventoryItemCode,*Description,*Quantity,*UnitAmount,Discount,"
                + "*AccountCode,*TaxType,TaxAmount,TrackingName1,TrackingOption1,TrackingName2,TrackingOption2,"
                + "Currency,BrandingTheme");
        List<CSVRecord> rows = records(csv);
        assertThat(rows).hasSize(23);
        Map<String, BigDecimal> sums = new HashMap<>();
        for (CSVRecord r : rows) {
            BigDecimal line = new BigDecimal(r.get("*Quantity")).multiply(new BigDecimal(r.get("*UnitAmount")))
                    .add(new BigDecimal(r.get("TaxAmount")));
            sums.merge(r.get("*InvoiceNumber"), line, BigDecimal::add);
        }
        assertThat(sums.get("2022-03-000001")).isEqualByComparingTo("54.74"); // 46.00 + 19 % VAT 8.74
        assertThat(sums.get("2022-03-000002")).isEqualByComparingTo("23.10"); // 20 x 1.05 + GST 2.10 (not 2.20)
        CSVRecord first = rows.get(0);
        assertThat(first.get("*ContactName")).isEqualTo("Fabrikam Deutschland GmbH");
        assertThat(first.get("*InvoiceDate")).isEqualTo("01/04/2022");
        assertThat(first.get("*DueDate")).isEqualTo("15/04/2022");
        assertThat(first.get("*TaxType")).isEqualTo("DE-VAT-19");
        assertThat(first.get("POCountry")).isEqualTo("DE");
        assertThat(first.get("Currency")).isEqualTo("EUR");
        assertThat(first.get("*AccountCode")).isEqualTo("200");
    }

    @Test
    void csv_rows_carry_invoice_and_customer_columns_and_add_up_to_each_total() throws Exception {
        List<CSVRecord> rows = records(InvoiceExportResource.csv(sample()));
        assertThat(rows).hasSize(23);
        Map<String, BigDecimal> sums = new HashMap<>();
        for (CSVRecord r : rows) {
            sums.merge(r.get("invoiceNumber"), new BigDecimal(r.get("amount")).add(new BigDecimal(r.get("taxAmount"))),
                    BigDecimal::add);
            assertThat(new BigDecimal(r.get("invoiceTotal"))).isEqualByComparingTo(
                    r.get("invoiceNumber").endsWith("1") ? "54.74" : "23.10");
        }
        assertThat(sums.get("2022-03-000001")).isEqualByComparingTo("54.74");
        assertThat(sums.get("2022-03-000002")).isEqualByComparingTo("23.10");
        assertThat(rows.get(0).get("customerTaxId")).isEqualTo("DE987654321");
        assertThat(rows.get(0).get("dueDate")).isEqualTo("2022-04-15");
        assertThat(rows.get(3).get("taxCode")).isEqualTo("AU-GST");
        assertThat(rows.get(3).get("customerCountry")).isEqualTo("AU");
    }

    static List<CSVRecord> records(String csv) throws Exception {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv))
                .getRecords();
    }

    static List<InvoiceExportResource.ExportedInvoice> sample() {
        TaxCustomer fabrikam = new TaxCustomer("Fabrikam", "Fabrikam Deutschland GmbH", InvoicePdfTest.MUNICH,
                List.of(new TaxCustomer.TaxIdentifier("EU_VAT", "DE987654321")), "NONE", 14);
        TaxedInvoice de = InvoicePdfTest.taxed(InvoicePdfTest.DE_SELLER, fabrikam, "EUR", List.of("5.17", "9.68", "31.15"));
        List<String> twenty = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            twenty.add("1.05");
        }
        TaxCustomer wingtip = new TaxCustomer("Wingtip", null, InvoicePdfTest.MELBOURNE, List.of(), "NONE", null);
        TaxedInvoice au = InvoicePdfTest.taxed(InvoicePdfTest.AU_SELLER, wingtip, "AUD", twenty);
        return List.of(exported("2022-03-000001", de), exported("2022-03-000002", au));
    }

    static InvoiceExportResource.ExportedInvoice exported(String number, TaxedInvoice t) {
        InvoiceEntity invoice = new InvoiceEntity();
        invoice.invoiceId = UUID.randomUUID();
        invoice.invoiceNumber = number;
        invoice.customerId = t.draft().customerId();
        invoice.period = t.draft().period().toString();
        invoice.issueDate = InvoicePdfTest.ISSUED;
        invoice.currency = t.draft().currency();
        invoice.subtotal = t.draft().subtotal();
        invoice.total = t.draft().total();
        invoice.lineCount = t.draft().lines().size();
        InvoiceTaxRow row = new InvoiceTaxRow(t.dueDate(), t.title(), t.seller(), t.customer(), t.taxLines(),
                t.taxTotal(), t.legalNotes(), t.lineTaxCodes(), t.sellerFooter(), t.paymentInstructions());
        return InvoiceExportResource.exported(invoice, t.draft().lines(), row, t.customer().name());
    }

}
