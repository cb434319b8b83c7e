package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import org.junit.jupiter.api.Test;

/** Issue 15 item 15: POST /v1/invoice-runs {"period": "0000-01"} was accepted; no billing month lies before 1970. */
class InvoiceRunPeriodDefectTest {

    @Test
    void period_0000_01_is_400_naming_the_field_and_1970_01_is_taken() {
        assertThatThrownBy(() -> BillingPeriod.parse("0000-01", "period")).isInstanceOf(RuleViolation.class)
                .satisfies(e -> {
                    assertThat(((RuleViolation) e).code()).isEqualTo("validation-failed");
                    assertThat(((RuleViolation) e).details()).containsEntry("field", "period");
                });
        assertThatThrownBy(() -> BillingPeriod.parse("1969-12", "period")).isInstanceOf(RuleViolation.class);
        assertThat(BillingPeriod.parse("1970-01", "period").toString()).isEqualTo("1970-01");
    }
}
