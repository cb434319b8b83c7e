package dev.nce.billing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.ChargeType;
import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.domain.tax.InvoiceTaxing;
import dev.nce.billing.domain.tax.PostalAddress;
import dev.nce.billing.domain.tax.SellerProfile;
import dev.nce.billing.domain.tax.TaxCustomer;
import dev.nce.billing.domain.tax.TaxRate;
import dev.nce.billing.domain.tax.TaxRounding;
import dev.nce.billing.domain.tax.TaxedInvoice;
import java.awt.image.BufferedImage;
import java.io.File;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * Issue 18 step 4: the three PDF variants (standard, EU reverse charge, Australian tax invoice) read back as text with
 * PDFBox; each is also rendered to target/invoice-pdf-&lt;variant&gt;.png for a person to look at.
 */
class InvoicePdfTest {

    static final PostalAddress BERLIN = new PostalAddress("Unter den Linden 1", null, "Berlin", null, "10117", "DE");
    static final PostalAddress MUNICH = new PostalAddress("Marienplatz 8", null, "Munich", "BY", "80331", "DE");
    static final PostalAddress PARIS = new PostalAddress("1 rue de la Paix", null, "Paris", null, "75002", "FR");
    static final PostalAddress SYDNEY = new PostalAddress("1 George St", "Level 20", "Sydney", "NSW", "2000", "AU");
    static final PostalAddress MELBOURNE = new PostalAddress("8 Collins St", null, "Melbourne", "VIC", "3000", "AU");

    static final SellerProfile DE_SELLER = new SellerProfile("Cloud Reseller GmbH", BERLIN,
            List.of(new SellerProfile.TaxRegistration("DE", null, "DE123456789")), "rechnung@reseller.example", null,
            "IBAN DE89 3704 0044 0532 0130 00", "Cloud Reseller GmbH, Amtsgericht Berlin HRB 12345");
    static final SellerProfile AU_SELLER = new SellerProfile("Cloud Reseller Pty Ltd", SYDNEY,
            List.of(new SellerProfile.TaxRegistration("AU", null, "51824753556")), "billing@reseller.example",
            "+61 2 9000 0000", "BSB 062-000 account 1234 5678", "Thank you for your business.");
    static final List<TaxRate> RATES = List.of(
            new TaxRate("DE-VAT-19", "DE", null, TaxRate.TaxType.VAT, "Umsatzsteuer", new BigDecimal("19"),
                    LocalDate.parse("2007-01-01"), null),
            new TaxRate("AU-GST", "AU", null, TaxRate.TaxType.GST, "GST", new BigDecimal("10"),
                    LocalDate.parse("2000-07-01"), null));
    static final LocalDate ISSUED = LocalDate.parse("2022-04-01");

    final InvoiceDocuments documents = new InvoiceDocuments();

    @Test
    void standard_invoice_shows_both_blocks_due_date_lines_by_subscription_and_19_percent_vat() throws Exception {
        TaxCustomer customer = new TaxCustomer("Fabrikam", "Fabrikam Deutschland GmbH", MUNICH,
                List.of(new TaxCustomer.TaxIdentifier("EU_VAT", "DE987654321")), "NONE", 14);
        String text = render("standard", DE_SELLER, customer, "EUR", List.of("5.17", "9.68", "31.15"));
        assertThat(text).contains("Invoice 2022-03-000001").doesNotContain("Tax invoice")
                .contains("Issue date: 2022-04-01").contains("Due date: 2022-04-15")
                .contains("Cloud Reseller GmbH").contains("Unter den Linden 1").contains("Tax id: DE123456789")
                .contains("Fabrikam Deutschland GmbH").contains("Marienplatz 8").contains("80331 Munich BY")
                .contains("Tax id: DE987654321")
                .contains("Subscription sub-a (offer-a)").contains("Subscription sub-b (offer-b)")
                .contains("Subtotal: 46.00 EUR")
                .contains("Tax DE-VAT-19 (STANDARD, 19 % of 46.00): 8.74 EUR")
                .contains("Total: 54.74 EUR")
                .contains("IBAN DE89 3704 0044 0532 0130 00");
    }

    @Test
    void reverse_charge_invoice_shows_the_legend_and_both_vat_ids() throws Exception {
        TaxCustomer customer = new TaxCustomer("Contoso", "Contoso SARL", PARIS,
                List.of(new TaxCustomer.TaxIdentifier("EU_VAT", "FR40303265045")), "NONE", null);
        String text = render("reverse-charge", DE_SELLER, customer, "EUR", List.of("13.63", "25.55"));
        assertThat(text).contains("Invoice 2022-03-000001").contains("Due date: 2022-05-01")
                .contains("Tax id: DE123456789").contains("Tax id: FR40303265045")
                .contains("Tax REVERSE_CHARGE (REVERSE_CHARGE, 0 % of 39.18): 0.00 EUR")
                .contains("Total: 39.18 EUR").contains("Reverse charge")
                .contains("Article 196");
    }

    @Test
    void australian_tax_invoice_is_titled_tax_invoice_with_both_abns_from_1000_aud() throws Exception {
        TaxCustomer customer = new TaxCustomer("Wingtip", "Wingtip Toys Pty Ltd", MELBOURNE,
                List.of(new TaxCustomer.TaxIdentifier("AU_ABN", "53004085616")), "NONE", 30);
        String text = render("au-tax-invoice", AU_SELLER, customer, "AUD", List.of("650.00", "350.00"));
        assertThat(text).contains("Tax invoice 2022-03-000001")
                .contains("ABN: 51824753556").contains("ABN: 53004085616")
                .contains("Tax AU-GST (STANDARD, 10 % of 1000.00): 100.00 AUD")
                .contains("Total: 1100.00 AUD").contains("Due date: 2022-05-01")
                .contains("Thank you for your business.");
    }

    @Test
    void csv_carries_the_invoice_number_and_each_lines_tax_code() throws Exception {
        TaxCustomer customer = new TaxCustomer("Fabrikam", null, MUNICH, List.of(), "NONE", null);
        Views.InvoiceView view = view(taxed(DE_SELLER, customer, "EUR", List.of("5.17", "9.68")));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(documents.csv(view))).getRecords();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("invoiceNumber")).isEqualTo("2022-03-000001");
        assertThat(rows.get(0).get("taxCode")).isEqualTo("DE-VAT-19");
        assertThat(rows.get(1).get("amount")).isEqualTo("9.68");
    }

    private String render(String variant, SellerProfile seller, TaxCustomer customer, String currency,
                          List<String> amounts) throws Exception {
        TaxedInvoice taxed = taxed(seller, customer, currency, amounts);
        byte[] pdf = documents.pdf(view(taxed), taxed.paymentInstructions(), taxed.sellerFooter());
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 110);
            Path png = Path.of("target", "invoice-pdf-" + variant + ".png");
            Files.createDirectories(png.getParent());
            ImageIO.write(image, "png", new File(png.toString()));
            assertThat(Files.size(png)).isGreaterThan(10_000);
            return new PDFTextStripper().getText(document);
        }
    }

    static TaxedInvoice taxed(SellerProfile seller, TaxCustomer customer, String currency, List<String> amounts) {
        List<InvoiceLine> lines = new java.util.ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        for (int i = 0; i < amounts.size(); i++) {
            BigDecimal amount = new BigDecimal(amounts.get(i));
            String sub = i == 0 ? "sub-a" : "sub-b";
            lines.add(new InvoiceLine(sub, i == 0 ? "offer-a" : "offer-b", "Microsoft 365 Business Premium seat " + i,
                    ChargeType.CYCLE, LocalDate.parse("2022-03-01"), LocalDate.parse("2022-03-31"), 2,
                    new BigDecimal("22.00"), currency, BigDecimal.ONE, null, null, 31, 31, amount, null));
            subtotal = subtotal.add(amount);
        }
        InvoiceDraft draft = new InvoiceDraft("customer-1", BillingPeriod.parse("2022-03", "period"), currency, lines,
                subtotal, subtotal);
        var result = new InvoiceTaxing(TaxRounding.PER_INVOICE).apply(draft, ISSUED, Optional.of(seller), customer,
                RATES, l -> Optional.empty());
        return ((InvoiceTaxing.Taxed) result).invoice();
    }

    static Views.InvoiceView view(TaxedInvoice t) {
        InvoiceDraft d = t.draft();
        return new Views.InvoiceView(UUID.fromString("0190f7a5-0000-7000-8000-000000000001"), "2022-03-000001",
                d.customerId(), d.period().toString(), ISSUED, t.dueDate(), t.title(), d.currency(), t.seller(),
                t.customer(), d.subtotal(), t.taxLines(), t.taxTotal(), d.total(), t.legalNotes(),
                Views.InvoiceLineView.all(d.lines(), t.lineTaxCodes()));
    }
}
