package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.RuleViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RenewalSettingsTest {

    @ParameterizedTest(name = "D17 purchase autoRenew={0} action={1} renewable={2} inScope={3} -> {4} {5}")
    @CsvSource(nullValues = "-", value = {
            // R-F1: auto-renew on by default
            "-, -, true, false, true, RENEW",
            "true, -, true, false, true, RENEW",
            // D17: explicit off = EXTENDED_SERVICE_TERM
            "false, -, true, true, false, EXTENDED_SERVICE_TERM",
            "-, CANCEL, true, true, false, CANCEL",
            "false, CANCEL, true, true, false, CANCEL",
            "-, EXTENDED_SERVICE_TERM, true, false, false, EXTENDED_SERVICE_TERM",
            // renewable=false: CANCEL in EST scope, EXPIRE outside
            "-, -, false, true, false, CANCEL",
            "-, -, false, false, false, EXPIRE",
            "false, -, false, false, false, EXPIRE",
            "-, CANCEL, false, false, false, CANCEL",
    })
    void d17_purchase_settings(Boolean autoRenew, EndOfTermAction action, boolean renewable, boolean inScope,
                               boolean expectedAutoRenew, EndOfTermAction expectedAction) {
        assertThat(RenewalSettings.forPurchase(autoRenew, action, renewable, inScope))
                .isEqualTo(new RenewalSettings(expectedAutoRenew, expectedAction));
    }

    @ParameterizedTest(name = "D17 PATCH from {0}: autoRenew={1} action={2} -> {3}")
    @CsvSource(nullValues = "-", value = {
            "RENEW, false, -, EXTENDED_SERVICE_TERM",
            "RENEW, -, CANCEL, CANCEL",
            // autoRenew false leaves a non-RENEW action unchanged
            "CANCEL, false, -, CANCEL",
            "EXTENDED_SERVICE_TERM, false, -, EXTENDED_SERVICE_TERM",
            "CANCEL, true, -, RENEW",
            "EXTENDED_SERVICE_TERM, -, RENEW, RENEW",
            "EXPIRE, true, -, RENEW",
            "EXPIRE, false, -, EXPIRE",
            "RENEW, -, -, RENEW",
    })
    void d17_patch_semantics(EndOfTermAction current, Boolean autoRenew, EndOfTermAction action, EndOfTermAction expected) {
        RenewalSettings next = RenewalSettings.of(current).patch(autoRenew, action, false, true, true);
        assertThat(next.endOfTermAction()).isEqualTo(expected);
        assertThat(next.autoRenew()).isEqualTo(expected == EndOfTermAction.RENEW);
    }

    @ParameterizedTest(name = "400 for autoRenew={0} action={1}")
    @CsvSource(nullValues = "-", value = {"true, CANCEL", "true, EXTENDED_SERVICE_TERM", "false, RENEW", "-, EXPIRE", "false, EXPIRE"})
    void d17_contradictions_and_expire_are_400(Boolean autoRenew, EndOfTermAction action) {
        assertThatThrownBy(() -> RenewalSettings.RENEW.patch(autoRenew, action, false, true, true))
                .isInstanceOfSatisfying(RuleViolation.class, rv -> {
                    assertThat(rv.code()).isEqualTo("validation-failed");
                    assertThat(rv.details()).containsEntry("field", "endOfTermAction");
                });
    }

    @Test
    void d17_non_renewable_offer_refuses_renew_and_est() {
        RenewalSettings cancel = RenewalSettings.notRenewable(true);
        assertThatThrownBy(() -> cancel.patch(true, null, false, false, true))
                .isInstanceOfSatisfying(RuleViolation.class, rv -> assertThat(rv.code()).isEqualTo("invalid-state"));
        assertThatThrownBy(() -> cancel.patch(null, EndOfTermAction.EXTENDED_SERVICE_TERM, false, false, true))
                .isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> RenewalSettings.forPurchase(true, null, false, true)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void d15_trial_takes_auto_renew_only() {
        assertThat(RenewalSettings.RENEW.patch(false, null, true, true, false))
                .isEqualTo(new RenewalSettings(false, EndOfTermAction.EXPIRE));
        assertThatThrownBy(() -> RenewalSettings.RENEW.patch(null, EndOfTermAction.CANCEL, true, true, false))
                .isInstanceOfSatisfying(RuleViolation.class, rv -> assertThat(rv.code()).isEqualTo("invalid-state"));
    }

    @Test
    void d7_only_leaving_renew_needs_notice() {
        RenewalSettings est = RenewalSettings.of(EndOfTermAction.EXTENDED_SERVICE_TERM);
        assertThat(est.needsNoticeComparedTo(RenewalSettings.RENEW)).isTrue();
        assertThat(RenewalSettings.RENEW.needsNoticeComparedTo(est)).isFalse();
        assertThat(est.needsNoticeComparedTo(est)).isFalse();
        assertThat(RenewalSettings.of(EndOfTermAction.CANCEL).needsNoticeComparedTo(est)).isTrue();
        assertThat(est.turnsAutoRenewOff(RenewalSettings.RENEW)).isTrue();
    }
}
