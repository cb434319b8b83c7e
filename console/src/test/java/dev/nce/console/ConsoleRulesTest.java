package dev.nce.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's own logic: problems in words, the buttons per state (API.md state table), the calendar grid. */
class ConsoleRulesTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void a_reduction_refusal_names_the_refundable_seats_and_until_when() throws Exception {
        String text = ProblemText.of(409, JSON.readTree("{\"code\":\"reduction-exceeds-refundable\",\"rule\":\"R-C5\","
                + "\"detail\":\"only 7 seats are refundable\",\"refundableQuantity\":7,"
                + "\"allowedUntil\":\"2024-06-10T09:00:00Z\"}"));
        assertThat(text).isEqualTo("Too many seats to remove: only 7 can still be removed (until 2024-06-10T09:00:00Z)."
                + " only 7 seats are refundable");
        assertThat(ProblemText.of(409, JSON.readTree("{\"code\":\"notice-period-passed\",\"noticeDeadline\":\"2025-05-04\"}")))
                .isEqualTo("The notice deadline 2025-05-04 has passed; the next term can no longer be changed.");
        assertThat(ProblemText.of(502, null)).isEqualTo("The service answered 502 without details.");
    }

    @Test
    void actions_follow_the_state_table() {
        assertThat(SubscriptionActions.allowed(sub("ACTIVE", false, false, 3, "2024-06-10T09:00:00Z")).keySet())
                .containsExactly("quantity", "end_of_term", "reduce", "cancel", "suspend");
        assertThat(SubscriptionActions.allowed(sub("ACTIVE", false, false, 0, null)).keySet())
                .containsExactly("quantity", "end_of_term", "suspend");
        assertThat(SubscriptionActions.allowed(sub("ACTIVE", false, true, 0, null)).keySet()).containsExactly("cancel");
        assertThat(SubscriptionActions.allowed(sub("SUSPENDED", false, false, 2, null)).keySet())
                .containsExactly("reduce", "resume");
        assertThat(SubscriptionActions.allowed(sub("ACTIVE", true, false, 0, null))).isEmpty();
        assertThat(SubscriptionActions.allowed(sub("EXPIRED", false, false, 0, null))).isEmpty();
    }

    @Test
    void june_2025_starts_on_a_sunday_in_a_monday_first_grid() {
        List<List<RenewalsPage.Day>> weeks = RenewalsPage.weeks(YearMonth.of(2025, 6),
                List.of(Map.of("renewalDate", "2025-06-03", "subscriptionId", "s1")));
        assertThat(weeks).hasSize(6);
        assertThat(weeks.get(0).subList(0, 6)).allSatisfy(d -> assertThat(d.date()).isNull());
        assertThat(weeks.get(0).get(6).date()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(weeks.get(1).get(1).renewals()).hasSize(1);
        assertThat(weeks.get(5).get(0).date()).isEqualTo(LocalDate.of(2025, 6, 30));
    }

    private static Map<String, Object> sub(String status, boolean trial, boolean est, int refundable, String until) {
        Map<String, Object> s = new HashMap<>();
        s.put("status", status);
        s.put("trial", trial);
        s.put("inExtendedServiceTerm", est);
        s.put("refundableQuantity", refundable);
        s.put("cancellationAllowedUntil", until);
        return s;
    }
}
