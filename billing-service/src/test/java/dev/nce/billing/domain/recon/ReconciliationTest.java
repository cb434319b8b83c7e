package dev.nce.billing.domain.recon;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * D25 on a scenario whose Microsoft lines are written here by Microsoft's own rule
 * (subtotal = ROUNDDOWN(effective unit price x exchange rate, 2) x billable quantity): purchases, a same-day increase
 * (the -old/+new pair), a cancellation in the window, a promotion, a renewal, and the differences a partner meets.
 */
class ReconciliationTest {

    static final BigDecimal P1M_COST = new BigDecimal("5.76");      // Business Basic P1M, per month
    static final BigDecimal ANNUAL_COST = new BigDecimal("211.20"); // Business Premium P1Y/ANNUAL, per year

    private final List<MicrosoftLine> file = new ArrayList<>();

    MicrosoftLine line(String sub, String type, String unit, String effective, int qty, String rate, String start,
                       String end, String frequency, String promotionId) {
        BigDecimal eff = new BigDecimal(effective);
        BigDecimal fx = new BigDecimal(rate);
        BigDecimal subtotal = eff.multiply(fx).setScale(2, RoundingMode.DOWN).multiply(BigDecimal.valueOf(qty));
        MicrosoftLine line = new MicrosoftLine(file.size() + 1, "tenant-1", "Contoso", "G1", "O" + file.size(), "P",
                "0001", type, new BigDecimal(unit), eff, qty, qty, subtotal, fx.compareTo(BigDecimal.ONE) == 0 ? "USD"
                : "AUD", "USD", fx, sub, LocalDate.parse(start), LocalDate.parse(end), "1 Month", frequency,
                promotionId, promotionId == null ? null : "[\"20.0% promotion\"]", null);
        file.add(line);
        return line;
    }

    Reconciliation.Item compare(String sub, BigDecimal cost, Integer ourQuantity, String sell) {
        ChargeCycle cycle = ChargeCycle.net(file).stream().filter(c -> c.microsoftSubscriptionId().equals(sub))
                .findFirst().orElseThrow();
        return Reconciliation.compare(cycle, new OurSide("ours-" + sub, "cust-1", cost, ourQuantity,
                new BigDecimal(sell)));
    }

    @Test
    void d25PurchaseWithASameDayIncreaseNetsTheMinusOldPlusNewPair() {
        line("s1", "new", "5.76", "5.76", 1, "1", "2025-06-11", "2025-07-10", "Monthly", null);
        line("s1", "addQuantity", "5.76", "5.76", -1, "1", "2025-06-11", "2025-07-10", "Monthly", null);
        line("s1", "addQuantity", "5.76", "5.76", 2, "1", "2025-06-11", "2025-07-10", "Monthly", null);
        Reconciliation.Item item = compare("s1", P1M_COST, 2, "14.40");
        assertThat(item.reconClass()).isEqualTo(ReconClass.MATCHED);
        assertThat(item.microsoftQuantity()).isEqualTo(2);
        assertThat(item.microsoftAmount()).isEqualByComparingTo("11.52");
        assertThat(item.expectedMicrosoftAmount()).isEqualByComparingTo("11.52");
        assertThat(item.margin()).isEqualByComparingTo("2.88");
        assertThat(item.marginPercent()).isEqualByComparingTo("20.00");
        assertThat(item.explanation()).contains("netted");
    }

    @Test
    void d25CancellationInTheWindowNetsToNothingOnBothSides() {
        line("s2", "new", "5.76", "5.76", 3, "1", "2025-06-24", "2025-07-23", "Monthly", null);
        line("s2", "cancelImmediate", "5.76", "5.76", -3, "1", "2025-06-24", "2025-07-23", "Monthly", null);
        Reconciliation.Item item = compare("s2", P1M_COST, null, "0.00");
        assertThat(item.reconClass()).isEqualTo(ReconClass.MATCHED);
        assertThat(item.microsoftAmount()).isEqualByComparingTo("0.00");
        assertThat(item.explanation()).contains("cancelled inside the window");
    }

    @Test
    void d25CancellationRefundedByMicrosoftButBilledHereIsCancellation() {
        line("s3", "new", "5.76", "5.76", 3, "1", "2025-06-24", "2025-07-23", "Monthly", null);
        line("s3", "cancelImmediate", "5.76", "5.76", -3, "1", "2025-06-24", "2025-07-23", "Monthly", null);
        line("s3", "new", "5.76", "5.76", 1, "1", "2025-06-24", "2025-07-23", "Monthly", null); // re-bought
        Reconciliation.Item item = compare("s3", P1M_COST, 3, "21.60");
        assertThat(item.reconClass()).isEqualTo(ReconClass.CANCELLATION);
    }

    @Test
    void d25PromotionIsExplainedWithItsIdAndPrices() {
        line("s4", "new", "18.48", "14.78", 4, "1", "2025-06-02", "2025-07-01", "Monthly", "39NFJQT1Q5KT:0002:0009");
        Reconciliation.Item item = compare("s4", new BigDecimal("18.48"), 4, "73.92");
        assertThat(item.reconClass()).isEqualTo(ReconClass.PROMOTION);
        assertThat(item.variance()).isEqualByComparingTo("-14.80"); // 59.12 - 73.92
        assertThat(item.explanation()).contains("39NFJQT1Q5KT:0002:0009").contains("14.78").contains("18.48");
    }

    @Test
    void d25AnnualRenewalMatches() {
        line("s5", "renew", "211.20", "211.20", 5, "1", "2025-06-20", "2026-06-19", "Annual", null);
        Reconciliation.Item item = compare("s5", ANNUAL_COST, 5, "1320.00");
        assertThat(item.reconClass()).isEqualTo(ReconClass.MATCHED);
        assertThat(item.expectedMicrosoftAmount()).isEqualByComparingTo("1056.00");
        assertThat(item.margin()).isEqualByComparingTo("264.00");
    }

    @Test
    void d25FxUsesMicrosoftsRoundDownOfTheConvertedUnitPrice() {
        // 5.76 x 1.5234 = 8.774784 -> ROUNDDOWN 8.77 x 3 = 26.31 (half-up would give 26.34)
        line("s6", "cycleCharge", "5.76", "5.76", 3, "1.5234", "2025-06-05", "2025-07-04", "Monthly", null);
        Reconciliation.Item item = compare("s6", P1M_COST, 3, "32.90");
        assertThat(item.microsoftAmount()).isEqualByComparingTo("26.31");
        assertThat(item.expectedMicrosoftAmount()).isEqualByComparingTo("26.31");
        assertThat(item.reconClass()).isEqualTo(ReconClass.MATCHED);
    }

    @Test
    void d25SeatsMicrosoftBillsButThePlatformDoesNotAreQuantity() {
        line("s7", "cycleCharge", "5.76", "5.76", 10, "1", "2025-06-05", "2025-07-04", "Monthly", null);
        Reconciliation.Item item = compare("s7", P1M_COST, 9, "64.80");
        assertThat(item.reconClass()).isEqualTo(ReconClass.QUANTITY);
        assertThat(item.explanation()).contains("Microsoft bills 10 seat(s), the platform 9");
    }

    @Test
    void d25NothingBilledHereForTheDaysIsTiming() {
        line("s8", "cycleCharge", "5.76", "5.76", 2, "1", "2025-06-05", "2025-07-04", "Monthly", null);
        assertThat(compare("s8", P1M_COST, null, "0.00").reconClass()).isEqualTo(ReconClass.TIMING);
    }

    @Test
    void d25AnotherUnitPriceIsPriceTierAndAPartialCycleIsProrationBasis() {
        line("s9", "cycleCharge", "6.10", "6.10", 2, "1", "2025-06-05", "2025-07-04", "Monthly", null);
        assertThat(compare("s9", P1M_COST, 2, "14.40").reconClass()).isEqualTo(ReconClass.PRICE_TIER);
        // a mid-cycle add: Microsoft prorates 20 of 30 days of its cycle; expected 5.76 x 20/30 = 3.84
        line("s10", "addQuantity", "5.76", "5.76", 1, "1", "2025-06-15", "2025-07-04", "Monthly", null);
        Reconciliation.Item partial = compare("s10", P1M_COST, 1, "4.00");
        assertThat(partial.expectedMicrosoftAmount()).isEqualByComparingTo("3.84");
        assertThat(partial.reconClass()).isEqualTo(ReconClass.PRORATION_BASIS);
    }

    @Test
    void d25UnlinkedMicrosoftSubscriptionIsDrift() {
        line("s11", "cycleCharge", "5.04", "5.04", 7, "1", "2025-06-28", "2025-07-27", "Monthly", null);
        Reconciliation.Item item = Reconciliation.unlinked(ChargeCycle.net(file).get(0));
        assertThat(item.reconClass()).isEqualTo(ReconClass.UNLINKED);
        assertThat(item.microsoftAmount()).isEqualByComparingTo("35.28");
        assertThat(item.margin()).isEqualByComparingTo("-35.28");
    }

    @Test
    void d25ReadsTheSampleByHeaderNameWithIsoAndUsDates() throws Exception {
        byte[] sample = ReconciliationTest.class.getClassLoader()
                .getResourceAsStream("recon/recon-newcommerce-sample.csv").readAllBytes();
        List<MicrosoftLine> lines = ReconCsv.parse(sample);
        assertThat(lines).hasSize(9);
        assertThat(lines.get(1).chargeType()).isEqualTo("addQuantity");
        assertThat(lines.get(1).billableQuantity()).isEqualTo(-1);
        assertThat(lines.get(7).effectiveUnitPrice()).isEqualByComparingTo("14.78");
        assertThat(lines.get(7).promotionId()).isEqualTo("39NFJQT1Q5KT:0002:0009");
        assertThat(ChargeCycle.net(lines)).hasSize(6);
        // columns reordered, a US date and more decimals
        String csv = "SubscriptionId,Subtotal,ChargeStartDate,ChargeEndDate,Quantity,CustomerId,ChargeType,Currency,"
                + "EffectiveUnitPrice,Extra\nx-1,11.5200001,6/11/2025,7/10/2025,2,t,new,USD,5.760000,foo\n";
        MicrosoftLine us = ReconCsv.parse(csv.getBytes(StandardCharsets.UTF_8)).get(0);
        assertThat(us.chargeStartDate()).isEqualTo(LocalDate.of(2025, 6, 11));
        assertThat(us.chargeEndDate()).isEqualTo(LocalDate.of(2025, 7, 10));
        assertThat(us.subtotal()).isEqualByComparingTo("11.5200001");
        assertThat(us.billableQuantity()).isEqualTo(2);
    }
}
