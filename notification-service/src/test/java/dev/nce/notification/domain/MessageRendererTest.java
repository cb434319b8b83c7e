package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** R-N3 / R-F4: every message names the customer, offer, seats, dates, deadline, the outcome and its cost. */
class MessageRendererTest {

    private static MessageFacts.Subscription sub(EndOfTermAction action, String start, String end, String est) {
        LocalDate s = LocalDate.parse(start);
        LocalDate e = LocalDate.parse(end);
        return new MessageFacts.Subscription("sub-1", "CFQ7TTC0LF8Q:0001", "Microsoft 365 E3", 10, Term.P1Y,
                BillingFrequency.MONTHLY, SubscriptionStatus.ACTIVE, action == EndOfTermAction.RENEW, action,
                new BigDecimal("37.80"), "USD", s, e, e.plusDays(1), e.plusDays(1).minusDays(30),
                est == null ? null : new BigDecimal(est), est == null ? null : "USD");
    }

    private static MessageFacts facts(NotificationKind kind, MessageFacts.Subscription s) {
        return new MessageFacts(kind, "cust-1", "Contoso Ltd", s, null, null, null);
    }

    @Test
    void r_n3_notice_upcoming_for_the_r_n2_example() {
        RenderedMessage m = MessageRenderer.render(facts(NotificationKind.NOTICE_UPCOMING,
                sub(EndOfTermAction.RENEW, "2022-01-14", "2023-01-13", null)));
        assertThat(m.subject()).isEqualTo("Notice deadline 2022-12-15: Microsoft 365 E3 renews on 2023-01-14");
        assertThat(m.body()).contains("Hello Contoso Ltd,", "Seats: 10", "from 2022-01-14 to 2023-01-13",
                "Notice deadline: 2022-12-15", "37.80 USD per seat per month (378.00 USD per month for 10 seats)",
                "If you do nothing: it renews automatically on 2023-01-14 for another P1Y with 10 seats");
        assertThat(m.outcome()).isEqualTo(EndOfTermOutcome.RENEWS);
    }

    @Test
    void r_n3_notice_deadline_says_today_is_the_last_day() {
        RenderedMessage m = MessageRenderer.render(facts(NotificationKind.NOTICE_DEADLINE,
                sub(EndOfTermAction.RENEW, "2022-01-14", "2023-01-13", null)));
        assertThat(m.subject()).isEqualTo("Today is the notice deadline: Microsoft 365 E3 renews on 2023-01-14");
        assertThat(m.body()).contains("Today, 2022-12-15, is the last day");
    }

    @ParameterizedTest(name = "R-F4/D17 {0} {1}..{2}: {4}")
    @CsvSource(delimiter = '|', value = {
            // in EST scope with a quoted price: the price and the monthly cost
            "EXTENDED_SERVICE_TERM | 2025-06-01 | 2026-05-31 | 44.50 | EXTENDED_SERVICE_TERM | Microsoft 365 E3 moves to an extended service term on 2026-06-01 | 44.50 USD per seat per month as quoted today (445.00 USD per month for 10 seats)",
            // in scope, no price quoted yet: the rule instead of a figure
            "EXTENDED_SERVICE_TERM | 2025-06-01 | 2026-05-31 |       | EXTENDED_SERVICE_TERM | Microsoft 365 E3 moves to an extended service term on 2026-06-01 | monthly-term price plus 3 %",
            // out of EST scope (term ends before 2026-05-04): the old behaviour, expiry with grace
            "EXTENDED_SERVICE_TERM | 2022-01-14 | 2023-01-13 |       | EXPIRES               | Microsoft 365 E3 expires on 2023-01-14 | it expires on 2023-01-14: nothing is charged after 2023-01-13, you can renew it within 30 days",
            "CANCEL                | 2022-01-14 | 2023-01-13 |       | DISABLED              | Microsoft 365 E3 will be cancelled at the end of its term on 2023-01-13 | on 2023-01-14 it is disabled (no access, data kept for 90 days",
            "EXPIRE                | 2022-01-14 | 2023-01-13 |       | EXPIRES               | Microsoft 365 E3 expires on 2023-01-14 | you can renew it within 30 days",
    })
    void r_f4_expiry_upcoming_says_what_will_happen_and_what_it_costs(EndOfTermAction action, String start, String end,
                                                                     String est, EndOfTermOutcome outcome,
                                                                     String subject, String sentence) {
        RenderedMessage m = MessageRenderer.render(facts(NotificationKind.EXPIRY_UPCOMING, sub(action, start, end, est)));
        assertThat(m.outcome()).isEqualTo(outcome);
        assertThat(m.subject()).isEqualTo(subject);
        assertThat(m.body()).contains(sentence, "End-of-term action: " + action, "Seats: 10");
    }

    @Test
    void d8_window_closing_names_the_batch_seats_and_the_closing_instant() {
        MessageFacts f = new MessageFacts(NotificationKind.WINDOW_CLOSING, "cust-1", "Contoso Ltd",
                sub(EndOfTermAction.RENEW, "2022-03-14", "2023-03-13", null),
                new MessageFacts.Batch("b-2", 4, Instant.parse("2022-03-14T10:30:00Z"), Instant.parse("2022-03-21T10:30:00Z")),
                null, null);
        RenderedMessage m = MessageRenderer.render(f);
        assertThat(m.subject()).isEqualTo("Cancellation window for 4 seats of Microsoft 365 E3 closes at 2022-03-21 10:30 UTC");
        assertThat(m.body()).contains("until 2022-03-21 10:30 UTC", "until the end of the term on 2023-03-13");
    }

    @Test
    void d10_expired_disabled_and_est_started_state_the_dates_and_price() {
        MessageFacts.Subscription s = sub(EndOfTermAction.EXPIRE, "2022-01-14", "2023-01-13", null);
        MessageFacts.StateChange ended = new MessageFacts.StateChange(Instant.parse("2023-01-14T00:00:00Z"),
                LocalDate.parse("2022-01-14"), LocalDate.parse("2023-01-13"), null, null, null);
        RenderedMessage expired = MessageRenderer.render(new MessageFacts(NotificationKind.EXPIRED, "c", "Contoso Ltd", s,
                null, ended, null));
        assertThat(expired.body()).contains("expired on 2023-01-14", "renew it until 2023-02-13");
        RenderedMessage disabled = MessageRenderer.render(new MessageFacts(NotificationKind.DISABLED, "c", "Contoso Ltd", s,
                null, ended, null));
        assertThat(disabled.body()).contains("disabled on 2023-01-14", "kept until 2023-04-14");
        MessageFacts.StateChange est = new MessageFacts.StateChange(Instant.parse("2026-06-01T00:00:00Z"),
                LocalDate.parse("2025-06-01"), LocalDate.parse("2026-05-31"), LocalDate.parse("2026-06-01"),
                LocalDate.parse("2026-06-30"), new BigDecimal("44.50"));
        RenderedMessage started = MessageRenderer.render(new MessageFacts(NotificationKind.EST_STARTED, "c", "Contoso Ltd",
                sub(EndOfTermAction.EXTENDED_SERVICE_TERM, "2026-06-01", "2026-06-30", null), null, est, null));
        assertThat(started.subject()).isEqualTo("Microsoft 365 E3 is now in an extended service term");
        assertThat(started.body()).contains("44.50 USD per seat per month (445.00 USD per month for 10 seats)",
                "from 2026-06-01 to 2026-06-30");
    }

    @Test
    void invoice_issued_states_number_period_and_total() {
        RenderedMessage m = MessageRenderer.render(new MessageFacts(NotificationKind.INVOICE_ISSUED, "c", "Contoso Ltd",
                null, null, null, new MessageFacts.Invoice("inv-1", "2022-03-000001", "2022-03", LocalDate.parse("2022-04-01"),
                "USD", new BigDecimal("5.17"), new BigDecimal("5.17"), 1)));
        assertThat(m.subject()).isEqualTo("Invoice 2022-03-000001 for 2022-03: 5.17 USD");
        assertThat(m.body()).contains("Hello Contoso Ltd,", "issued on 2022-04-01", "Total: 5.17 USD");
    }
}
