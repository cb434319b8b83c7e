package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** D8 scheduling over time: catch-up, skip, cancel on change, exactly once. */
class ScheduleReconcilerTest {

    private static final ReminderPolicy POLICY = ReminderPolicy.D8;
    private static final LocalDate START = LocalDate.parse("2022-01-14");

    private static TermFacts term(Term t, LocalDate start, LocalDate deadline, EndOfTermAction action) {
        return new TermFacts("sub-1", t, SubscriptionStatus.ACTIVE, false, false, action, start, deadline);
    }

    /** Applies the changes to an in-memory store, like the persistence layer does. */
    private static List<ExistingNotification> apply(List<ExistingNotification> rows, List<ScheduleChange> changes) {
        Map<NotificationKey, ExistingNotification> byKey = rows.stream()
                .collect(Collectors.toMap(ExistingNotification::key, r -> r, (a, b) -> a, java.util.LinkedHashMap::new));
        for (ScheduleChange c : changes) {
            if (c instanceof ScheduleChange.Create create) {
                assertThat(byKey).doesNotContainKey(create.planned().key());
                byKey.put(create.planned().key(), new ExistingNotification(create.planned().key(), create.status(),
                        create.planned().dueAt(), create.cancelReason()));
            } else if (c instanceof ScheduleChange.Cancel cancel) {
                ExistingNotification old = byKey.get(cancel.key());
                byKey.put(cancel.key(), new ExistingNotification(cancel.key(), NotificationStatus.CANCELLED, old.dueAt(),
                        cancel.reason()));
            } else if (c instanceof ScheduleChange.Reschedule move) {
                byKey.put(move.key(), new ExistingNotification(move.key(), NotificationStatus.SCHEDULED, move.dueAt(), null));
            }
        }
        return new ArrayList<>(byKey.values());
    }

    private static ExistingNotification row(List<ExistingNotification> rows, NotificationKind kind) {
        return rows.stream().filter(r -> r.key().kind() == kind).findFirst().orElseThrow();
    }

    @Test
    void d8_renewing_p1y_purchase_schedules_both_notices_in_the_future() {
        Instant purchase = Instant.parse("2022-01-14T10:00:00Z");
        List<ScheduleChange> changes = ScheduleReconciler.reconcile(List.of(),
                POLICY.termReminders(term(Term.P1Y, START, LocalDate.parse("2022-12-15"), EndOfTermAction.RENEW)), purchase);
        List<ExistingNotification> rows = apply(List.of(), changes);
        assertThat(rows).extracting(ExistingNotification::status).containsOnly(NotificationStatus.SCHEDULED);
        assertThat(row(rows, NotificationKind.NOTICE_UPCOMING).dueAt()).isEqualTo(Instant.parse("2022-12-08T09:00:00Z"));
        assertThat(row(rows, NotificationKind.NOTICE_DEADLINE).dueAt()).isEqualTo(Instant.parse("2022-12-15T09:00:00Z"));
    }

    @ParameterizedTest(name = "D8 {0}: one EXPIRY_UPCOMING, scheduled")
    @CsvSource({"EXTENDED_SERVICE_TERM", "CANCEL"})
    void d8_est_and_cancel_purchase_schedule_one_expiry_upcoming(EndOfTermAction action) {
        List<ExistingNotification> rows = apply(List.of(), ScheduleReconciler.reconcile(List.of(),
                POLICY.termReminders(term(Term.P1Y, START, LocalDate.parse("2022-12-15"), action)),
                Instant.parse("2022-01-14T10:00:00Z")));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).key().kind()).isEqualTo(NotificationKind.EXPIRY_UPCOMING);
        assertThat(rows.get(0).status()).isEqualTo(NotificationStatus.SCHEDULED);
        assertThat(rows.get(0).dueAt()).isEqualTo(Instant.parse("2022-12-08T09:00:00Z"));
    }

    /**
     * D8 / R-N3 coterm: a first term shorter than the lead time. The purchase instant decides: a past instant is sent at
     * once (still SCHEDULED, due now) while now < noticeDeadline + 1 day 00:00Z, else skipped (CANCELLED).
     */
    @ParameterizedTest(name = "D8 coterm purchase at {0}, deadline {1}: upcoming {2}, deadline {3}")
    @CsvSource({
            // purchase instant,      deadline,   NOTICE_UPCOMING,  NOTICE_DEADLINE
            "2022-03-01T10:00:00Z, 2022-03-10, SCHEDULED, SCHEDULED",   // before 03-03 09:00: both in the future
            "2022-03-05T10:00:00Z, 2022-03-10, SCHEDULED, SCHEDULED",   // upcoming past -> sent at once
            "2022-03-10T08:59:59Z, 2022-03-10, SCHEDULED, SCHEDULED",   // deadline day, before 09:00
            "2022-03-10T23:59:59Z, 2022-03-10, SCHEDULED, SCHEDULED",   // deadline day: both at once
            "2022-03-11T00:00:00Z, 2022-03-10, CANCELLED, CANCELLED",   // the deadline has passed: skipped
            "2022-03-20T12:00:00Z, 2022-03-10, CANCELLED, CANCELLED",
    })
    void d8_coterm_shorter_than_the_lead_time_sends_at_once_or_skips(String purchase, String deadline,
                                                                    NotificationStatus upcoming,
                                                                    NotificationStatus onDeadline) {
        LocalDate start = LocalDate.ofInstant(Instant.parse(purchase), java.time.ZoneOffset.UTC);
        List<ExistingNotification> rows = apply(List.of(), ScheduleReconciler.reconcile(List.of(),
                POLICY.termReminders(term(Term.P1Y, start, LocalDate.parse(deadline), EndOfTermAction.RENEW)),
                Instant.parse(purchase)));
        assertThat(row(rows, NotificationKind.NOTICE_UPCOMING).status()).isEqualTo(upcoming);
        assertThat(row(rows, NotificationKind.NOTICE_DEADLINE).status()).isEqualTo(onDeadline);
        // dueAt keeps the computed instant either way
        assertThat(row(rows, NotificationKind.NOTICE_UPCOMING).dueAt()).isEqualTo(Instant.parse("2022-03-03T09:00:00Z"));
        if (upcoming == NotificationStatus.CANCELLED) {
            assertThat(row(rows, NotificationKind.NOTICE_UPCOMING).cancelReason()).isEqualTo(CancelReason.DEADLINE_PASSED);
        }
    }

    @Test
    void d8_action_changed_before_any_reminder_cancels_the_notices_and_schedules_expiry_upcoming() {
        Instant purchase = Instant.parse("2022-01-14T10:00:00Z");
        LocalDate deadline = LocalDate.parse("2022-12-15");
        List<ExistingNotification> rows = apply(List.of(), ScheduleReconciler.reconcile(List.of(),
                POLICY.termReminders(term(Term.P1Y, START, deadline, EndOfTermAction.RENEW)), purchase));
        Instant change = Instant.parse("2022-06-01T12:00:00Z");
        rows = apply(rows, ScheduleReconciler.reconcile(rows,
                POLICY.termReminders(term(Term.P1Y, START, deadline, EndOfTermAction.EXTENDED_SERVICE_TERM)), change));
        assertThat(row(rows, NotificationKind.NOTICE_UPCOMING).status()).isEqualTo(NotificationStatus.CANCELLED);
        assertThat(row(rows, NotificationKind.NOTICE_UPCOMING).cancelReason()).isEqualTo(CancelReason.SUPERSEDED);
        assertThat(row(rows, NotificationKind.NOTICE_DEADLINE).status()).isEqualTo(NotificationStatus.CANCELLED);
        assertThat(row(rows, NotificationKind.EXPIRY_UPCOMING).status()).isEqualTo(NotificationStatus.SCHEDULED);
        assertThat(row(rows, NotificationKind.EXPIRY_UPCOMING).dueAt()).isEqualTo(Instant.parse("2022-12-08T09:00:00Z"));

        // back to RENEW before the instants: the notices are wanted again (reopened), the expiry notice cancelled
        rows = apply(rows, ScheduleReconciler.reconcile(rows,
                POLICY.termReminders(term(Term.P1Y, START, deadline, EndOfTermAction.RENEW)), Instant.parse("2022-07-01T00:00:00Z")));
        assertThat(row(rows, NotificationKind.NOTICE_UPCOMING).status()).isEqualTo(NotificationStatus.SCHEDULED);
        assertThat(row(rows, NotificationKind.NOTICE_DEADLINE).status()).isEqualTo(NotificationStatus.SCHEDULED);
        assertThat(row(rows, NotificationKind.EXPIRY_UPCOMING).status()).isEqualTo(NotificationStatus.CANCELLED);
    }

    @Test
    void d8_action_changed_after_notice_upcoming_was_sent_keeps_it_and_sends_expiry_upcoming_at_once() {
        LocalDate deadline = LocalDate.parse("2022-12-15");
        NotificationKey upcoming = NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, "sub-1", START);
        NotificationKey onDeadline = NotificationKey.forTerm(NotificationKind.NOTICE_DEADLINE, "sub-1", START);
        List<ExistingNotification> rows = List.of(
                new ExistingNotification(upcoming, NotificationStatus.PROCESSED, Instant.parse("2022-12-08T09:00:00Z"), null),
                new ExistingNotification(onDeadline, NotificationStatus.SCHEDULED, Instant.parse("2022-12-15T09:00:00Z"), null));
        // D7 allows the change up to the deadline date; made on 2022-12-10
        List<ScheduleChange> changes = ScheduleReconciler.reconcile(rows,
                POLICY.termReminders(term(Term.P1Y, START, deadline, EndOfTermAction.CANCEL)),
                Instant.parse("2022-12-10T15:00:00Z"));
        assertThat(changes).containsExactlyInAnyOrder(
                new ScheduleChange.Cancel(onDeadline, CancelReason.SUPERSEDED),
                new ScheduleChange.Create(new PlannedNotification(
                        NotificationKey.forTerm(NotificationKind.EXPIRY_UPCOMING, "sub-1", START),
                        Instant.parse("2022-12-08T09:00:00Z"), Instant.parse("2022-12-16T00:00:00Z")),
                        NotificationStatus.SCHEDULED, null));
    }

    @Test
    void d8_processed_and_skipped_rows_are_never_touched_again_exactly_once() {
        NotificationKey upcoming = NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, "sub-1", START);
        NotificationKey onDeadline = NotificationKey.forTerm(NotificationKind.NOTICE_DEADLINE, "sub-1", START);
        List<ExistingNotification> rows = List.of(
                new ExistingNotification(upcoming, NotificationStatus.PROCESSED, Instant.parse("2022-12-08T09:00:00Z"), null),
                new ExistingNotification(onDeadline, NotificationStatus.CANCELLED, Instant.parse("2022-12-15T09:00:00Z"),
                        CancelReason.DEADLINE_PASSED));
        assertThat(ScheduleReconciler.reconcile(rows,
                POLICY.termReminders(term(Term.P1Y, START, LocalDate.parse("2022-12-15"), EndOfTermAction.RENEW)),
                Instant.parse("2022-12-10T00:00:00Z"))).isEmpty();
    }

    @Test
    void d8_renewal_cancels_nothing_of_the_old_term_and_schedules_the_new_term() {
        NotificationKey oldUpcoming = NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, "sub-1", START);
        List<ExistingNotification> rows = List.of(
                new ExistingNotification(oldUpcoming, NotificationStatus.PROCESSED, Instant.parse("2022-12-08T09:00:00Z"), null));
        LocalDate newStart = LocalDate.parse("2023-01-14");
        List<ScheduleChange> changes = ScheduleReconciler.reconcile(rows,
                POLICY.termReminders(term(Term.P1Y, newStart, LocalDate.parse("2023-12-15"), EndOfTermAction.RENEW)),
                Instant.parse("2023-01-14T00:00:00Z"));
        assertThat(changes).hasSize(2).allSatisfy(c -> assertThat(c).isInstanceOf(ScheduleChange.Create.class));
        assertThat(changes).extracting(c -> ((ScheduleChange.Create) c).planned().key().termStartDate())
                .containsOnly(newStart);
    }

    @Test
    void d8_status_change_cancels_pending_rows_of_the_subscription() {
        NotificationKey upcoming = NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, "sub-1", START);
        NotificationKey window = NotificationKey.forBatch("sub-1", "b-1");
        List<ExistingNotification> rows = List.of(
                new ExistingNotification(upcoming, NotificationStatus.SCHEDULED, Instant.parse("2022-12-08T09:00:00Z"), null),
                new ExistingNotification(window, NotificationStatus.SCHEDULED, Instant.parse("2022-01-20T10:00:00Z"), null));
        TermFacts deleted = new TermFacts("sub-1", Term.P1Y, SubscriptionStatus.DELETED, false, false,
                EndOfTermAction.RENEW, START, LocalDate.parse("2022-12-15"));
        List<ScheduleChange> changes = ScheduleReconciler.reconcile(rows,
                POLICY.plan(deleted, List.of(new BatchFacts("sub-1", "b-1", 0, Instant.parse("2022-01-21T10:00:00Z")))),
                Instant.parse("2022-01-15T10:00:00Z"));
        assertThat(changes).containsExactlyInAnyOrder(new ScheduleChange.Cancel(upcoming, CancelReason.SUPERSEDED),
                new ScheduleChange.Cancel(window, CancelReason.SUPERSEDED));
    }

    /** D8: a window that closes before its alert time (seen less than 24 h before it closes) is skipped, never late. */
    @ParameterizedTest(name = "D8 batch seen at {0}, window ends {1}: {2}")
    @CsvSource({
            "2022-03-14T10:00:00Z, 2022-03-21T10:00:00Z, SCHEDULED, ",
            "2022-03-20T10:00:00Z, 2022-03-21T10:00:00Z, SCHEDULED, ",          // exactly at the alert instant
            "2022-03-20T10:00:01Z, 2022-03-21T10:00:00Z, CANCELLED, window-alert-past",
            "2022-01-16T12:00:00Z, 2022-01-17T10:00:00Z, CANCELLED, window-alert-past", // 72-h window, late event
    })
    void d8_window_closing_is_skipped_when_its_instant_is_already_past(String seen, String windowEnd,
                                                                      NotificationStatus status, String reason) {
        List<PlannedNotification> plan = POLICY.plan(
                new TermFacts("sub-1", Term.P1Y, SubscriptionStatus.ACTIVE, false, false, EndOfTermAction.RENEW,
                        START, null),
                List.of(new BatchFacts("sub-1", "b-1", 10, Instant.parse(windowEnd))));
        List<ExistingNotification> rows = apply(List.of(), ScheduleReconciler.reconcile(List.of(), plan, Instant.parse(seen)));
        ExistingNotification window = row(rows, NotificationKind.WINDOW_CLOSING);
        assertThat(window.status()).isEqualTo(status);
        assertThat(window.cancelReason()).isEqualTo(reason);
        assertThat(window.dueAt()).isEqualTo(Instant.parse(windowEnd).minusSeconds(24 * 3600));
    }

    @Test
    void d8_reduction_to_zero_before_the_alert_cancels_window_closing_and_an_increase_adds_its_own() {
        NotificationKey first = NotificationKey.forBatch("sub-1", "b-1");
        List<ExistingNotification> rows = List.of(
                new ExistingNotification(first, NotificationStatus.SCHEDULED, Instant.parse("2022-03-20T10:00:00Z"), null));
        TermFacts t = new TermFacts("sub-1", Term.P1Y, SubscriptionStatus.ACTIVE, false, false, EndOfTermAction.RENEW,
                LocalDate.parse("2022-03-14"), LocalDate.parse("2023-02-11"));
        List<ScheduleChange> changes = ScheduleReconciler.reconcile(rows, POLICY.plan(t, List.of(
                new BatchFacts("sub-1", "b-1", 0, Instant.parse("2022-03-21T10:00:00Z")),
                new BatchFacts("sub-1", "b-2", 4, Instant.parse("2022-03-23T08:00:00Z")))), Instant.parse("2022-03-16T08:00:00Z"));
        assertThat(changes).contains(new ScheduleChange.Cancel(first, CancelReason.SUPERSEDED));
        assertThat(changes).contains(new ScheduleChange.Create(new PlannedNotification(
                NotificationKey.forBatch("sub-1", "b-2"), Instant.parse("2022-03-22T08:00:00Z"),
                Instant.parse("2022-03-22T08:00:00Z")), NotificationStatus.SCHEDULED, null));
    }

    @Test
    void d8_pending_row_whose_instant_moved_is_rescheduled_or_cancelled_when_past_its_deadline() {
        NotificationKey upcoming = NotificationKey.forTerm(NotificationKind.NOTICE_UPCOMING, "sub-1", START);
        List<ExistingNotification> rows = List.of(
                new ExistingNotification(upcoming, NotificationStatus.SCHEDULED, Instant.parse("2022-12-08T09:00:00Z"), null));
        PlannedNotification moved = new PlannedNotification(upcoming, Instant.parse("2022-11-08T09:00:00Z"),
                Instant.parse("2022-11-16T00:00:00Z"));
        assertThat(ScheduleReconciler.reconcile(rows, List.of(moved), Instant.parse("2022-11-01T00:00:00Z")))
                .containsExactly(new ScheduleChange.Reschedule(upcoming, moved.dueAt(), moved.sendUntil()));
        assertThat(ScheduleReconciler.reconcile(rows, List.of(moved), Instant.parse("2022-11-20T00:00:00Z")))
                .containsExactly(new ScheduleChange.Cancel(upcoming, CancelReason.DEADLINE_PASSED));
    }
}
