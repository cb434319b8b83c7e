package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.contracts.RuleViolation;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SeatBatchesTest {

    static final CancellationWindowPolicy W = CancellationWindowPolicy.NCE;
    // P1Y bought 2022-04-01T10:00Z with 10 seats; +3 on 2022-04-05T12:00Z; +2 on 2022-04-06T08:00Z
    static final Instant BOUGHT = Instant.parse("2022-04-01T10:00:00Z");
    static final CurrentTerm TERM = new CurrentTerm(BOUGHT, LocalDate.of(2022, 4, 1), LocalDate.of(2023, 3, 31));
    static final SeatBatch PURCHASE = batch("b1", 1, 10, BOUGHT);
    static final SeatBatch ADD_3 = batch("b2", 2, 3, Instant.parse("2022-04-05T12:00:00Z"));
    static final SeatBatch ADD_2 = batch("b3", 3, 2, Instant.parse("2022-04-06T08:00:00Z"));
    static final List<SeatBatch> BATCHES = List.of(PURCHASE, ADD_3, ADD_2);

    static SeatBatch batch(String id, int seq, int qty, Instant openedAt) {
        return new SeatBatch(id, seq, qty, openedAt, W.windowEnd(openedAt), BOUGHT);
    }

    @ParameterizedTest(name = "R-C5 at {0}: refundable {1}")
    @CsvSource({
            "2022-04-01T10:00:00Z, 10",
            "2022-04-05T12:00:00Z, 13",
            "2022-04-06T08:00:00Z, 15",
            // the purchase window closes at 2022-04-08T10:00Z (exclusive)
            "2022-04-08T09:59:59Z, 15",
            "2022-04-08T10:00:00Z, 5",
            "2022-04-12T11:59:59Z, 5",
            "2022-04-12T12:00:00Z, 2",
            "2022-04-13T08:00:00Z, 0",
            "2022-03-31T00:00:00Z, 0",
    })
    void r_c5_refundable_quantity_sums_open_windows(Instant t, int expected) {
        assertThat(SeatBatches.refundable(BATCHES, TERM, 15, t).totalQuantity()).isEqualTo(expected);
    }

    @Test
    void r_c5_details_are_ordered_by_allowed_until_then_sequence() {
        var refundable = SeatBatches.refundable(BATCHES, TERM, 15, Instant.parse("2022-04-07T00:00:00Z"));
        assertThat(refundable.details()).extracting(SeatBatches.Refundable::quantity).containsExactly(10, 3, 2);
        assertThat(refundable.details()).extracting(SeatBatches.Refundable::allowedUntil).containsExactly(
                Instant.parse("2022-04-08T10:00:00Z"), Instant.parse("2022-04-12T12:00:00Z"),
                Instant.parse("2022-04-13T08:00:00Z"));
        assertThat(refundable.latestAllowedUntil()).isEqualTo(Instant.parse("2022-04-13T08:00:00Z"));
    }

    @Test
    void r_c5_refundable_never_exceeds_quantity() {
        assertThat(SeatBatches.refundable(BATCHES, TERM, 12, Instant.parse("2022-04-07T00:00:00Z")).totalQuantity())
                .isEqualTo(12);
    }

    @ParameterizedTest(name = "D5 reduce {0} at 2022-04-07: {1}")
    @CsvSource({
            "1, b3:1",
            "2, b3:2",
            "4, b3:2 b2:2",
            "6, b3:2 b2:3 b1:1",
            "15, b3:2 b2:3 b1:10",
    })
    void d5_reduction_takes_the_newest_batch_first(int seats, String expected) {
        List<SeatBatches.Removal> removals = SeatBatches.reduce(BATCHES, TERM, 15, Instant.parse("2022-04-07T00:00:00Z"), seats);
        assertThat(String.join(" ", removals.stream().map(r -> r.batchId() + ":" + r.quantity()).toList())).isEqualTo(expected);
    }

    @Test
    void d5_reduction_skips_batches_whose_window_closed() {
        // at 2022-04-09 the purchase window is closed: only the added seats are refundable
        List<SeatBatches.Removal> removals = SeatBatches.reduce(BATCHES, TERM, 15, Instant.parse("2022-04-12T13:00:00Z"), 2);
        assertThat(removals).containsExactly(new SeatBatches.Removal("b3", 2));
    }

    @Test
    void r_c5_reduction_above_refundable_is_refused_with_the_figures() {
        assertThatThrownBy(() -> SeatBatches.reduce(BATCHES, TERM, 15, Instant.parse("2022-04-12T13:00:00Z"), 3))
                .isInstanceOfSatisfying(RuleViolation.class, rv -> {
                    assertThat(rv.code()).isEqualTo("reduction-exceeds-refundable");
                    assertThat(rv.rule()).isEqualTo("R-C5");
                    assertThat(rv.details()).containsEntry("refundableQuantity", 2)
                            .containsEntry("allowedUntil", Instant.parse("2022-04-13T08:00:00Z"));
                });
        assertThatThrownBy(() -> SeatBatches.reduce(BATCHES, TERM, 15, Instant.parse("2022-05-01T00:00:00Z"), 1))
                .isInstanceOfSatisfying(RuleViolation.class, rv -> assertThat(rv.details()).containsEntry("refundableQuantity", 0));
    }

    @Test
    void r_c5_a_window_ends_when_its_term_ends() {
        // P1M term 2022-05-01..2022-05-31; seats added 2022-05-30T12:00Z: the 168 h window is cut at 2022-06-01T00:00Z
        Instant start = Instant.parse("2022-05-01T00:00:00Z");
        CurrentTerm term = new CurrentTerm(start, LocalDate.of(2022, 5, 1), LocalDate.of(2022, 5, 31));
        SeatBatch late = new SeatBatch("x", 2, 4, Instant.parse("2022-05-30T12:00:00Z"),
                W.windowEnd(Instant.parse("2022-05-30T12:00:00Z")), start);
        var refundable = SeatBatches.refundable(List.of(late), term, 5, Instant.parse("2022-05-31T23:00:00Z"));
        assertThat(refundable.totalQuantity()).isEqualTo(4);
        assertThat(refundable.details().get(0).allowedUntil()).isEqualTo(Instant.parse("2022-06-01T00:00:00Z"));
        // after the renewal the batch belongs to a replaced term: closed
        CurrentTerm next = new CurrentTerm(Instant.parse("2022-06-01T00:00:00Z"), LocalDate.of(2022, 6, 1), LocalDate.of(2022, 6, 30));
        assertThat(SeatBatches.refundable(List.of(late), next, 5, Instant.parse("2022-06-01T01:00:00Z")).totalQuantity()).isZero();
    }

    @ParameterizedTest(name = "R-C4 cancel at {0}: allowed={1}")
    @CsvSource({
            "2022-04-01T10:00:00Z, true",
            "2022-04-08T09:59:59Z, true",
            "2022-04-08T10:00:00Z, false",
            // a seat-add window does not allow cancelling the whole subscription
            "2022-04-10T00:00:00Z, false",
    })
    void r_c4_cancel_only_inside_the_term_start_window(Instant t, boolean allowed) {
        if (allowed) {
            assertThat(SeatBatches.requireCancellationWindow(PURCHASE, TERM, t)).isEqualTo(Instant.parse("2022-04-08T10:00:00Z"));
            assertThat(SeatBatches.cancellationAllowedUntil(PURCHASE, TERM, t)).isEqualTo(Instant.parse("2022-04-08T10:00:00Z"));
        } else {
            assertThatThrownBy(() -> SeatBatches.requireCancellationWindow(PURCHASE, TERM, t))
                    .isInstanceOfSatisfying(RuleViolation.class, rv -> {
                        assertThat(rv.code()).isEqualTo("cancellation-window-closed");
                        assertThat(rv.rule()).isEqualTo("R-C4");
                        assertThat(rv.details()).containsEntry("allowedUntil", Instant.parse("2022-04-08T10:00:00Z"));
                    });
            assertThat(SeatBatches.cancellationAllowedUntil(PURCHASE, TERM, t)).isNull();
        }
    }
}
