package dev.nce.billing.domain.tax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.billing.domain.BillingPeriod;
import dev.nce.billing.domain.ChargeType;
import dev.nce.billing.domain.InvoiceDraft;
import dev.nce.billing.domain.InvoiceLine;
import dev.nce.billing.domain.tax.TaxDetermination.AppliedTax;
import dev.nce.billing.domain.tax.TaxRate.TaxType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** D23 (tax) and D24 (due date, snapshot): the named cases of issue 18. */
class TaxTablesTest {

    static final PostalAddress SYDNEY = new PostalAddress("1 George St", null, "Sydney", "NSW", "2000", "AU");
    static final PostalAddress BERLIN = new PostalAddress("Unter den Linden 1", null, "Berlin", null, "10117", "DE");
    static final PostalAddress PARIS = new PostalAddress("1 rue de la Paix", null, "Paris", null, "75002", "FR");
    static final PostalAddress MUNICH = new PostalAddress("Marienplatz 8", null, "Munich", "BY", "80331", "DE");
    static final PostalAddress SEATTLE = new PostalAddress("1 Pike St", null, "Seattle", "WA", "98101", "US");
    static final PostalAddress TOKYO = new PostalAddress("1-1 Marunouchi", null, "Tokyo", null, "100-0005", "JP");

    static final SellerProfile AU_SELLER = new SellerProfile("Cloud Reseller Pty Ltd", SYDNEY,
            List.of(new SellerProfile.TaxRegistration("AU", null, "51824753556")), "billing@reseller.example",
            "+61 2 0000 0000", "BSB 000-000 account 12345678", "Thank you for your business.");
    static final SellerProfile DE_SELLER = new SellerProfile("Cloud Reseller GmbH", BERLIN,
            List.of(new SellerProfile.TaxRegistration("DE", null, "DE123456789")), "rechnung@reseller.example",
            null, "IBAN DE00 0000 0000 0000 0000 00", null);
    static final SellerProfile JP_SELLER = new SellerProfile("Cloud Reseller KK", TOKYO,
            List.of(new SellerProfile.TaxRegistration("JP", null, "T1234567890123")), null, null, null, null);

    static final TaxRate AU_GST = rate("AU-GST", "AU", TaxType.GST, "10", "2000-07-01", null);
    static final TaxRate DE_VAT_19_OLD = rate("DE-VAT-19", "DE", TaxType.VAT, "19", "2007-01-01", "2020-06-30");
    static final TaxRate DE_VAT_16 = rate("DE-VAT-16", "DE", TaxType.VAT, "16", "2020-07-01", "2020-12-31");
    static final TaxRate DE_VAT_19 = rate("DE-VAT-19-2021", "DE", TaxType.VAT, "19", "2021-01-01", null);
    static final TaxRate JP_CT = rate("JP-CT-10", "JP", TaxType.VAT, "10", "2019-10-01", null);
    static final List<TaxRate> RATES = List.of(AU_GST, DE_VAT_19_OLD, DE_VAT_16, DE_VAT_19, JP_CT);

    static final LocalDate JAN_1_2021 = LocalDate.parse("2021-01-01");

    final InvoiceTaxing perInvoice = new InvoiceTaxing(TaxRounding.PER_INVOICE);
    final InvoiceTaxing perLine = new InvoiceTaxing(TaxRounding.PER_LINE);

    @Test
    void au_gst_10_percent_20_lines_of_0_105_round_per_invoice_or_per_line() {
        List<String> amounts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            amounts.add("1.05"); // each line's GST is 0.105
        }
        TaxCustomer customer = customer("Wingtip Toys", SYDNEY, "NONE", 30, Map.of("AU_ABN", "53004085616"));
        TaxedInvoice invoice = taxed(perInvoice, draft("AUD", amounts), JAN_1_2021, AU_SELLER, customer);
        assertThat(invoice.taxLines()).singleElement().satisfies(t -> {
            assertThat(t.taxCode()).isEqualTo("AU-GST");
            assertThat(t.treatment()).isEqualTo(TaxTreatment.STANDARD);
            assertThat(t.taxType()).isEqualTo(TaxType.GST);
            assertThat(t.taxableAmount()).isEqualByComparingTo("21.00");
            assertThat(t.taxAmount()).hasToString("2.10"); // HALF_UP(21.00 x 10 %)
        });
        assertThat(invoice.draft().subtotal()).hasToString("21.00");
        assertThat(invoice.draft().total()).hasToString("23.10");
        assertThat(invoice.title()).isEqualTo("Tax invoice");
        assertThat(invoice.seller().taxId()).isEqualTo("51824753556");
        assertThat(invoice.customer().taxId()).as("buyer ABN only from A$1,000").isNull();
        assertThat(invoice.lineTaxCodes()).hasSize(20).containsOnly("AU-GST");

        TaxedInvoice lineByLine = taxed(perLine, draft("AUD", amounts), JAN_1_2021, AU_SELLER, customer);
        assertThat(lineByLine.taxTotal()).hasToString("2.20"); // 20 x HALF_UP(0.105) = 20 x 0.11
        assertThat(lineByLine.draft().total()).hasToString("23.20");
    }

    @Test
    void au_buyer_abn_is_shown_from_a_total_of_1000_aud() {
        TaxCustomer customer = customer("Wingtip Toys", SYDNEY, "NONE", 30, Map.of("AU_ABN", "53004085616"));
        TaxedInvoice invoice = taxed(perInvoice, draft("AUD", List.of("909.10")), JAN_1_2021, AU_SELLER, customer);
        assertThat(invoice.draft().total()).hasToString("1000.01"); // 909.10 + 90.91
        assertThat(invoice.customer().taxId()).isEqualTo("53004085616");
    }

    @Test
    void de_seller_and_fr_customer_with_a_vat_id_is_a_reverse_charge_with_legend_and_both_ids() {
        TaxCustomer customer = customer("Contoso", PARIS, "NONE", 14, Map.of("EU_VAT", "FR40303265045"));
        TaxedInvoice invoice = taxed(perInvoice, draft("EUR", List.of("100.00", "23.45")), JAN_1_2021, DE_SELLER,
                customer);
        assertThat(invoice.taxLines()).singleElement().satisfies(t -> {
            assertThat(t.taxCode()).isEqualTo("REVERSE_CHARGE");
            assertThat(t.treatment()).isEqualTo(TaxTreatment.REVERSE_CHARGE);
            assertThat(t.percent()).isEqualByComparingTo("0");
            assertThat(t.taxableAmount()).hasToString("123.45");
            assertThat(t.taxAmount()).hasToString("0.00");
        });
        assertThat(invoice.legalNotes()).first().isEqualTo("Reverse charge");
        assertThat(invoice.seller().taxId()).isEqualTo("DE123456789");
        assertThat(invoice.customer().taxId()).isEqualTo("FR40303265045");
        assertThat(invoice.draft().total()).hasToString("123.45");
        assertThat(invoice.title()).isEqualTo("Invoice");
        assertThat(invoice.dueDate()).isEqualTo("2021-01-15"); // D24: issue date + 14 days
    }

    @Test
    void a_fr_customer_without_a_vat_id_is_out_of_scope_where_the_seller_is_not_registered() {
        TaxCustomer french = customer("Consumer", PARIS, "NONE", null, Map.of());
        assertThat(taxed(perInvoice, draft("EUR", List.of("100.00")), JAN_1_2021, DE_SELLER, french).taxLines())
                .singleElement().satisfies(t -> assertThat(t.treatment()).isEqualTo(TaxTreatment.OUT_OF_SCOPE));
    }

    @Test
    void de_customer_at_19_percent() {
        TaxCustomer customer = customer("Fabrikam", MUNICH, "NONE", null, Map.of("EU_VAT", "DE987654321"));
        TaxedInvoice invoice = taxed(perInvoice, draft("EUR", List.of("100.00", "31.15")), JAN_1_2021, DE_SELLER,
                customer);
        assertThat(invoice.taxLines()).singleElement().satisfies(t -> {
            assertThat(t.taxCode()).isEqualTo("DE-VAT-19-2021");
            assertThat(t.percent()).isEqualByComparingTo("19");
            assertThat(t.taxableAmount()).hasToString("131.15");
            assertThat(t.taxAmount()).hasToString("24.92"); // 24.9185 HALF_UP
        });
        assertThat(invoice.draft().total()).hasToString("156.07");
        assertThat(invoice.dueDate()).isEqualTo("2021-01-31"); // D24 default 30 days
        assertThat(invoice.legalNotes()).isEmpty();
    }

    @Test
    void a_rate_change_inside_the_period_the_issue_date_decides() {
        TaxCustomer customer = customer("Fabrikam", MUNICH, "NONE", null, Map.of());
        // June 2020 is billed at 19 % days and 16 % days alike: the invoice issued on 2020-07-01 takes 16 %
        TaxedInvoice june = taxed(perInvoice, draft("EUR", "2020-06", List.of("100.00")), LocalDate.parse("2020-07-01"),
                DE_SELLER, customer);
        assertThat(june.taxLines()).singleElement().satisfies(t -> {
            assertThat(t.taxCode()).isEqualTo("DE-VAT-16");
            assertThat(t.taxAmount()).hasToString("16.00");
        });
        TaxedInvoice issuedInJune = taxed(perInvoice, draft("EUR", "2020-05", List.of("100.00")),
                LocalDate.parse("2020-06-30"), DE_SELLER, customer);
        assertThat(issuedInJune.taxLines().get(0).taxCode()).isEqualTo("DE-VAT-19");
        TaxedInvoice december = taxed(perInvoice, draft("EUR", "2020-12", List.of("100.00")), JAN_1_2021, DE_SELLER,
                customer);
        assertThat(december.taxLines().get(0).taxAmount()).hasToString("19.00");
    }

    @Test
    void an_exempt_customer_pays_no_tax() {
        TaxCustomer customer = customer("City Council", MUNICH, "EXEMPT", null, Map.of());
        TaxedInvoice invoice = taxed(perInvoice, draft("EUR", List.of("100.00")), JAN_1_2021, DE_SELLER, customer);
        assertThat(invoice.taxLines()).singleElement().satisfies(t -> {
            assertThat(t.taxCode()).isEqualTo("EXEMPT");
            assertThat(t.treatment()).isEqualTo(TaxTreatment.EXEMPT);
            assertThat(t.taxType()).isNull();
            assertThat(t.taxAmount()).hasToString("0.00");
        });
        assertThat(invoice.draft().total()).hasToString("100.00");
        assertThat(invoice.legalNotes()).hasSize(1);
    }

    @Test
    void a_customer_where_the_seller_is_not_registered_is_out_of_scope() {
        TaxCustomer customer = customer("Tailspin", SEATTLE, "NONE", 45, Map.of("US_EIN", "123456789"));
        TaxedInvoice invoice = taxed(perInvoice, draft("USD", List.of("25.55")), JAN_1_2021, AU_SELLER, customer);
        assertThat(invoice.taxLines()).singleElement().satisfies(t -> {
            assertThat(t.taxCode()).isEqualTo("OUT_OF_SCOPE");
            assertThat(t.taxableAmount()).hasToString("25.55");
            assertThat(t.taxAmount()).hasToString("0.00");
        });
        assertThat(invoice.draft().total()).hasToString("25.55");
        assertThat(invoice.dueDate()).isEqualTo("2021-02-15");
        assertThat(invoice.legalNotes()).containsExactly("Out of scope: the seller is not registered for tax in US.");
    }

    @Test
    void without_a_seller_profile_or_a_customer_address_every_total_stays_as_it_was() {
        TaxCustomer noAddress = TaxCustomer.unknown("Contoso");
        for (String amount : List.of("5.17", "9.68", "31.15", "13.63", "25.55")) {
            TaxedInvoice none = taxed(perInvoice, draft("USD", List.of(amount)), JAN_1_2021, null, noAddress);
            assertThat(none.draft().total()).hasToString(amount);
            assertThat(none.taxLines()).singleElement().satisfies(t -> {
                assertThat(t.treatment()).isEqualTo(TaxTreatment.OUT_OF_SCOPE);
                assertThat(t.taxAmount()).hasToString("0.00");
            });
            assertThat(none.seller()).isNull();
            assertThat(none.legalNotes()).isEmpty();
            TaxedInvoice seller = taxed(perInvoice, draft("USD", List.of(amount)), JAN_1_2021, DE_SELLER, noAddress);
            assertThat(seller.draft().total()).hasToString(amount);
        }
    }

    @Test
    void a_credit_of_a_charge_issued_at_an_older_rate_keeps_that_rate() {
        TaxCustomer customer = customer("Fabrikam", MUNICH, "NONE", null, Map.of());
        InvoiceDraft draft = draft("EUR", List.of("100.00", "-50.00"));
        AppliedTax sixteen = AppliedTax.of(DE_VAT_16);
        var result = perInvoice.apply(draft, JAN_1_2021, Optional.of(DE_SELLER), customer, RATES,
                line -> line.amount().signum() < 0 ? Optional.of(sixteen) : Optional.empty());
        TaxedInvoice invoice = ((InvoiceTaxing.Taxed) result).invoice();
        assertThat(invoice.taxLines()).hasSize(2);
        assertThat(invoice.taxLines().get(0)).satisfies(t -> {
            assertThat(t.taxCode()).isEqualTo("DE-VAT-19-2021");
            assertThat(t.taxableAmount()).hasToString("100.00");
            assertThat(t.taxAmount()).hasToString("19.00");
        });
        assertThat(invoice.taxLines().get(1)).satisfies(t -> {
            assertThat(t.taxCode()).isEqualTo("DE-VAT-16");
            assertThat(t.taxableAmount()).hasToString("-50.00");
            assertThat(t.taxAmount()).hasToString("-8.00");
        });
        assertThat(invoice.lineTaxCodes()).containsExactly("DE-VAT-19-2021", "DE-VAT-16");
        assertThat(invoice.taxTotal()).hasToString("11.00");
        assertThat(invoice.draft().total()).hasToString("61.00");
    }

    @Test
    void jpy_has_no_minor_unit() {
        TaxCustomer customer = customer("Kabushiki", TOKYO, "NONE", null, Map.of());
        TaxedInvoice invoice = taxed(perInvoice, draft("JPY", List.of("1235", "2000")), JAN_1_2021, JP_SELLER, customer);
        assertThat(invoice.taxLines()).singleElement().satisfies(t -> {
            assertThat(t.taxableAmount()).hasToString("3235");
            assertThat(t.taxAmount()).hasToString("324"); // 323.5 HALF_UP to 0 decimals
        });
        assertThat(invoice.draft().total()).hasToString("3559");
        TaxedInvoice perLineJpy = taxed(perLine, draft("JPY", List.of("1235", "2000")), JAN_1_2021, JP_SELLER, customer);
        assertThat(perLineJpy.taxTotal()).hasToString("324"); // 124 + 200
    }

    @Test
    void a_registered_seller_without_a_rate_in_force_gets_no_guessed_rate() {
        TaxCustomer customer = customer("Fabrikam", MUNICH, "NONE", null, Map.of());
        var result = perInvoice.apply(draft("EUR", List.of("1.00")), LocalDate.parse("2006-01-01"),
                Optional.of(DE_SELLER), customer, RATES, l -> Optional.empty());
        assertThat(result).isInstanceOf(InvoiceTaxing.MissingRate.class);
    }

    @Test
    void a_rate_is_immutable_except_its_effective_to() {
        TaxRate closed = rate("DE-VAT-16", "DE", TaxType.VAT, "16", "2020-07-01", "2021-06-30");
        assertThat(DE_VAT_16.sameExceptEffectiveTo(closed)).isTrue();
        assertThat(DE_VAT_16.sameExceptEffectiveTo(rate("DE-VAT-16", "DE", TaxType.VAT, "16.0", "2020-07-01", null)))
                .isTrue();
        assertThat(DE_VAT_16.sameExceptEffectiveTo(rate("DE-VAT-16", "DE", TaxType.VAT, "17", "2020-07-01", null)))
                .isFalse();
        assertThat(DE_VAT_16.inForceOn(LocalDate.parse("2020-12-31"))).isTrue();
        assertThat(DE_VAT_16.inForceOn(LocalDate.parse("2021-01-01"))).isFalse();
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    static TaxedInvoice taxed(InvoiceTaxing taxing, InvoiceDraft draft, LocalDate issueDate, SellerProfile seller,
                              TaxCustomer customer) {
        var result = taxing.apply(draft, issueDate, Optional.ofNullable(seller), customer, RATES, l -> Optional.empty());
        return ((InvoiceTaxing.Taxed) result).invoice();
    }

    static TaxCustomer customer(String name, PostalAddress address, String exempt, Integer terms, Map<String, String> ids) {
        return new TaxCustomer(name, name + " Ltd", address, ids.entrySet().stream()
                .map(e -> new TaxCustomer.TaxIdentifier(e.getKey(), e.getValue())).toList(), exempt, terms);
    }

    static TaxRate rate(String code, String country, TaxType type, String percent, String from, String to) {
        return new TaxRate(code, country, null, type, code, new BigDecimal(percent), LocalDate.parse(from),
                to == null ? null : LocalDate.parse(to));
    }

    static InvoiceDraft draft(String currency, List<String> amounts) {
        return draft(currency, "2020-12", amounts);
    }

    static InvoiceDraft draft(String currency, String period, List<String> amounts) {
        List<InvoiceLine> lines = new ArrayList<>();
        BigDecimal subtotal = BigDecimal.ZERO;
        int i = 0;
        for (String amount : amounts) {
            BigDecimal value = new BigDecimal(amount);
            lines.add(line("sub-" + (i++), value, currency));
            subtotal = subtotal.add(value);
        }
        return new InvoiceDraft("customer-1", BillingPeriod.parse(period, "period"), currency, lines, subtotal, subtotal);
    }

    static InvoiceLine line(String subscriptionId, BigDecimal amount, String currency) {
        return new InvoiceLine(subscriptionId, "offer", "Offer", amount.signum() < 0 ? ChargeType.CANCEL_CREDIT
                : ChargeType.CYCLE, LocalDate.parse("2020-12-01"), LocalDate.parse("2020-12-31"), 1, amount,
                currency, BigDecimal.ONE, null, null, 31, 31, amount, null);
    }
}
