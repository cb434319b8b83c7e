package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCancelled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** D18 late events: an invoiced month never changes; the difference goes on the next invoice. */
class LateEventsTest {

    private final Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).quantity(5).price("10.00")
            .start("2022-03-01");

    private InMemoryLedger marchInvoiced() {
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 5, "2022-03-01T09:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-01"));
        ledger.firstOpen = BillingPeriod.of(2022, 4);
        return ledger;
    }

    @Test
    void d18_late_cancellation_credits_the_invoiced_days_on_the_next_invoice() {
        InMemoryLedger ledger = marchInvoiced();
        InvoiceDraft marchBefore = ledger.invoice("2022-03");

        ledger.apply(new SubscriptionCancelled(s.status(SubscriptionStatus.DELETED).build(),
                Instant.parse("2022-03-06T10:00:00Z"), List.of(new BatchChange("b1", 5, null))),
                Instant.parse("2022-03-06T10:00:00Z"));

        assertThat(ledger.lastWasLate).isTrue();
        assertThat(ledger.invoice("2022-03")).isEqualTo(marchBefore); // an issued invoice never changes
        assertThat(marchBefore.total().toPlainString()).isEqualTo("50.00");
        assertThat(ledger.invoice("2022-04").lines()).singleElement().satisfies(l -> {
            assertThat(l.chargeType()).isEqualTo(ChargeType.CYCLE);
            assertThat(l.chargeStartDate()).hasToString("2022-03-06");
            assertThat(l.chargeEndDate()).hasToString("2022-03-31");
            assertThat(l.daysActive()).isEqualTo(26);
            assertThat(l.daysInPeriod()).isEqualTo(31);
            assertThat(l.amount().toPlainString()).isEqualTo("-41.94"); // 10 x 5 x 26/31 = 41.935
        });
    }

    @Test
    void d18_late_increase_charges_the_invoiced_days_and_continues_normally() {
        InMemoryLedger ledger = marchInvoiced();
        ledger.apply(new QuantityChanged(s.quantity(6).build(), 5, 6, List.of(new BatchChange("b2", 1, null)),
                List.of()), Snapshots.at("2022-03-21"));

        assertThat(ledger.invoice("2022-04").lines()).extracting(l -> l.chargeStartDate() + ".." + l.chargeEndDate()
                + " x" + l.quantity() + " " + l.amount())
                .containsExactlyInAnyOrder(
                        "2022-03-21..2022-03-31 x5 -17.75",  // credit of the old quantity for 11/31
                        "2022-03-21..2022-03-31 x6 21.30",   // charge of the new quantity for 11/31
                        "2022-04-01..2022-04-30 x6 60.00");  // April as usual
    }

    @Test
    void a_change_in_an_open_month_is_not_late() {
        InMemoryLedger ledger = marchInvoiced();
        ledger.apply(new QuantityChanged(s.quantity(6).build(), 5, 6, List.of(new BatchChange("b2", 1, null)),
                List.of()), Snapshots.at("2022-04-11"));

        assertThat(ledger.lastWasLate).isFalse();
        assertThat(ledger.invoice("2022-04").lines()).extracting(l -> l.quantity() + " " + l.amount())
                .containsExactly("5 16.67", "6 40.00");
    }
}
