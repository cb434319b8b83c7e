package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** D12 cadence, D19 issue dates, D21 numbers, DESIGN.md section 3 watermark closing. */
class InvoiceScheduleTest {

    @Test
    void d12_run_on_the_first_at_0100_retries_on_the_2nd_and_3rd_alert_on_the_4th() {
        assertThat(InvoiceSchedule.itemsOf(BillingPeriod.of(2022, 3))).extracting(i -> i.kind() + " " + i.at())
                .containsExactly("RUN 2022-04-01T01:00:00Z", "RETRY 2022-04-02T01:00:00Z", "RETRY 2022-04-03T01:00:00Z",
                        "ALERT 2022-04-04T01:00:00Z");
        assertThat(InvoiceSchedule.runInstant(BillingPeriod.of(2022, 12))).hasToString("2023-01-01T01:00:00Z");
    }

    @Test
    void d19_a_clock_jump_of_fourteen_months_yields_each_months_run_in_order_issued_on_the_first() {
        List<InvoiceSchedule.DueItem> due = InvoiceSchedule.dueBetween(Instant.parse("2022-01-15T00:00:00Z"),
                Instant.parse("2023-03-15T00:00:00Z"));

        List<InvoiceSchedule.DueItem> runs = due.stream().filter(i -> i.kind() == InvoiceSchedule.Kind.RUN).toList();
        assertThat(runs).extracting(i -> i.period().toString()).containsExactly("2022-01", "2022-02", "2022-03",
                "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11", "2022-12",
                "2023-01", "2023-02");
        assertThat(runs).extracting(InvoiceSchedule.DueItem::issueDate).allMatch(d -> d.getDayOfMonth() == 1);
        assertThat(due).isSortedAccordingTo(java.util.Comparator.comparing(InvoiceSchedule.DueItem::at));
        assertThat(due).hasSize(14 * 4);
    }

    @Test
    void due_work_between_two_instants_is_half_open_so_nothing_runs_twice() {
        Instant runAt = Instant.parse("2022-04-01T01:00:00Z");
        assertThat(InvoiceSchedule.dueBetween(Instant.parse("2022-04-01T00:00:00Z"), runAt)).hasSize(1);
        assertThat(InvoiceSchedule.dueBetween(runAt, Instant.parse("2022-04-01T23:00:00Z"))).isEmpty();
        assertThat(InvoiceSchedule.dueBetween(runAt, runAt)).isEmpty();
    }

    @ParameterizedTest(name = "D19 manual run for 2022-03 at {0} issues on {1}")
    @CsvSource({
            "2022-04-01T00:30:00Z, 2022-04-01", // before the scheduled run: as the run would
            "2022-04-02T00:30:00Z, 2022-04-01",
            "2022-04-02T05:00:00Z, 2022-04-02",
            "2022-04-03T23:00:00Z, 2022-04-03",
            "2022-04-04T00:00:00Z, 2022-04-04", // after the 3rd: the platform date of the POST
            "2022-05-17T12:00:00Z, 2022-05-17",
    })
    void d19_manual_issue_date(String now, String issueDate) {
        assertThat(InvoiceSchedule.manualIssueDate(BillingPeriod.of(2022, 3), Instant.parse(now)))
                .isEqualTo(LocalDate.parse(issueDate));
    }

    @ParameterizedTest(name = "period 2022-03 with watermark {0} closed: {1}")
    @CsvSource({"2022-03-31T23:59:59Z, false", "2022-04-01T00:00:00Z, true", "2023-01-01T00:00:00Z, true"})
    void a_month_is_closed_once_the_watermark_reached_its_end(String watermark, boolean closed) {
        assertThat(InvoiceSchedule.isClosed(BillingPeriod.of(2022, 3), Instant.parse(watermark))).isEqualTo(closed);
    }

    @ParameterizedTest(name = "D21 {0} #{1} = {2}")
    @CsvSource({"2022-03, 1, 2022-03-000001", "2022-12, 4711, 2022-12-004711", "2023-01, 999999, 2023-01-999999"})
    void d21_invoice_number_format(String period, long sequence, String number) {
        assertThat(InvoiceNumbers.format(BillingPeriod.parse(period, "period"), sequence)).isEqualTo(number);
    }

    @ParameterizedTest(name = "period ''{0}'' is 400 validation-failed")
    @CsvSource({"2022-3", "2022-13", "march", "2022-03-01", "''"})
    void malformed_period_is_refused_naming_the_field(String text) {
        assertThatThrownBy(() -> BillingPeriod.parse(text, "period")).isInstanceOf(RuleViolation.class)
                .satisfies(e -> assertThat(((RuleViolation) e).details()).containsEntry("field", "period"));
    }

    @ParameterizedTest(name = "D1 setting {0}")
    @CsvSource({"UP", "half_up", "HALF_EVEN", "DOWN"})
    void d1_rounding_setting_is_parsed(String setting) {
        assertThat(RoundingPolicy.parse(setting).mode().name()).isEqualTo(setting.toUpperCase());
    }

    @Test
    void d1_unknown_rounding_setting_is_refused() {
        assertThatThrownBy(() -> RoundingPolicy.parse("CEILING")).isInstanceOf(IllegalArgumentException.class);
    }
}
