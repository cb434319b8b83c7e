package dev.nce.notification.domain;

import dev.nce.contracts.BillingFrequency;
import dev.nce.contracts.EndOfTermAction;
import dev.nce.contracts.SubscriptionStatus;
import dev.nce.contracts.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** Everything a message may say, gathered from the local copies at the instant the notification is processed. */
public record MessageFacts(NotificationKind kind, String customerId, String customerName, Subscription subscription,
                           Batch batch, StateChange stateChange, Invoice invoice) {

    /** The subscription's state when the notification is processed; estUnitPrice is the last quoted EST price. */
    public record Subscription(String subscriptionId, String offerId, String offerName, int quantity, Term term,
                               BillingFrequency billing, SubscriptionStatus status, boolean autoRenew,
                               EndOfTermAction endOfTermAction, BigDecimal unitPrice, String currency,
                               LocalDate startDate, LocalDate endDate, LocalDate renewalDate, LocalDate noticeDeadline,
                               BigDecimal estUnitPrice, String estCurrency) {}

    public record Batch(String batchId, int quantity, Instant openedAt, Instant windowEnd) {}

    /** EXPIRED / DISABLED / EST_STARTED: the term that ended, the instant, and for EST the first month and its price. */
    public record StateChange(Instant at, LocalDate endedTermStart, LocalDate endedTermEnd, LocalDate monthStart,
                              LocalDate monthEnd, BigDecimal monthlyUnitPrice) {}

    public record Invoice(String invoiceId, String invoiceNumber, String period, LocalDate issueDate, String currency,
                          BigDecimal subtotal, BigDecimal total, int lineCount) {}
}
