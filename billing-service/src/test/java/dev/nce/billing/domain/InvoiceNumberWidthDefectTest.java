package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 15 item 10: {@code lpad(seq, 6)} cut the 1,000,000th invoice of a period to 100000, a duplicate number. D21
 * numbers have at least 6 digits, and the SQL that numbers a run formats exactly like the Java rule.
 */
class InvoiceNumberWidthDefectTest {

    @ParameterizedTest(name = "D21 #{0} = {1}")
    @CsvSource({"1, 2030-07-000001", "999999, 2030-07-999999", "1000000, 2030-07-1000000", "12345678, 2030-07-12345678"})
    void a_period_above_one_million_invoices_keeps_every_digit(long sequence, String number) throws Exception {
        BillingPeriod period = BillingPeriod.parse("2030-07", "period");
        assertThat(InvoiceNumbers.format(period, sequence)).isEqualTo(number);
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "nce_test", "nce_test");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT " + InvoiceNumbers.sql("'2030-07'", sequence + "::bigint"))) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(number);
        }
    }
}
