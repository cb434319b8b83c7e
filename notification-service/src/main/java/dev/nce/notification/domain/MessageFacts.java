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
                           Batch batch, StateChange stateChange, Invoice invoice, LocalDate renewalDate,
                           BigDecimal currentUnitPrice, BigDecimal renewalUnitPrice, BigDecimal monthlyDelta,
                           String currency) {

    /** Facts without the NOTICE_* renewal price (every other kind, or when subscription-service could not say). */
    public MessageFacts(NotificationKind kind, String customerId, String customerName, Subscription subscription,
                        Batch batch, StateChange stateChange, Invoice invoice) {
        this(kind, customerId, customerName, subscription, batch, stateChange, invoice, null, null, null, null, null);
    }

    /**
     * The next term's price as GET /v1/renewals answers it (API.md settled details: webhook {@code facts} of NOTICE_*
     * kinds): renewalUnitPrice and monthlyDelta = (renewal - current) x the next term's quantity.
     */
    public record RenewalPrice(LocalDate renewalDate, BigDecimal currentUnitPrice, BigDecimal renewalUnitPrice,
                               BigDecimal monthlyDelta, String currency) {}

    public MessageFacts withRenewalPrice(RenewalPrice p) {
        return p == null ? this : new MessageFacts(kind, customerId, customerName, subscription, batch, stateChange,
                invoice, p.renewalDate(), p.currentUnitPrice(), p.renewalUnitPrice(), p.monthlyDelta(), p.currency());
    }

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
