package dev.nce.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import dev.nce.contracts.events.BatchChange;
import dev.nce.contracts.events.SubscriptionEvent.QuantityChanged;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCancelled;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionCreated;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionRenewed;
import dev.nce.contracts.events.SubscriptionEvent.SubscriptionUpgraded;
import dev.nce.contracts.events.TermPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Invoice lines of subscriptions with a promotion: R-K3 (seats above the maximum pay the list price), R-K7 (the list
 * price from discountUntil + 1 day, even mid-term), R-K6 (discounted lines carry promotionId), BL-7 credits at the
 * price charged. Figures: BL-3/BL-6 formula, D1 UP per line.
 */
class PromotionBillingTest {

    static final String PROMO = "BEMO-NCE-FEB22";

    /** S003 BEMO: Microsoft 365 Business Standard, list 15.00 (12.50 x 1.20), FIXED 2.50 off, until 2022-06-30. */
    static Snapshots bemo(Term term, int quantity, String start) {
        return Snapshots.of(term, BillingFrequency.MONTHLY).offer("CFQ7TTC0LDPB:0001", "Microsoft 365 Business Standard")
                .quantity(quantity).price("12.50").start(start).promotion(PROMO, "15.00", "2022-06-30", 20);
    }

    /** The S003 P1M subscription bought 2022-02-14 and renewed every month up to the term starting on {@code upTo}. */
    static InMemoryLedger s003RenewedUpTo(String upTo) {
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(bemo(Term.P1M, 10, "2022-02-14")
                .build(), Snapshots.batch("b1", 10, "2022-02-14T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-02-14"));
        LocalDate start = LocalDate.of(2022, 2, 14);
        while (start.isBefore(LocalDate.parse(upTo))) {
            LocalDate previousStart = start;
            start = start.plusMonths(1);
            ledger.apply(new SubscriptionRenewed(bemo(Term.P1M, 10, start.toString()).build(),
                    new TermPeriod(previousStart, start.minusDays(1)), null, null), Snapshots.at(start.toString()));
        }
        return ledger;
    }

    static List<String> amounts(InvoiceDraft invoice) {
        return invoice.lines().stream().map(l -> l.amount().toPlainString()).toList();
    }

    static List<String> promotions(InvoiceDraft invoice) {
        return invoice.lines().stream().map(l -> String.valueOf(l.promotionId())).toList();
    }

    // ---- R-K7 monthly billing --------------------------------------------------------------------------------------

    @Test
    void rK7_s003_june_2022_is_charged_at_12_50_with_promotionId_and_july_at_15_00_without() {
        InMemoryLedger ledger = s003RenewedUpTo("2022-07-14");

        InvoiceDraft june = ledger.invoice("2022-06");
        InvoiceDraft july = ledger.invoice("2022-07");

        // BL-2: the P1M terms split June at the 14th; 10 x 12.50 x 13/30 = 54.1667 -> 54.17, x 17/30 = 70.8333 -> 70.84
        // (the month is 10 x 12.50 = 125.00 before D1 rounds each line up: 125.01)
        assertThat(june.lines()).extracting(InvoiceLine::chargeStartDate)
                .containsExactly(LocalDate.of(2022, 6, 1), LocalDate.of(2022, 6, 14));
        assertThat(june.lines()).extracting(InvoiceLine::unitPrice).extracting(BigDecimal::toPlainString)
                .containsOnly("12.50");
        assertThat(june.lines()).extracting(InvoiceLine::quantity).containsOnly(10);
        assertThat(amounts(june)).containsExactly("54.17", "70.84");
        assertThat(promotions(june)).containsOnly(PROMO); // R-K6
        assertThat(june.total().toPlainString()).isEqualTo("125.01");

        // R-K7: from 2022-07-01 the regular price, mid-term: 10 x 15.00 x 13/31 = 62.9032 -> 62.91 (term to 13 July),
        // 10 x 15.00 x 18/31 = 87.0968 -> 87.10 (the term renewed on 14 July still names the promotion)
        assertThat(july.lines()).extracting(InvoiceLine::chargeStartDate)
                .containsExactly(LocalDate.of(2022, 7, 1), LocalDate.of(2022, 7, 14));
        assertThat(july.lines()).extracting(InvoiceLine::unitPrice).extracting(BigDecimal::toPlainString)
                .containsOnly("15.00");
        assertThat(amounts(july)).containsExactly("62.91", "87.10");
        assertThat(promotions(july)).containsOnly("null");
        assertThat(july.total().toPlainString()).isEqualTo("150.01");
    }

    @Test
    void rK7_the_term_that_spans_discountUntil_is_split_on_july_1_into_a_discounted_and_a_list_segment() {
        InMemoryLedger ledger = s003RenewedUpTo("2022-06-14");

        // the term 14 June - 13 July: 14-30 June at 12.50 with the promotion, 1-13 July at 15.00 (D18: a segment per price)
        assertThat(ledger.charges).filteredOn(c -> c.startDate().equals(LocalDate.of(2022, 6, 14))
                        || c.startDate().equals(LocalDate.of(2022, 7, 1)))
                .extracting(c -> c.startDate() + ".." + c.endDate() + " " + c.quantity() + " x " + c.unitPrice() + " "
                        + c.promotionId())
                .containsExactly("2022-06-14..2022-06-30 10 x 12.50 " + PROMO, "2022-07-01..2022-07-13 10 x 15.00 null");
    }

    @Test
    void rK7_p1y_monthly_with_discount_ending_mid_month_has_two_lines_that_month() {
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).quantity(10).price("12.50").start("2022-03-01")
                .promotion("PROMO-MID", "15.00", "2022-06-17", null);
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 10, "2022-03-01T09:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-01"));

        InvoiceDraft may = ledger.invoice("2022-05");
        InvoiceDraft june = ledger.invoice("2022-06");
        InvoiceDraft july = ledger.invoice("2022-07");

        assertThat(amounts(may)).containsExactly("125.00"); // 10 x 12.50, a full month
        assertThat(promotions(may)).containsExactly("PROMO-MID");
        // 1-17 June: 10 x 12.50 x 17/30 = 70.8333 -> 70.84 (promotion); 18-30 June: 10 x 15.00 x 13/30 = 65.00
        assertThat(june.lines()).extracting(l -> l.chargeStartDate() + ".." + l.chargeEndDate() + " "
                        + l.unitPrice() + " " + l.daysActive() + "/" + l.daysInPeriod())
                .containsExactly("2022-06-01..2022-06-17 12.50 17/30", "2022-06-18..2022-06-30 15.00 13/30");
        assertThat(amounts(june)).containsExactly("70.84", "65.00");
        assertThat(promotions(june)).containsExactly("PROMO-MID", "null");
        assertThat(amounts(july)).containsExactly("150.00");
        assertThat(promotions(july)).containsExactly("null");
    }

    // ---- R-K3 monthly billing ------------------------------------------------------------------------------------

    @Test
    void rK3_s003_increase_to_25_seats_on_june_16_charges_20_at_12_50_and_5_at_15_00_for_16_to_30_june() {
        InMemoryLedger ledger = s003RenewedUpTo("2022-06-14");
        ledger.apply(new QuantityChanged(bemo(Term.P1M, 25, "2022-06-14").build(), 10, 25,
                List.of(new BatchChange("b2", 15, Instant.parse("2022-06-23T10:00:00Z"))), List.of()),
                Instant.parse("2022-06-16T10:00:00Z"));

        InvoiceDraft june = ledger.invoice("2022-06");

        assertThat(june.lines()).extracting(l -> l.chargeStartDate() + ".." + l.chargeEndDate() + " " + l.quantity()
                        + " x " + l.unitPrice() + " " + l.promotionId() + " = " + l.amount())
                .containsExactly(
                        "2022-06-01..2022-06-13 10 x 12.50 " + PROMO + " = 54.17",  // 125 x 13/30 = 54.1667
                        "2022-06-14..2022-06-15 10 x 12.50 " + PROMO + " = 8.34",   // 125 x 2/30 = 8.3333
                        "2022-06-16..2022-06-30 5 x 15.00 null = 37.50",            // above the max: 75 x 15/30
                        "2022-06-16..2022-06-30 20 x 12.50 " + PROMO + " = 125.00"); // up to the max: 250 x 15/30
        assertThat(june.total().toPlainString()).isEqualTo("225.01");

        // July (R-K7): all 25 seats at 15.00 for 1-13 July: 375 x 13/31 = 157.2581 -> 157.26, one line
        InvoiceDraft july = ledger.invoice("2022-07");
        assertThat(july.lines()).extracting(l -> l.quantity() + " x " + l.unitPrice() + " " + l.promotionId()
                + " = " + l.amount()).containsExactly("25 x 15.00 null = 157.26");
    }

    // ---- upfront plans (BL-6) ----------------------------------------------------------------------------------------

    static Snapshots annual(int quantity, String start, String until, Integer max) {
        return Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).quantity(quantity).price("12.50").start(start)
                .promotion(PROMO, "15.00", until, max);
    }

    @Test
    void rK3_upfront_increase_crossing_the_max_is_two_add_quantity_lines() {
        // term 2022-01-14..2023-01-13 (365 days), 18 seats with a maximum of 20, +7 seats on 2022-07-01 (197 days)
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(
                annual(18, "2022-01-14", null, 20).build(), Snapshots.batch("b1", 18, "2022-01-14T10:00:00Z"),
                "PURCHASE", null), Snapshots.at("2022-01-14"));
        ledger.apply(new QuantityChanged(annual(25, "2022-01-14", null, 20).build(), 18, 25,
                List.of(new BatchChange("b2", 7, Instant.parse("2022-07-08T10:00:00Z"))), List.of()),
                Instant.parse("2022-07-01T10:00:00Z"));

        InvoiceDraft january = ledger.invoice("2022-01");
        InvoiceDraft july = ledger.invoice("2022-07");

        assertThat(amounts(january)).containsExactly("2700.00"); // NEW 12.50 x 12 x 18
        assertThat(promotions(january)).containsExactly(PROMO);
        assertThat(july.lines()).extracting(l -> l.chargeType() + " " + l.quantity() + " x " + l.unitPrice() + " "
                        + l.promotionId() + " " + l.daysActive() + "/" + l.daysInPeriod() + " = " + l.amount())
                .containsExactlyInAnyOrder(
                        "ADD_QUANTITY 2 x 12.50 " + PROMO + " 197/365 = 161.92", // 150 x 2 x 197/365 = 161.9178
                        "ADD_QUANTITY 5 x 15.00 null 197/365 = 485.76");         // 180 x 5 x 197/365 = 485.7534
    }

    @Test
    void rK7_upfront_charge_is_split_at_discountUntil_both_parts_on_the_purchase_month() {
        // P1Y/ANNUAL 2022-02-14..2023-02-13 (365 days): 14 Feb - 30 Jun = 137 days discounted, 1 Jul - 13 Feb = 228 list
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(
                annual(10, "2022-02-14", "2022-06-30", 20).build(), Snapshots.batch("b1", 10, "2022-02-14T10:00:00Z"),
                "PURCHASE", null), Snapshots.at("2022-02-14"));

        InvoiceDraft february = ledger.invoice("2022-02");

        assertThat(february.lines()).extracting(l -> l.chargeType() + " " + l.chargeStartDate() + ".."
                        + l.chargeEndDate() + " " + l.unitPrice() + " x" + l.billingMonths() + " " + l.promotionId() + " "
                        + l.daysActive() + "/" + l.daysInPeriod() + " = " + l.amount())
                .containsExactly(
                        "NEW 2022-02-14..2022-06-30 12.50 x12 " + PROMO + " 137/365 = 563.02", // 1500 x 137/365
                        "NEW 2022-07-01..2023-02-13 15.00 x12 null 228/365 = 1124.39");        // 1800 x 228/365
        assertThat(ledger.invoice("2022-07").lines()).isEmpty(); // D11: nothing moves to July
    }

    @Test
    void rK7_seats_added_after_discountUntil_pay_the_list_price() {
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(
                annual(10, "2022-02-14", "2022-06-30", 20).build(), Snapshots.batch("b1", 10, "2022-02-14T10:00:00Z"),
                "PURCHASE", null), Snapshots.at("2022-02-14"));
        ledger.apply(new QuantityChanged(annual(12, "2022-02-14", "2022-06-30", 20).build(), 10, 12,
                List.of(new BatchChange("b2", 2, Instant.parse("2022-07-08T10:00:00Z"))), List.of()),
                Instant.parse("2022-07-01T10:00:00Z"));

        // 1 Jul - 13 Feb = 228 days: 15.00 x 12 x 2 x 228/365 = 224.8767 -> 224.88, no promotion
        assertThat(ledger.invoice("2022-07").lines()).extracting(l -> l.quantity() + " x " + l.unitPrice() + " "
                + l.promotionId() + " = " + l.amount()).containsExactly("2 x 15.00 null = 224.88");
    }

    @Test
    void rK7_p3y_annual_term_years_after_discountUntil_are_charged_at_list_and_rK3_term_lock_keeps_the_discount() {
        Snapshots fixedEnd = Snapshots.of(Term.P3Y, BillingFrequency.ANNUAL).quantity(10).price("12.50")
                .start("2022-02-14").promotion(PROMO, "15.00", "2022-06-30", 20);
        Snapshots termLocked = Snapshots.of(Term.P3Y, BillingFrequency.ANNUAL).quantity(10).price("12.50")
                .start("2022-02-14").promotion("MS-TERM", "15.00", null, 20).id("sub-2");
        InMemoryLedger ledger = new InMemoryLedger()
                .apply(new SubscriptionCreated(fixedEnd.build(), Snapshots.batch("b1", 10, "2022-02-14T10:00:00Z"),
                        "PURCHASE", null), Snapshots.at("2022-02-14"))
                .apply(new SubscriptionCreated(termLocked.build(), Snapshots.batch("b2", 10, "2022-02-14T10:00:00Z"),
                        "PURCHASE", null), Snapshots.at("2022-02-14"));

        assertThat(ledger.invoice("2022-02").lines()).extracting(l -> l.subscriptionId() + " " + l.promotionId()
                        + " = " + l.amount())
                .containsExactly("sub-1 " + PROMO + " = 563.02", "sub-1 null = 1124.39", "sub-2 MS-TERM = 1500.00");
        // the second term year (2023-02-14, 365 days): R-K7 all at list; R-K3 the whole term at the promotion
        assertThat(ledger.invoice("2023-02").lines()).extracting(l -> l.subscriptionId() + " " + l.chargeType() + " "
                        + l.unitPrice() + " " + l.promotionId() + " = " + l.amount())
                .containsExactly("sub-1 RENEW 15.00 null = 1800.00", "sub-2 RENEW 12.50 MS-TERM = 1500.00");
    }

    @Test
    void d18_a_late_increase_above_the_max_books_its_differences_with_their_promotionId() {
        Snapshots s = Snapshots.of(Term.P1Y, BillingFrequency.MONTHLY).quantity(18).price("12.50").start("2022-03-01")
                .promotion(PROMO, "15.00", null, 20);
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(s.build(),
                Snapshots.batch("b1", 18, "2022-03-01T09:00:00Z"), "PURCHASE", null), Snapshots.at("2022-03-01"));
        ledger.firstOpen = BillingPeriod.of(2022, 4); // March is invoiced
        ledger.apply(new QuantityChanged(s.quantity(22).build(), 18, 22, List.of(new BatchChange("b2", 4, null)),
                List.of()), Snapshots.at("2022-03-21"));

        assertThat(ledger.invoice("2022-04").lines()).extracting(l -> l.chargeStartDate() + " x" + l.quantity()
                        + " " + l.unitPrice() + " " + l.promotionId() + " " + l.amount())
                .containsExactlyInAnyOrder(
                        "2022-03-21 x18 12.50 " + PROMO + " -79.84", // 225 x 11/31 = 79.8387 credited
                        "2022-03-21 x20 12.50 " + PROMO + " 88.71",  // 250 x 11/31 = 88.7097
                        "2022-03-21 x2 15.00 null 10.65",            // 30 x 11/31 = 10.6452
                        "2022-04-01 x20 12.50 " + PROMO + " 250.00",
                        "2022-04-01 x2 15.00 null 30.00");
    }

    // ---- BL-7 credits at the price charged ----------------------------------------------------------------------

    @Test
    void bl7_cancel_credits_each_promotion_piece_at_the_price_it_charged() {
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(
                annual(10, "2022-02-14", "2022-06-30", 20).build(), Snapshots.batch("b1", 10, "2022-02-14T10:00:00Z"),
                "PURCHASE", null), Snapshots.at("2022-02-14"));
        ledger.apply(new SubscriptionCancelled(annual(10, "2022-02-14", "2022-06-30", 20)
                        .status(SubscriptionStatus.DELETED).build(), Instant.parse("2022-02-16T08:00:00Z"),
                List.of(new BatchChange("b1", 10, null))), Instant.parse("2022-02-16T08:00:00Z"));

        InvoiceDraft february = ledger.invoice("2022-02");

        assertThat(february.lines()).extracting(l -> l.chargeType() + " " + l.unitPrice() + " " + l.promotionId()
                        + " " + l.daysActive() + " = " + l.amount())
                .containsExactlyInAnyOrder(
                        "NEW 12.50 " + PROMO + " 137 = 563.02",
                        "NEW 15.00 null 228 = 1124.39",
                        "CANCEL_CREDIT 12.50 " + PROMO + " 135 = -554.80", // 16 Feb - 30 Jun unused: 1500 x 135/365
                        "CANCEL_CREDIT 15.00 null 228 = -1124.39");        // the list part is wholly unused
        assertThat(february.total().toPlainString()).isEqualTo("8.22"); // 2 discounted days used
    }

    @Test
    void bl7_reductions_remove_the_seats_above_the_max_first_and_never_refund_a_seat_twice() {
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(
                annual(18, "2022-01-14", null, 20).build(), Snapshots.batch("b1", 18, "2022-01-14T10:00:00Z"),
                "PURCHASE", null), Snapshots.at("2022-01-14"));
        Instant added = Instant.parse("2022-07-01T10:00:00Z");
        ledger.apply(new QuantityChanged(annual(25, "2022-01-14", null, 20).build(), 18, 25,
                List.of(new BatchChange("b2", 7, added.plusSeconds(168 * 3600))), List.of()), added);
        // same day: 6 of the 7 seats go (5 above the max at 15.00, then 1 at 12.50); then the last one; then 3 more
        // than the batch ever had, which billing cannot credit twice
        ledger.apply(new QuantityChanged(annual(19, "2022-01-14", null, 20).build(), 25, 19, List.of(),
                List.of(new BatchChange("b2", 6, null))), added.plusSeconds(3600));
        ledger.apply(new QuantityChanged(annual(18, "2022-01-14", null, 20).build(), 19, 18, List.of(),
                List.of(new BatchChange("b2", 1, null))), added.plusSeconds(7200));
        ledger.apply(new QuantityChanged(annual(15, "2022-01-14", null, 20).build(), 18, 15, List.of(),
                List.of(new BatchChange("b2", 3, null))), added.plusSeconds(9000));

        InvoiceDraft july = ledger.invoice("2022-07");

        assertThat(july.lines()).extracting(l -> l.chargeType() + " " + l.quantity() + " x " + l.unitPrice() + " "
                        + l.promotionId() + " = " + l.amount())
                .containsExactlyInAnyOrder(
                        "ADD_QUANTITY 2 x 12.50 " + PROMO + " = 161.92",
                        "ADD_QUANTITY 5 x 15.00 null = 485.76",
                        "REDUCE_CREDIT 5 x 15.00 null = -485.76",
                        "REDUCE_CREDIT 1 x 12.50 " + PROMO + " = -80.96",   // 150 x 197/365 = 80.9589
                        "REDUCE_CREDIT 1 x 12.50 " + PROMO + " = -80.96");
        assertThat(july.total().toPlainString()).isEqualTo("0.00");
    }

    @Test
    void bl7_refunds_never_exceed_payments_for_any_add_day_and_cancel_day_with_a_promotion() {
        LocalDate start = LocalDate.of(2022, 2, 14);
        for (int addOffset = 0; addOffset < 365; addOffset += 11) {
            for (int cancelAfter = 0; cancelAfter < 8; cancelAfter += 3) {
                LocalDate addDay = start.plusDays(addOffset);
                Instant addAt = Snapshots.at(addDay.toString()).plusSeconds(3600);
                Instant cancelAt = addAt.plusSeconds(cancelAfter * 86_400L);
                InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(
                        annual(18, "2022-02-14", "2022-06-30", 20).price("12.37").build(),
                        Snapshots.batch("b1", 18, "2022-02-14T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-02-14"));
                ledger.apply(new QuantityChanged(annual(25, "2022-02-14", "2022-06-30", 20).price("12.37").build(),
                        18, 25, List.of(new BatchChange("b2", 7, addAt.plusSeconds(168 * 3600))), List.of()), addAt);
                ledger.apply(new QuantityChanged(annual(21, "2022-02-14", "2022-06-30", 20).price("12.37").build(),
                        25, 21, List.of(), List.of(new BatchChange("b2", 4, null))), cancelAt);
                ledger.apply(new QuantityChanged(annual(18, "2022-02-14", "2022-06-30", 20).price("12.37").build(),
                        21, 18, List.of(), List.of(new BatchChange("b2", 3, null))), cancelAt.plusSeconds(60));

                BigDecimal charged = BigDecimal.ZERO;
                BigDecimal credited = BigDecimal.ZERO;
                for (BillingPeriod month = BillingPeriod.containing(start); !month.firstDay().isAfter(
                        start.plusYears(1)); month = month.next()) {
                    for (InvoiceLine line : ledger.invoice(month.toString()).lines()) {
                        if (line.chargeType() == ChargeType.ADD_QUANTITY) {
                            charged = charged.add(line.amount());
                        } else if (line.chargeType() == ChargeType.REDUCE_CREDIT) {
                            credited = credited.add(line.amount().negate());
                        }
                    }
                }
                assertThat(credited).as("add %s, reduce %s", addDay, cancelAt).isLessThanOrEqualTo(charged);
                if (cancelAfter == 0) {
                    assertThat(credited).as("same-day removal of the whole batch is a full refund").isEqualTo(charged);
                }
            }
        }
    }

    @Test
    void bl7_rI6_upgrade_of_a_promoted_annual_plan_credits_each_part_at_the_price_it_charged() {
        Snapshots source = annual(10, "2022-02-14", "2022-06-30", 20).offer("BSTD", "Microsoft 365 Business Standard")
                .id("sub-src");
        InMemoryLedger ledger = new InMemoryLedger().apply(new SubscriptionCreated(source.build(),
                Snapshots.batch("b1", 10, "2022-02-14T10:00:00Z"), "PURCHASE", null), Snapshots.at("2022-02-14"));
        Snapshots target = Snapshots.of(Term.P1Y, BillingFrequency.ANNUAL).offer("BPREM", "Microsoft 365 Business Premium")
                .id("sub-tgt").quantity(10).price("20.00").start("2022-04-01").chargePeriodEnd("2023-02-13")
                .end("2023-02-13");

        ledger.apply(new SubscriptionUpgraded(source.status(SubscriptionStatus.DELETED).build(), target.build(), 10,
                LocalDate.of(2022, 4, 1), true, true, "BSTD", new BigDecimal("12.50"),
                List.of(Snapshots.batch("t1", 10, "2022-04-01T10:00:00Z")), List.of()), Snapshots.at("2022-04-01"));

        InvoiceDraft april = ledger.invoice("2022-04");
        assertThat(april.lines()).extracting(l -> l.subscriptionId() + " " + l.chargeType() + " " + l.unitPrice() + " "
                        + l.promotionId() + " " + l.daysActive() + "/" + l.daysInPeriod() + " = " + l.amount())
                .containsExactlyInAnyOrder(
                        // 1 Apr - 30 Jun unused at the discounted price, 1 Jul - 13 Feb at the list price it charged
                        "sub-src UPGRADE_CREDIT 12.50 " + PROMO + " 91/365 = -373.98", // 1500 x 91/365 = 373.9726
                        "sub-src UPGRADE_CREDIT 15.00 null 228/365 = -1124.39",
                        // the target pays its own price for the source's remaining 319 days: 2400 x 319/365
                        "sub-tgt UPGRADE_CHARGE 20.00 null 319/365 = 2097.54");
    }

    // ---- the rule in one place ---------------------------------------------------------------------------------------

    @Test
    void rK3_rK7_pricing_counts_seats_bottom_up_and_switches_to_list_after_discountUntil() {
        PromotionPricing pricing = new PromotionPricing(new BigDecimal("12.50"), new BigDecimal("15.00"), PROMO,
                LocalDate.of(2022, 6, 30), 20);
        LocalDate from = LocalDate.of(2022, 6, 1);
        LocalDate to = LocalDate.of(2022, 7, 31);

        // 18 seats present, 5 added: 2 within the maximum (discounted to 30 June, list after), 3 above it
        assertThat(pricing.seats(from, to, 18, 5)).containsExactly(
                new PromotionPricing.PricedPart(from, LocalDate.of(2022, 6, 30), 2, new BigDecimal("12.50"), PROMO,
                        PromotionPricing.WITHIN_MAX),
                new PromotionPricing.PricedPart(LocalDate.of(2022, 7, 1), to, 2, new BigDecimal("15.00"), null,
                        PromotionPricing.WITHIN_MAX),
                new PromotionPricing.PricedPart(from, to, 3, new BigDecimal("15.00"), null,
                        PromotionPricing.ABOVE_MAX));
        // already above the maximum: everything added is list
        assertThat(pricing.seats(from, to, 22, 3)).extracting(PromotionPricing.PricedPart::promotionId)
                .containsOnlyNulls();
        // no promotion: one part at the price
        assertThat(PromotionPricing.flat(new BigDecimal("10.00")).segments(from, to, 4)).containsExactly(
                new PromotionPricing.PricedPart(from, to, 4, new BigDecimal("10.00"), null,
                        PromotionPricing.WITHIN_MAX));
    }
}
