package dev.nce.billing.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.billing.domain.ChargeType;
import dev.nce.billing.domain.CsvCells;
import dev.nce.billing.domain.InvoiceLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 15 item 12: invoice CSV cells beginning with =, +, -, @ ran as spreadsheet formulas. */
class CsvFormulaInjectionDefectTest {

    @Test
    void formula_cells_get_an_apostrophe_and_negative_amounts_stay_numbers() {
        InvoiceLine line = new InvoiceLine("sub-1", "CFQ7TTC0LF8Q:0001", "=HYPERLINK(\"http://x\",\"pay\")",
                ChargeType.values()[0], LocalDate.of(2022, 1, 1), LocalDate.of(2022, 1, 31), 3,
                new BigDecimal("10.00"), "USD", null, null, null, 31, 31, new BigDecimal("-12.34"), "@SUM(A1)");
        Views.InvoiceView invoice = new Views.InvoiceView(null, "2022-01-000001", "c-1", "2022-01", null, null, null,
                "USD", null, null, null, List.of(), null, null, List.of(), List.of(Views.InvoiceLineView.of(line, null)));
        String csv = new InvoiceDocuments().csv(invoice);
        String row = csv.lines().skip(1).findFirst().orElseThrow();
        assertThat(row).contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"pay\"\")\"").contains(",-12.34,").contains("'@SUM(A1)");
        assertThat(CsvCells.neutralise("+1+1")).isEqualTo("'+1+1");
        assertThat(CsvCells.neutralise("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
        assertThat(CsvCells.neutralise("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.neutralise("-5")).isEqualTo("-5");
        assertThat(CsvCells.neutralise("Microsoft 365 E3")).isEqualTo("Microsoft 365 E3");
    }
}
