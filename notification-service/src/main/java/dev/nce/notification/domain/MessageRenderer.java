package dev.nce.notification.domain;

import dev.nce.contracts.Term;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The text of every kind (R-N3, R-F4): who, which offer, how many seats, the dates, the deadline, what happens if
 * nothing is done, and the cost where there is one. Amounts are printed as they are (no rounding here: unit prices
 * arrive rounded at D2, and seats x price keeps the minor unit).
 */
public final class MessageRenderer {

    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
    /** D10: grace after EXPIRED before DISABLED; 90 days from DISABLED to DELETED. */
    static final int GRACE_DAYS = 30;
    static final int GRACE_DAYS_MONTHLY = 7;
    static final int DISABLED_DAYS = 90;

    private MessageRenderer() {}

    public static RenderedMessage render(MessageFacts f) {
        switch (f.kind()) {
            case NOTICE_UPCOMING:
                return noticeUpcoming(f);
            case NOTICE_DEADLINE:
                return noticeDeadline(f);
            case EXPIRY_UPCOMING:
                return expiryUpcoming(f);
            case WINDOW_CLOSING:
                return windowClosing(f);
            case EXPIRED:
                return expired(f);
            case DISABLED:
                return disabled(f);
            case EST_STARTED:
                return estStarted(f);
            case INVOICE_ISSUED:
                return invoiceIssued(f);
            case TRIAL_ENDING:
                return trialEnding(f);
            default:
                throw new IllegalArgumentException("no template for " + f.kind());
        }
    }

    private static RenderedMessage noticeUpcoming(MessageFacts f) {
        MessageFacts.Subscription s = f.subscription();
        String subject = "Notice deadline " + s.noticeDeadline() + ": " + name(s) + " renews on " + s.renewalDate();
        String text = "The notice deadline for " + name(s) + " is " + s.noticeDeadline() + ". Until that day you can "
                + "still turn off auto-renew, choose another end-of-term action or schedule fewer seats for the next "
                + "term; after it, the renewal on " + s.renewalDate() + " can no longer be changed." + renewalPrice(f);
        return new RenderedMessage(subject, body(f, text), EndOfTermOutcome.RENEWS);
    }

    private static RenderedMessage noticeDeadline(MessageFacts f) {
        MessageFacts.Subscription s = f.subscription();
        String subject = "Today is the notice deadline: " + name(s) + " renews on " + s.renewalDate();
        String text = "Today, " + s.noticeDeadline() + ", is the last day to change what happens to " + name(s)
                + " at the end of its term (auto-renew, end-of-term action, seats for the next term). From tomorrow "
                + "the renewal on " + s.renewalDate() + " is final." + renewalPrice(f);
        return new RenderedMessage(subject, body(f, text), EndOfTermOutcome.RENEWS);
    }

    private static RenderedMessage expiryUpcoming(MessageFacts f) {
        MessageFacts.Subscription s = f.subscription();
        EndOfTermOutcome outcome = EndOfTermOutcome.of(s.endOfTermAction(), s.startDate(), s.endDate());
        String subject;
        switch (outcome) {
            case EXTENDED_SERVICE_TERM:
                subject = name(s) + " moves to an extended service term on " + s.renewalDate();
                break;
            case DISABLED:
                subject = name(s) + " will be cancelled at the end of its term on " + s.endDate();
                break;
            default:
                subject = name(s) + " expires on " + s.renewalDate();
        }
        String text = name(s) + " does not renew: its end-of-term action is " + s.endOfTermAction() + ". "
                + "To renew it instead, turn auto-renew on by the notice deadline, " + s.noticeDeadline() + ".";
        return new RenderedMessage(subject, body(f, text), outcome);
    }

    private static RenderedMessage windowClosing(MessageFacts f) {
        MessageFacts.Subscription s = f.subscription();
        MessageFacts.Batch b = f.batch();
        String subject = "Cancellation window for " + b.quantity() + " seats of " + name(s) + " closes at "
                + INSTANT.format(b.windowEnd());
        String text = "The " + b.quantity() + " seats added at " + INSTANT.format(b.openedAt()) + " can still be "
                + "cancelled or reduced with a prorated refund until " + INSTANT.format(b.windowEnd()) + ". After that "
                + "they stay committed until the end of the term on " + s.endDate() + ".";
        return new RenderedMessage(subject, body(f, text), null);
    }

    private static RenderedMessage expired(MessageFacts f) {
        MessageFacts.Subscription s = f.subscription();
        LocalDate on = date(f.stateChange().at());
        int grace = s.term() == Term.P1M ? GRACE_DAYS_MONTHLY : GRACE_DAYS;
        String subject = name(s) + " has expired";
        String text = name(s) + " expired on " + on + " at the end of its term (" + ended(f) + "). No charges accrue. "
                + "You can still renew it until " + on.plusDays(grace) + "; after that it is disabled, and deleted "
                + DISABLED_DAYS + " days later.";
        return new RenderedMessage(subject, body(f, text), EndOfTermOutcome.EXPIRES);
    }

    private static RenderedMessage disabled(MessageFacts f) {
        MessageFacts.Subscription s = f.subscription();
        LocalDate on = date(f.stateChange().at());
        String subject = name(s) + " is disabled";
        String text = name(s) + " was disabled on " + on + " (term " + ended(f) + "). Users no longer have access; the "
                + "data is kept until " + on.plusDays(DISABLED_DAYS) + ", when the subscription is deleted. No charges "
                + "accrue.";
        return new RenderedMessage(subject, body(f, text), EndOfTermOutcome.DISABLED);
    }

    private static RenderedMessage estStarted(MessageFacts f) {
        MessageFacts.Subscription s = f.subscription();
        MessageFacts.StateChange c = f.stateChange();
        String subject = name(s) + " is now in an extended service term";
        String price = c.monthlyUnitPrice() == null ? "" : " at " + c.monthlyUnitPrice().toPlainString() + " " + s.currency()
                + " per seat per month (" + c.monthlyUnitPrice().multiply(BigDecimal.valueOf(s.quantity())).toPlainString()
                + " " + s.currency() + " per month for " + s.quantity() + " seats)";
        String text = "The term " + ended(f) + " of " + name(s) + " ended without renewal, so it continues month to month"
                + price + ". The first month runs from " + c.monthStart() + " to " + c.monthEnd() + "; the price is "
                + "re-read at the start of every month. You can renew it into a new term or cancel it at any time.";
        return new RenderedMessage(subject, body(f, text), EndOfTermOutcome.EXTENDED_SERVICE_TERM);
    }

    private static RenderedMessage invoiceIssued(MessageFacts f) {
        MessageFacts.Invoice i = f.invoice();
        String subject = "Invoice " + (i.invoiceNumber() == null ? i.invoiceId() : i.invoiceNumber()) + " for "
                + i.period() + ": " + i.total().toPlainString() + " " + i.currency();
        String text = "Hello " + f.customerName() + ",\n\n"
                + "invoice " + (i.invoiceNumber() == null ? i.invoiceId() : i.invoiceNumber()) + " for " + i.period()
                + " was issued on " + i.issueDate() + ".\n\n"
                + "Invoice id: " + i.invoiceId() + "\n"
                + "Lines: " + i.lineCount() + "\n"
                + "Subtotal: " + i.subtotal().toPlainString() + " " + i.currency() + "\n"
                + "Total: " + i.total().toPlainString() + " " + i.currency() + "\n";
        return new RenderedMessage(subject, text, null);
    }

    /** The common body: the kind's paragraph, then the subscription's facts and what happens if nothing is done. */
    private static String body(MessageFacts f, String paragraph) {
        MessageFacts.Subscription s = f.subscription();
        StringBuilder b = new StringBuilder();
        b.append("Hello ").append(f.customerName()).append(",\n\n").append(paragraph).append("\n\n");
        b.append("Subscription: ").append(name(s)).append(" (offer ").append(s.offerId()).append(")\n");
        b.append("Subscription id: ").append(s.subscriptionId()).append('\n');
        b.append("Seats: ").append(s.quantity()).append('\n');
        b.append("Term: ").append(s.term()).append(", billed ").append(s.billing()).append(", from ")
                .append(s.startDate()).append(" to ").append(s.endDate()).append('\n');
        if (s.renewalDate() != null) {
            b.append("Renewal date: ").append(s.renewalDate()).append('\n');
        }
        if (s.noticeDeadline() != null) {
            b.append("Notice deadline: ").append(s.noticeDeadline()).append('\n');
        }
        if (s.unitPrice() != null) {
            b.append("Price: ").append(s.unitPrice().toPlainString()).append(' ').append(s.currency())
                    .append(" per seat per month (").append(monthly(s.unitPrice(), s.quantity()).toPlainString()).append(' ')
                    .append(s.currency()).append(" per month for ").append(s.quantity()).append(" seats)\n");
        }
        b.append("End-of-term action: ").append(s.endOfTermAction()).append('\n');
        if (f.kind().isScheduled()) {
            b.append("If you do nothing: ").append(ifNothingIsDone(s)).append('\n');
        }
        return b.toString();
    }

    /** R-F4: a reminder must say which end-of-term action is set and what it will cost. */
    static String ifNothingIsDone(MessageFacts.Subscription s) {
        EndOfTermOutcome outcome = EndOfTermOutcome.of(s.endOfTermAction(), s.startDate(), s.endDate());
        switch (outcome) {
            case RENEWS:
                return "it renews automatically on " + s.renewalDate() + " for another " + s.term() + " with "
                        + s.quantity() + " seats, priced at the list price in force then (now " + price(s.unitPrice(), s.currency())
                        + " per seat per month, " + price(monthly(s.unitPrice(), s.quantity()), s.currency()) + " per month).";
            case EXTENDED_SERVICE_TERM:
                if (s.estUnitPrice() != null) {
                    String currency = s.estCurrency() == null ? s.currency() : s.estCurrency();
                    return "on " + s.renewalDate() + " it moves to an extended service term, billed month to month at "
                            + price(s.estUnitPrice(), currency) + " per seat per month as quoted today ("
                            + price(monthly(s.estUnitPrice(), s.quantity()), currency) + " per month for " + s.quantity()
                            + " seats), re-priced at the start of every month, until you renew or cancel it.";
                }
                return "on " + s.renewalDate() + " it moves to an extended service term, billed month to month at the "
                        + "offer's monthly-term price plus 3 % (base price plus 23 % without a monthly plan), until you "
                        + "renew or cancel it.";
            case DISABLED:
                return "it is cancelled at the end of its term: on " + s.renewalDate() + " it is disabled (no access, "
                        + "data kept for " + DISABLED_DAYS + " days, then deleted) and cannot be reactivated. Nothing is "
                        + "charged after " + s.endDate() + ".";
            default:
                int grace = s.term() == Term.P1M ? GRACE_DAYS_MONTHLY : GRACE_DAYS;
                return "it expires on " + s.renewalDate() + ": nothing is charged after " + s.endDate() + ", you can "
                        + "renew it within " + grace + " days, and then it is disabled.";
        }
    }

    /**
     * NOTICE_*: the next term's unit price and the monthly delta, from subscription-service's renewal computation (the
     * renewalUnitPrice of GET /v1/renewals); nothing when it could not be had.
     */
    static String renewalPrice(MessageFacts f) {
        if (f.renewalUnitPrice() == null) {
            return "";
        }
        String delta = f.monthlyDelta() == null ? "" : f.monthlyDelta().signum() == 0 ? " (no change per month)"
                : " (" + (f.monthlyDelta().signum() > 0 ? "+" : "") + price(f.monthlyDelta(), f.currency()) + " per month)";
        return " The next term is priced at " + price(f.renewalUnitPrice(), f.currency()) + " per seat per month, now "
                + price(f.currentUnitPrice(), f.currency()) + delta + ".";
    }

    /** TRIAL_ENDING: when the trial ends and what follows (R-J2, D15: conversion with auto-renew on, else expiry). */
    private static RenderedMessage trialEnding(MessageFacts f) {
        MessageFacts.Subscription s = f.subscription();
        String subject = "The trial of " + name(s) + " ends on " + s.endDate();
        String text = "The free trial of " + name(s) + " (" + s.quantity() + " seats) ends on " + s.endDate() + ". "
                + (s.autoRenew() ? "Auto-renew is on: it then converts to a paid subscription at the price in force "
                + "that day, unless you turn auto-renew off before then."
                : "Auto-renew is off: it then expires; convert it before then to keep the seats.");
        return new RenderedMessage(subject, body(f, text),
                s.autoRenew() ? EndOfTermOutcome.RENEWS : EndOfTermOutcome.EXPIRES);
    }

    private static String name(MessageFacts.Subscription s) {
        return s.offerName() == null || s.offerName().isBlank() ? s.offerId() : s.offerName();
    }

    private static String ended(MessageFacts f) {
        MessageFacts.StateChange c = f.stateChange();
        return c.endedTermStart() + " to " + c.endedTermEnd();
    }

    private static String price(BigDecimal amount, String currency) {
        return amount == null ? "an unknown price" : amount.toPlainString() + " " + currency;
    }

    static BigDecimal monthly(BigDecimal unitPrice, int quantity) {
        return unitPrice == null ? null : unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    private static LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
