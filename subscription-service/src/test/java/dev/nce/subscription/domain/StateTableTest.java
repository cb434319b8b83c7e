package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import dev.nce.contracts.SubscriptionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API.md state table, row by row: ACTIVE, EST, SUSPENDED, EXPIRED (grace), DISABLED/DELETED, trial. */
class StateTableTest {

    @ParameterizedTest(name = "{0}: {1} {2} {3} {4} {5} {6}")
    @CsvSource({
            "INCREASE_QUANTITY,       ALLOWED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED",
            "DECREASE_QUANTITY,       WINDOW,  REFUSED, WINDOW,  REFUSED, REFUSED, REFUSED",
            "CHANGE_RENEWAL_SETTINGS, ALLOWED, REFUSED, REFUSED, REFUSED, REFUSED, AUTO_RENEW_ONLY",
            "CANCEL,                  WINDOW,  ALLOWED, WINDOW,  REFUSED, REFUSED, REFUSED",
            "SUSPEND,                 ALLOWED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED",
            "RESUME,                  REFUSED, REFUSED, ALLOWED, REFUSED, REFUSED, REFUSED",
            "RENEW,                   REFUSED, ALLOWED, REFUSED, ALLOWED, REFUSED, REFUSED",
            "SET_SCHEDULED_CHANGES,   ALLOWED, REFUSED, REFUSED, REFUSED, REFUSED, SCHEDULED_CONVERSION",
            "TERM_CHANGE,             ALLOWED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED",
            "UPGRADE,                 ALLOWED, REFUSED, REFUSED, REFUSED, REFUSED, REFUSED",
            "TRIAL_CONVERSION,        REFUSED, REFUSED, REFUSED, REFUSED, REFUSED, ALLOWED",
    })
    void api_state_table(SubscriptionAction action, StateTable.Permission active, StateTable.Permission est,
                         StateTable.Permission suspended, StateTable.Permission expired,
                         StateTable.Permission disabledOrDeleted, StateTable.Permission trial) {
        assertThat(StateTable.permission(action, StateCategory.ACTIVE)).isEqualTo(active);
        assertThat(StateTable.permission(action, StateCategory.EXTENDED_SERVICE_TERM)).isEqualTo(est);
        assertThat(StateTable.permission(action, StateCategory.SUSPENDED)).isEqualTo(suspended);
        assertThat(StateTable.permission(action, StateCategory.EXPIRED)).isEqualTo(expired);
        assertThat(StateTable.permission(action, StateCategory.DISABLED_OR_DELETED)).isEqualTo(disabledOrDeleted);
        assertThat(StateTable.permission(action, StateCategory.TRIAL)).isEqualTo(trial);
        // D15: an expired trial cannot be renewed nor changed
        assertThat(StateTable.permission(action, StateCategory.EXPIRED_TRIAL)).isEqualTo(StateTable.Permission.REFUSED);
    }

    @ParameterizedTest(name = "{0} inEst={1} trial={2} -> {3}")
    @CsvSource({
            "ACTIVE, false, false, ACTIVE",
            "ACTIVE, true, false, EXTENDED_SERVICE_TERM",
            "ACTIVE, false, true, TRIAL",
            "SUSPENDED, false, false, SUSPENDED",
            "EXPIRED, false, false, EXPIRED",
            "EXPIRED, false, true, EXPIRED_TRIAL",
            "DISABLED, false, false, DISABLED_OR_DELETED",
            "DELETED, false, false, DISABLED_OR_DELETED",
    })
    void state_categories(SubscriptionStatus status, boolean inEst, boolean trial, StateCategory category) {
        assertThat(StateCategory.of(status, inEst, trial)).isEqualTo(category);
    }

    @Test
    void a_refusal_is_409_invalid_state_with_the_rule() {
        assertThatThrownBy(() -> StateTable.require(SubscriptionAction.INCREASE_QUANTITY, StateCategory.SUSPENDED))
                .isInstanceOfSatisfying(RuleViolation.class, rv -> {
                    assertThat(rv.code()).isEqualTo("invalid-state");
                    assertThat(rv.rule()).isEqualTo("R-D1");
                });
        // a repeated action on a resource already in its target state
        assertThatThrownBy(() -> StateTable.require(SubscriptionAction.SUSPEND, StateCategory.SUSPENDED))
                .isInstanceOf(RuleViolation.class);
        assertThat(StateTable.require(SubscriptionAction.CANCEL, StateCategory.EXTENDED_SERVICE_TERM))
                .isEqualTo(StateTable.Permission.ALLOWED);
    }
}
