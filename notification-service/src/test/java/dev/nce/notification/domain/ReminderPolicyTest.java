package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** D8 reminder instants over the R-N2 deadline table. */
class ReminderPolicyTest {

    private final ReminderPolicy policy = ReminderPolicy.D8;

    private static TermFacts term(Term t, String start, String deadline, EndOfTermAction action, SubscriptionStatus status) {
        return new TermFacts("sub-1", t, status, false, false, action, LocalDate.parse(start),
                deadline == null ? null : LocalDate.parse(deadline));
    }

    @ParameterizedTest(name = "D8/R-N2 {0} from {1}: deadline {2}, upcoming {3}, deadline reminder {4}")
    @CsvSource({
            // term, start,      noticeDeadline (R-N2 table), NOTICE_UPCOMING,     NOTICE_DEADLINE,       sendUntil
            "P1Y, 2022-01-14, 2022-12-15, 2022-12-08T09:00:00Z, 2022-12-15T09:00:00Z, 2022-12-16T00:00:00Z",
            "P1M, 2022-01-14, 2022-02-07, 2022-02-04T09:00:00Z, 2022-02-07T09:00:00Z, 2022-02-08T00:00:00Z",
            "P3Y, 2022-01-14, 2024-12-15, 2024-12-08T09:00:00Z, 2024-12-15T09:00:00Z, 2024-12-16T00:00:00Z",
            // month-end anchor (D3 drift): P1M 2022-01-31 ends 2022-02-27, renewal 2022-02-28, deadline 2022-02-21
            "P1M, 2022-01-31, 2022-02-21, 2022-02-18T09:00:00Z, 2022-02-21T09:00:00Z, 2022-02-22T00:00:00Z",
    })
    void d8_renewing_term_gets_notice_upcoming_and_notice_deadline_at_0900_utc(Term t, String start, String deadline,
                                                                             String upcoming, String deadlineAt,
                                                                             String until) {
        List<PlannedNotification> plan = policy.termReminders(term(t, start, deadline, EndOfTermAction.RENEW,
                SubscriptionStatus.ACTIVE));
        assertThat(plan).containsExactly(
                new PlannedNotification(NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, "sub-1",
                        LocalDate.parse(start)), Instant.parse(upcoming), Instant.parse(until)),
                new PlannedNotification(NotificationKey.forTerm(NotificationKind.NOTICE_DEADLINE, "sub-1",
                        LocalDate.parse(start)), Instant.parse(deadlineAt), Instant.parse(until)));
    }

    @ParameterizedTest(name = "D8 action {0} on {1}: one EXPIRY_UPCOMING at {3}")
    @CsvSource({
            "EXTENDED_SERVICE_TERM, P1Y, 2022-12-15, 2022-12-08T09:00:00Z",
            "CANCEL,                P1Y, 2022-12-15, 2022-12-08T09:00:00Z",
            "EXPIRE,                P1M, 2022-02-07, 2022-02-04T09:00:00Z",
            "EXTENDED_SERVICE_TERM, P3Y, 2024-12-15, 2024-12-08T09:00:00Z",
    })
    void d8_other_actions_get_one_expiry_upcoming_at_the_notice_upcoming_instant(EndOfTermAction action, Term t,
                                                                               String deadline, String due) {
        List<PlannedNotification> plan = policy.termReminders(term(t, "2022-01-14", deadline, action,
                SubscriptionStatus.ACTIVE));
        assertThat(plan).hasSize(1);
        assertThat(plan.get(0).key().kind()).isEqualTo(NotificationKind.EXPIRY_UPCOMING);
        assertThat(plan.get(0).key().termStartDate()).isEqualTo(LocalDate.parse("2022-01-14"));
        assertThat(plan.get(0).dueAt()).isEqualTo(Instant.parse(due));
    }

    @Test
    void d20_suspended_subscription_with_action_expire_is_told_it_expires() {
        List<PlannedNotification> plan = policy.termReminders(term(Term.P1Y, "2022-01-14", "2022-12-15",
                EndOfTermAction.EXPIRE, SubscriptionStatus.SUSPENDED));
        assertThat(plan).extracting(p -> p.key().kind()).containsExactly(NotificationKind.EXPIRY_UPCOMING);
    }

    @ParameterizedTest(name = "R-N3 nothing for status {0}")
    @CsvSource({"EXPIRED", "DISABLED", "DELETED"})
    void r_n3_no_reminders_for_ended_subscriptions(SubscriptionStatus status) {
        assertThat(policy.termReminders(term(Term.P1Y, "2022-01-14", "2022-12-15", EndOfTermAction.RENEW, status)))
                .isEmpty();
    }

    @Test
    void r_n3_d15_d17_no_reminders_for_trials_est_months_or_terms_without_deadline() {
        TermFacts trial = new TermFacts("s", Term.P1M, SubscriptionStatus.ACTIVE, true, false, EndOfTermAction.RENEW,
                LocalDate.parse("2022-01-14"), null);
        TermFacts trialWithDeadline = new TermFacts("s", Term.P1M, SubscriptionStatus.ACTIVE, true, false,
                EndOfTermAction.RENEW, LocalDate.parse("2022-01-14"), LocalDate.parse("2022-02-07"));
        TermFacts est = new TermFacts("s", Term.P1Y, SubscriptionStatus.ACTIVE, false, true,
                EndOfTermAction.EXTENDED_SERVICE_TERM, LocalDate.parse("2026-06-01"), null);
        assertThat(policy.termReminders(trial)).isEmpty();
        assertThat(policy.termReminders(trialWithDeadline)).isEmpty();
        assertThat(policy.termReminders(est)).isEmpty();
    }

    @ParameterizedTest(name = "D8/D4 window {0}..{1}: WINDOW_CLOSING at {2}")
    @CsvSource({
            // 168-h window (D4, from 2022-03-12) and a 72-h window (before): alert 24 h before the exclusive end
            "2022-03-14T10:30:00Z, 2022-03-21T10:30:00Z, 2022-03-20T10:30:00Z",
            "2022-01-14T10:00:00Z, 2022-01-17T10:00:00Z, 2022-01-16T10:00:00Z",
            "2023-01-14T00:00:00Z, 2023-01-21T00:00:00Z, 2023-01-20T00:00:00Z",
    })
    void d8_window_closing_24h_before_the_window_closes(String opened, String windowEnd, String due) {
        var plan = policy.windowClosing(new BatchFacts("sub-1", "b-1", 5, Instant.parse(windowEnd)),
                SubscriptionStatus.ACTIVE, false);
        assertThat(plan).isPresent();
        assertThat(plan.get().key()).isEqualTo(NotificationKey.forBatch("sub-1", "b-1"));
        assertThat(plan.get().dueAt()).isEqualTo(Instant.parse(due)).isAfter(Instant.parse(opened));
        assertThat(plan.get().sendUntil()).isEqualTo(plan.get().dueAt());
    }

    @ParameterizedTest(name = "D8 no WINDOW_CLOSING: remaining {0}, status {1}, trial {2}")
    @CsvSource({"0, ACTIVE, false", "3, SUSPENDED, false", "3, DELETED, false", "3, ACTIVE, true"})
    void d8_window_closing_only_with_refundable_seats_on_an_active_paid_subscription(int remaining,
                                                                                   SubscriptionStatus status,
                                                                                   boolean trial) {
        assertThat(policy.windowClosing(new BatchFacts("s", "b", remaining, Instant.parse("2022-03-21T10:30:00Z")),
                status, trial)).isEmpty();
    }

    @Test
    void d8_keys_are_unique_per_subscription_term_and_kind_and_per_batch() {
        NotificationKey a = NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, "s", LocalDate.parse("2022-01-14"));
        NotificationKey b = NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, "s", LocalDate.parse("2023-01-14"));
        NotificationKey c = NotificationKey.forTerm(NotificationKind.NOTICE_DEADLINE, "s", LocalDate.parse("2022-01-14"));
        assertThat(a.notificationId()).isEqualTo(NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, "s",
                LocalDate.parse("2022-01-14")).notificationId());
        assertThat(List.of(a.notificationId(), b.notificationId(), c.notificationId(),
                NotificationKey.forBatch("s", "b1").notificationId(), NotificationKey.forInvoice("i1").notificationId()))
                .doesNotHaveDuplicates();
        assertThat(a.dedupKey()).isEqualTo("term:s:2022-01-14:NOTICE_UPCOMING");
        assertThat(NotificationKey.forBatch("s", "b1").dedupKey()).isEqualTo("window:s:b1");
    }
}
