package dev.nce.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 16: WINDOW_CLOSING rows had termStartDate null; API.md gives them the start of the term the seat batch
 * was bought in. The term start is shown, not part of the row's identity, so rows written before still match.
 */
class WindowClosingTermStartDefectTest {

    @Test
    void window_closing_carries_the_term_start_and_still_matches_a_row_written_without_it() {
        TermFacts term = new TermFacts("sub-1", Term.P1Y, SubscriptionStatus.ACTIVE, false, false, EndOfTermAction.RENEW,
                LocalDate.parse("2023-01-14"), LocalDate.parse("2023-12-15"));
        List<PlannedNotification> plan = ReminderPolicy.D8.plan(term,
                List.of(new BatchFacts("sub-1", "b-2", 5, Instant.parse("2023-01-21T00:00:00Z"))));
        PlannedNotification window = plan.stream().filter(p -> p.key().kind() == NotificationKind.WINDOW_CLOSING)
                .findFirst().orElseThrow();
        assertThat(window.key().termStartDate()).isEqualTo(LocalDate.parse("2023-01-14"));
        assertThat(window.key()).isEqualTo(NotificationKey.forBatch("sub-1", "b-2"))
                .hasSameHashCodeAs(NotificationKey.forBatch("sub-1", "b-2"));
        assertThat(window.key().dedupKey()).isEqualTo("window:sub-1:b-2");
        assertThat(window.key().notificationId()).isEqualTo(NotificationKey.forBatch("sub-1", "b-2").notificationId());
    }
}
