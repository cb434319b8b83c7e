package dev.nce.catalog.domain.pricelist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** D22: every pitfall the sample price list holds, read by {@link PriceListParser}. */
class PriceListParserTest {

    private final PriceListParser.Parsed parsed = PriceListParser.parse(SampleFiles.sample());
    private final List<PriceListRow> rows = parsed.rows();

    @Test
    void readsEveryDataRowOfTheSampleDespiteTheByteOrderMark() {
        assertThat(SampleFiles.sample()[0]).isEqualTo((byte) 0xEF); // the file starts with a UTF-8 BOM
        assertThat(parsed.dataRows()).isEqualTo(24);
        assertThat(rows).hasSize(24);
        assertThat(parsed.warnings()).isEmpty();
        // ChangeIndicator is the first column: read by name only because the BOM was dropped from its header
        assertThat(rows.get(0).changeIndicator()).isEqualTo("Unchanged");
    }

    @Test
    void d22SkuIdsWithoutLeadingZerosArePaddedToFourDigits() {
        assertThat(rows.get(0).skuId()).isEqualTo("1");
        assertThat(rows.get(0).offerId()).isEqualTo("CFQ7TTC0LH18:0001");
        assertThat(rows.get(4).offerId()).isEqualTo("CFQ7TTC0LCHC:0002");
        assertThat(rows.get(7).offerId()).isEqualTo("CFQ7TTC0LFLX:0001"); // already written 0001
        assertThat(rows.get(21).offerId()).isEqualTo("CFQ7TTC0LH18:000C"); // not numeric: kept
    }

    @Test
    void d22TermPricesAreReadAsWrittenIncludingOneThatDoesNotDivideByTwelve() {
        PriceListRow e1 = rows.get(17);
        assertThat(e1.offerId()).isEqualTo("EXAMPLE0E1NT:0001");
        assertThat(e1.termDuration()).isEqualTo("P1Y");
        assertThat(e1.unitPrice()).isEqualByComparingTo("65.18");
        assertThat(e1.erpPrice()).isEqualByComparingTo("81.5");
        PriceListRow p3y = rows.get(14);
        assertThat(p3y.termDuration() + "/" + p3y.billingPlan()).isEqualTo("P3Y/Triennial");
        assertThat(p3y.unitPrice()).isEqualByComparingTo("1134");
    }

    @Test
    void d22TrialRowHasBillingPlanNoneAndAnOpen1753Start() {
        PriceListRow trial = rows.get(3);
        assertThat(trial.trial()).isTrue();
        assertThat(trial.effectiveStart()).isNull(); // 1753-01-02 means open
        assertThat(trial.effectiveEnd()).isNull(); // 9999-11-30 means open
        assertThat(trial.unitPrice()).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void isoInstantsWithSevenFractionDigitsAreDates() {
        assertThat(rows.get(7).effectiveStart()).isEqualTo(LocalDate.of(2025, 11, 1));
    }

    @Test
    void oldUsDateFormatAndAnEndOfSale() {
        PriceListRow legacy = rows.get(23);
        assertThat(legacy.offerId()).isEqualTo("EXAMPLE0LGA1:0001");
        assertThat(legacy.effectiveStart()).isEqualTo(LocalDate.of(2019, 2, 1)); // 2/1/2019 12:00:00 AM
        assertThat(legacy.effectiveEnd()).isEqualTo(LocalDate.of(2025, 11, 30)); // 11/30/2025 11:59:59 PM
    }

    @Test
    void educationSegmentRowIsReadWithItsSegment() {
        assertThat(rows.get(21).segment()).isEqualTo("Education");
    }

    @Test
    void changeRowPreviousValuesAreAPythonDictLiteral() {
        PriceListRow change = rows.get(22);
        assertThat(change.changeIndicator()).isEqualTo("Change");
        assertThat(change.previousValues()).isEqualTo(Map.of("ERP Price", "1440", "UnitPrice", "1008"));
        assertThat(rows.get(0).previousValues()).isEmpty();
    }

    @Test
    void quotedTextWithCommasDoubledQuotesAndAZeroWidthSpace() {
        PriceListRow change = rows.get(22);
        assertThat(change.productTitle()).isEqualTo("Example Teams Phone Standard"); // U+200B removed
        assertThat(change.productTitle()).doesNotContain("\u200B");
        PriceListRow basic = rows.get(0);
        assertThat(basic.unitPrice()).isEqualByComparingTo("57.6"); // the quoted comma did not shift the columns
        assertThat(basic.erpPrice()).isEqualByComparingTo("72");
    }

    @Test
    void columnsAreReadByHeaderNameInAnyOrder() {
        String csv = "ERP Price,SkuId,ProductId,Extra,SkuTitle,TermDuration,BillingPlan,Currency,UnitPrice,"
                + "EffectiveStartDate,EffectiveEndDate,Segment\n"
                + "72,1,CFQ7TTC0LH18,x,Basic,P1Y,Annual,USD,57.6,2025-04-01,9999-11-30,Commercial\n";
        PriceListRow row = PriceListParser.parse(csv.getBytes(StandardCharsets.UTF_8)).rows().get(0);
        assertThat(row.offerId()).isEqualTo("CFQ7TTC0LH18:0001");
        assertThat(row.unitPrice()).isEqualByComparingTo("57.6");
        assertThat(row.erpPrice()).isEqualByComparingTo("72");
    }

    @Test
    void aBadNumberIsAnUnreadableRowNotAFailedFile() {
        String csv = "ProductId,SkuId,SkuTitle,TermDuration,BillingPlan,Currency,UnitPrice,ERP Price,"
                + "EffectiveStartDate,EffectiveEndDate\nP,1,T,P1Y,Annual,USD,abc,72,2025-04-01,9999-11-30\n";
        PriceListParser.Parsed result = PriceListParser.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(result.rows()).isEmpty();
        assertThat(result.warnings()).extracting(ImportWarning::row, ImportWarning::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, ImportWarning.UNREADABLE_ROW));
    }

    @Test
    void aFileWithoutTheColumnsIsNotAPriceList() {
        assertThatThrownBy(() -> PriceListParser.parse("a,b\n1,2\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("ProductId");
    }

    @Test
    void aZipIsUnpackedToItsCsv() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("NCE-pricelist.csv"));
            zip.write(SampleFiles.sample());
            zip.closeEntry();
        }
        assertThat(PriceListParser.unpack(bytes.toByteArray())).isEqualTo(SampleFiles.sample());
    }
}
