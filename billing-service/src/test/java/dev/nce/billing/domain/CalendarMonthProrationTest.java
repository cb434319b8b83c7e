package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** BL-5 / D14: calendar-month proration, so a term is not always a whole number of monthly prices. */
class CalendarMonthProrationTest {

    @ParameterizedTest(name = "BL-5 {0} {1}..{2}: months = {3}")
    @CsvSource({
            "P1M, 2022-01-14, 2022-02-13, 1.0449",  // 18/31 + 13/28
            "P1M, 2022-03-14, 2022-04-13, 1.0140",  // 18/31 + 13/30
            "P1Y, 2022-03-14, 2023-03-13, 12.0000", // 18/31 + 11 + 13/31: same-length first and last months
            "P1Y, 2023-02-28, 2024-02-27, 11.9667", // 1/28 + 11 + 27/29 across a leap February
    })
    void bl5_a_term_bills_the_sum_of_its_calendar_month_ratios(Term term, String start, String end, String months) {
        InMemoryLedger ledger = ledgerFor(term, start, "31.00");
        List<InvoiceLine> lines = linesOver(ledger, start, end);

        BigDecimal sum = BigDecimal.ZERO;
        for (InvoiceLine line : lines) {
            sum = sum.add(BigDecimal.valueOf(line.daysActive())
                    .divide(BigDecimal.valueOf(line.daysInPeriod()), MathContext.DECIMAL128));
        }
        assertThat(sum.setScale(4, RoundingMode.HALF_UP)).isEqualByComparingTo(months);
        assertThat(lines).extracting(InvoiceLine::chargeType).containsOnly(ChargeType.CYCLE);
    }

    @ParameterizedTest(name = "BL-5 P1Y monthly {0}..{1} at {2} bills exactly {3}")
    @CsvSource({
            "2022-03-14, 2023-03-13, 31.00, 372.00", // 12 x 31.00 exactly (18.00 + 11 x 31.00 + 13.00)
            "2022-03-14, 2023-03-13, 36.00, 432.01", // the ratio is 12; the partial lines 20.91 + 15.10 round UP to a cent more
    })
    void bl5_p1y_monthly_term_adds_up_to_twelve_prices_when_first_and_last_months_have_the_same_length(
            String start, String end, String price, String total) {
        InMemoryLedger ledger = ledgerFor(Term.P1Y, start, price);
        List<InvoiceLine> lines = linesOver(ledger, start, end);

        assertThat(lines).hasSize(13);
        BigDecimal sum = lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo(total);
        assertThat(lines.get(0).daysActive()).isEqualTo(18);
        assertThat(lines.get(12).daysActive()).isEqualTo(13);
    }

    private static InMemoryLedger ledgerFor(Term term, String start, String price) {
        Snapshots s = Snapshots.of(term, BillingFrequency.MONTHLY).start(start).price(price);
        return new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 1, start + "T00:00:00Z"), "PURCHASE", null), Snapshots.at(start));
    }

    private static List<InvoiceLine> linesOver(InMemoryLedger ledger, String start, String end) {
        List<InvoiceLine> lines = new ArrayList<>();
        BillingPeriod period = BillingPeriod.containing(java.time.LocalDate.parse(start));
        BillingPeriod last = BillingPeriod.containing(java.time.LocalDate.parse(end));
        while (!period.isAfter(last)) {
            lines.addAll(ledger.invoice(period.toString()).lines());
            period = period.next();
        }
        // nothing is charged after the term (D10)
        assertThat(ledger.invoice(last.next().toString()).lines()).isEmpty();
        return lines;
    }
}
