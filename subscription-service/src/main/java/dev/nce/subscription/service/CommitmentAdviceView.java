package dev.nce.subscription.service;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The answer of POST /v1/customers/{customerId}/commitment-advice (API.md "Commitment advice and what-if", D26):
 * {@code recommended} is one of {@code options}; amounts are in {@code currency} for the 12 months of {@code demand}.
 */
public record CommitmentAdviceView(String customerId, String offerId, String offerName, String currency,
                                   String demandSource, List<MonthSeats> demand, List<Option> options,
                                   Option recommended, List<Integer> tiedAnnualSeats, BreakEven breakEvenMonths,
                                   BigDecimal currentCost, BigDecimal savingVersusCurrent,
                                   List<CurrentSubscription> current, PricesUsed pricesUsed, List<String> assumptions) {

    public record MonthSeats(String month, int seats) {}

    /** One way to buy the year; {@code kind} names it (CommitmentOption.Kind). */
    public record Option(String kind, String term, String billing, int annualSeats, int monthlySeats,
                         long monthlySeatMonths, BigDecimal totalCost, String currency) {}

    public record BreakEven(BigDecimal annual, BigDecimal annualPaidMonthly) {}

    /**
     * A current subscription as it continues after its next renewal: {@code continuesAs} RENEW, EXTENDED_SERVICE_TERM
     * or ENDS (replaced by P1M seats); {@code unitPrice} is its next-term (or EST) monthly price.
     */
    public record CurrentSubscription(String subscriptionId, String term, String billing, int quantity,
                                      String renewalDate, String continuesAs, boolean committed,
                                      BigDecimal unitPrice, String currency) {}

    /** The catalog prices the options use: in force at {@code at} (the next renewal, or now without one). */
    public record PricesUsed(Instant at, String currency, List<PlanPrice> plans) {}

    public record PlanPrice(String term, String billing, BigDecimal unitPrice, BigDecimal upliftPercent, String source) {}
}
