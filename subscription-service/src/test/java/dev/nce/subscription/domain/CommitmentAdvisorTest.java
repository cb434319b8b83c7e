package dev.nce.subscription.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.nce.subscription.domain.CommitmentOption.Kind;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CommitmentAdvisorTest {

    static final CommitmentPrices BUSINESS_PREMIUM = prices("22.00", "23.10", "26.40");
    static final SeatDemand WORKED = SeatDemand.of(30, 30, 28, 26, 24, 24, 26, 28, 30, 25, 22, 20);

    @Test
    void d26_workedExample_businessPremium_everyOptionWithItsFigures() {
        CommitmentAdvice advice = CommitmentAdvisor.advise(BUSINESS_PREMIUM, WORKED, true, List.of());
        Map<Kind, CommitmentOption> byKind = byKind(advice);

        assertOption(byKind.get(Kind.ALL_MONTHLY), "P1M", "MONTHLY", 0, 30, 313, "8263.20");
        assertOption(byKind.get(Kind.ANNUAL_AT_PEAK), "P1Y", "ANNUAL", 30, 0, 0, "7920.00");
        assertOption(byKind.get(Kind.ANNUAL_PAID_MONTHLY_AT_PEAK), "P1Y", "MONTHLY", 30, 0, 0, "8316.00");
        assertOption(byKind.get(Kind.ANNUAL_BASE_WITH_MONTHLY_TOP_UP), "P1Y", "ANNUAL", 22, 8, 51, "7154.40");
        assertOption(byKind.get(Kind.ANNUAL_PAID_MONTHLY_BASE_WITH_MONTHLY_TOP_UP), "P1Y", "MONTHLY", 22, 8, 51,
                "7444.80");
        // month 1 is already the peak: growing mid-term buys nothing over the peak
        assertOption(byKind.get(Kind.ANNUAL_INCREASED_MID_TERM), "P1Y", "ANNUAL", 30, 0, 0, "7920.00");

        assertThat(advice.recommended()).isSameAs(byKind.get(Kind.ANNUAL_BASE_WITH_MONTHLY_TOP_UP));
        assertThat(advice.breakEvenMonths().annual()).isEqualByComparingTo("10.00");
        assertThat(advice.breakEvenMonths().annualPaidMonthly()).isEqualByComparingTo("10.50");
        assertThat(advice.currentCost()).isNull();
        assertThat(advice.savingVersusCurrent()).isNull();
    }

    @Test
    void d26_workedExample_tieFrom22To24AnnualSeats_goesToTheFewest() {
        assertThat(CommitmentAdvisor.cost(a("22.00"), 22, a("26.40"), WORKED, 2)).isEqualByComparingTo("7154.40");
        assertThat(CommitmentAdvisor.cost(a("22.00"), 23, a("26.40"), WORKED, 2)).isEqualByComparingTo("7154.40");
        assertThat(CommitmentAdvisor.cost(a("22.00"), 24, a("26.40"), WORKED, 2)).isEqualByComparingTo("7154.40");
        assertThat(CommitmentAdvisor.cost(a("22.00"), 21, a("26.40"), WORKED, 2)).isEqualByComparingTo("7180.80");
        assertThat(CommitmentAdvisor.cost(a("22.00"), 25, a("26.40"), WORKED, 2)).isEqualByComparingTo("7207.20");

        CommitmentAdvice advice = CommitmentAdvisor.advise(BUSINESS_PREMIUM, WORKED, true, List.of());
        assertThat(advice.tiedAnnualSeats()).containsExactly(22, 23, 24);
        assertThat(advice.recommended().annualSeats()).isEqualTo(22);
    }

    @Test
    void d26_windows365LikeRatio1111_breakEven10point8_noTie() {
        // P1M / annual = 40.00 / 36.00 = 1.111: a seat pays off annually only when needed 11 months or more
        CommitmentAdvice advice = CommitmentAdvisor.advise(prices("36.00", "37.80", "40.00"), WORKED, true, List.of());
        Map<Kind, CommitmentOption> byKind = byKind(advice);

        assertOption(byKind.get(Kind.ALL_MONTHLY), "P1M", "MONTHLY", 0, 30, 313, "12520.00");
        assertOption(byKind.get(Kind.ANNUAL_AT_PEAK), "P1Y", "ANNUAL", 30, 0, 0, "12960.00");
        assertOption(byKind.get(Kind.ANNUAL_PAID_MONTHLY_AT_PEAK), "P1Y", "MONTHLY", 30, 0, 0, "13608.00");
        assertOption(byKind.get(Kind.ANNUAL_BASE_WITH_MONTHLY_TOP_UP), "P1Y", "ANNUAL", 22, 8, 51, "11544.00");
        // 12 x 37.80 / 40.00 = 11.34 months: only the seats needed all 12 months are worth P1Y/MONTHLY
        assertOption(byKind.get(Kind.ANNUAL_PAID_MONTHLY_BASE_WITH_MONTHLY_TOP_UP), "P1Y", "MONTHLY", 20, 10, 73,
                "11992.00");
        assertThat(advice.tiedAnnualSeats()).containsExactly(22);
        assertThat(advice.recommended()).isSameAs(byKind.get(Kind.ANNUAL_BASE_WITH_MONTHLY_TOP_UP));
        assertThat(advice.breakEvenMonths().annual()).isEqualByComparingTo("10.80");
        assertThat(advice.breakEvenMonths().annualPaidMonthly()).isEqualByComparingTo("11.34");
    }

    @Test
    void d26_growthOnlyDemand_annualIncreasedMidTermBeatsTheFixedBase() {
        SeatDemand growth = SeatDemand.of(10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32);
        CommitmentAdvice advice = CommitmentAdvisor.advise(BUSINESS_PREMIUM, growth, true, List.of());
        Map<Kind, CommitmentOption> byKind = byKind(advice);

        assertOption(byKind.get(Kind.ALL_MONTHLY), "P1M", "MONTHLY", 0, 32, 252, "6652.80");
        assertOption(byKind.get(Kind.ANNUAL_AT_PEAK), "P1Y", "ANNUAL", 32, 0, 0, "8448.00");
        assertOption(byKind.get(Kind.ANNUAL_PAID_MONTHLY_AT_PEAK), "P1Y", "MONTHLY", 32, 0, 0, "8870.40");
        assertOption(byKind.get(Kind.ANNUAL_BASE_WITH_MONTHLY_TOP_UP), "P1Y", "ANNUAL", 12, 20, 110, "6072.00");
        assertOption(byKind.get(Kind.ANNUAL_PAID_MONTHLY_BASE_WITH_MONTHLY_TOP_UP), "P1Y", "MONTHLY", 12, 20, 110,
                "6230.40");
        // seats added to a P1Y term pay only until its end: 22.00 x (10 + 12 + ... + 32) seat-months
        assertOption(byKind.get(Kind.ANNUAL_INCREASED_MID_TERM), "P1Y", "ANNUAL", 32, 0, 0, "5544.00");
        assertThat(advice.tiedAnnualSeats()).containsExactly(12, 13, 14);
        assertThat(advice.recommended()).isSameAs(byKind.get(Kind.ANNUAL_INCREASED_MID_TERM));
    }

    @Test
    void d26_growthOnlyDemand_withoutMidTermIncrease_theD26MixWins() {
        SeatDemand growth = SeatDemand.of(10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30, 32);
        CommitmentAdvice advice = CommitmentAdvisor.advise(BUSINESS_PREMIUM, growth, false, List.of());
        assertThat(advice.options()).extracting(CommitmentOption::kind).doesNotContain(Kind.ANNUAL_INCREASED_MID_TERM);
        assertThat(advice.recommended().kind()).isEqualTo(Kind.ANNUAL_BASE_WITH_MONTHLY_TOP_UP);
        assertThat(advice.recommended().annualSeats()).isEqualTo(12);
        assertThat(advice.recommended().totalCost()).isEqualByComparingTo("6072.00");
    }

    @Test
    void d26_demandDropsToZeroMidYear_noAnnualSeat_allMonthlyRecommended() {
        SeatDemand drop = SeatDemand.of(20, 20, 20, 20, 20, 20, 0, 0, 0, 0, 0, 0);
        CommitmentAdvice advice = CommitmentAdvisor.advise(BUSINESS_PREMIUM, drop, true, List.of());
        Map<Kind, CommitmentOption> byKind = byKind(advice);

        assertOption(byKind.get(Kind.ALL_MONTHLY), "P1M", "MONTHLY", 0, 20, 120, "3168.00");
        assertOption(byKind.get(Kind.ANNUAL_AT_PEAK), "P1Y", "ANNUAL", 20, 0, 0, "5280.00");
        assertOption(byKind.get(Kind.ANNUAL_PAID_MONTHLY_AT_PEAK), "P1Y", "MONTHLY", 20, 0, 0, "5544.00");
        assertOption(byKind.get(Kind.ANNUAL_BASE_WITH_MONTHLY_TOP_UP), "P1Y", "ANNUAL", 0, 20, 120, "3168.00");
        assertOption(byKind.get(Kind.ANNUAL_INCREASED_MID_TERM), "P1Y", "ANNUAL", 20, 0, 0, "5280.00");
        assertThat(advice.tiedAnnualSeats()).containsExactly(0);
        // the plain P1M option and the Q = 0 mix cost the same with no annual seat: the simpler, first one
        assertThat(advice.recommended()).isSameAs(byKind.get(Kind.ALL_MONTHLY));
    }

    @Test
    void d26_noSeatInMonth1_noMidTermGrowthOption_becauseTheTermWouldOutlastTheYear() {
        SeatDemand late = SeatDemand.of(0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 14, 23);
        CommitmentAdvice advice = CommitmentAdvisor.advise(BUSINESS_PREMIUM, late, true, List.of());
        assertThat(advice.options()).extracting(CommitmentOption::kind).doesNotContain(Kind.ANNUAL_INCREASED_MID_TERM);
        assertThat(advice.recommended().kind()).isEqualTo(Kind.ALL_MONTHLY);
        assertThat(advice.recommended().totalCost()).isEqualByComparingTo("1240.80");
    }

    @Test
    void d26_savingVersusCurrent_committedAnnualPaidMonthlyAtThePeak() {
        List<CurrentSeats> current = List.of(new CurrentSeats("s1", "P1Y", "MONTHLY", 30, a("23.10"), true));
        CommitmentAdvice advice = CommitmentAdvisor.advise(BUSINESS_PREMIUM, WORKED, true, current);
        assertThat(advice.currentCost()).isEqualByComparingTo("8316.00");
        assertThat(advice.savingVersusCurrent()).isEqualByComparingTo("1161.60");
    }

    @Test
    void d26_savingVersusCurrent_monthToMonthSeatsFollowTheDemand_aboveThemNewP1m() {
        // 20 committed annual seats + 5 P1M seats already held; the rest of each month's need on new P1M seats
        List<CurrentSeats> current = List.of(
                new CurrentSeats("s1", "P1Y", "ANNUAL", 20, a("22.00"), true),
                new CurrentSeats("s2", "P1M", "MONTHLY", 5, a("26.40"), false));
        CommitmentAdvice advice = CommitmentAdvisor.advise(BUSINESS_PREMIUM, WORKED, true, current);
        // 12 x 22.00 x 20 = 5280.00; seat-months above 20 = 73 at 26.40 = 1927.20
        assertThat(advice.currentCost()).isEqualByComparingTo("7207.20");
        assertThat(advice.savingVersusCurrent()).isEqualByComparingTo("52.80");
    }

    @Test
    void d26_estSeatsAreMonthToMonthAtTheirOwnPrice() {
        // an EST subscription (R-F4: P1M rate + 3 %) keeps its 25 seats month to month at 27.19
        List<CurrentSeats> current = List.of(new CurrentSeats("s1", "P1Y", "ANNUAL", 25, a("27.19"), false));
        CommitmentAdvice advice = CommitmentAdvisor.advise(BUSINESS_PREMIUM, WORKED, true, current);
        // up to 25 seats a month at 27.19 (290 seat-months = 7885.10), above them 23 at 26.40 (607.20)
        assertThat(advice.currentCost()).isEqualByComparingTo("8492.30");
        assertThat(advice.savingVersusCurrent()).isEqualByComparingTo("1337.90");
    }

    @Test
    void d26_anOfferWithoutP1m_comparesOnlyTheAnnualPlans() {
        CommitmentAdvice advice = CommitmentAdvisor.advise(
                new CommitmentPrices(a("22.00"), a("23.10"), null, "USD"), WORKED, true, List.of());
        assertThat(advice.options()).extracting(CommitmentOption::kind).containsExactly(
                Kind.ANNUAL_AT_PEAK, Kind.ANNUAL_PAID_MONTHLY_AT_PEAK, Kind.ANNUAL_INCREASED_MID_TERM);
        assertThat(advice.recommended().totalCost()).isEqualByComparingTo("7920.00");
        assertThat(advice.breakEvenMonths().annual()).isNull();
    }

    @Test
    void d26_demandMustHaveTwelveMonthsOfNonNegativeSeats() {
        assertThatThrownBy(() -> SeatDemand.of(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeatDemand.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Property over 2,000 seeded random demands and price pairs: the advised base is never dearer than any Q in
     * 0..peak + 2, it is the fewest seats among the cheapest, and with m = 1.2 a it is the 11th-highest demand (D26).
     */
    @Test
    void d26_property_optimumNeverDearerThanAnyBase_andThe11thHighestAtRatio1point2() {
        Random random = new Random(26);
        for (int run = 0; run < 2_000; run++) {
            List<Integer> seats = new ArrayList<>();
            int shape = random.nextInt(3);
            for (int t = 0; t < 12; t++) {
                seats.add(shape == 0 ? random.nextInt(40) : shape == 1 ? 5 + random.nextInt(4) : random.nextInt(3) * 10);
            }
            SeatDemand demand = new SeatDemand(seats);
            boolean ratio12 = random.nextBoolean();
            BigDecimal annual = BigDecimal.valueOf(500 + random.nextInt(5000), 2);
            BigDecimal monthly = ratio12 ? annual.multiply(new BigDecimal("1.2"))
                    : BigDecimal.valueOf(annual.unscaledValue().longValue() + random.nextInt(2000), 2);
            CommitmentAdvice advice = CommitmentAdvisor.advise(
                    new CommitmentPrices(annual, null, monthly, "USD"), demand, false, List.of());
            CommitmentOption mix = byKind(advice).get(Kind.ANNUAL_BASE_WITH_MONTHLY_TOP_UP);
            for (int q = 0; q <= demand.peak() + 2; q++) {
                BigDecimal c = CommitmentAdvisor.cost(annual, q, monthly, demand, 3);
                assertThat(mix.totalCost()).as("run %d, Q %d", run, q).isLessThanOrEqualTo(c);
                if (c.compareTo(mix.totalCost()) == 0) {
                    assertThat(q).as("run %d: fewest seats among the cheapest", run).isGreaterThanOrEqualTo(mix.annualSeats());
                }
            }
            assertThat(advice.recommended().totalCost()).isLessThanOrEqualTo(mix.totalCost());
            if (ratio12) {
                int eleventhHighest = seats.stream().sorted(Comparator.reverseOrder()).toList().get(10);
                assertThat(mix.annualSeats()).as("run %d %s", run, seats).isEqualTo(eleventhHighest);
            }
        }
    }

    static Map<Kind, CommitmentOption> byKind(CommitmentAdvice advice) {
        return advice.options().stream().collect(Collectors.toMap(CommitmentOption::kind, Function.identity()));
    }

    static void assertOption(CommitmentOption option, String term, String billing, int annualSeats, int monthlySeats,
                             long seatMonths, String total) {
        assertThat(option).isNotNull();
        assertThat(option.term()).isEqualTo(term);
        assertThat(option.billing()).isEqualTo(billing);
        assertThat(option.annualSeats()).isEqualTo(annualSeats);
        assertThat(option.monthlySeats()).isEqualTo(monthlySeats);
        assertThat(option.monthlySeatMonths()).isEqualTo(seatMonths);
        assertThat(option.totalCost()).isEqualByComparingTo(total);
        assertThat(option.totalCost().scale()).isEqualTo(2);
    }

    static CommitmentPrices prices(String annual, String annualPaidMonthly, String monthly) {
        return new CommitmentPrices(a(annual), a(annualPaidMonthly), a(monthly), "USD");
    }

    static BigDecimal a(String amount) {
        return new BigDecimal(amount);
    }
}
