package dev.nce.notification.service;

import dev.nce.contracts.events.EventJson;
import dev.nce.kit.clock.PlatformClock;
import dev.nce.notification.domain.CancelReason;
import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.DeliveryStatus;
import dev.nce.notification.domain.MessageFacts;
import dev.nce.notification.domain.MessageRenderer;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.domain.NotificationStatus;
import dev.nce.notification.domain.PlannedNotification;
import dev.nce.notification.domain.RenderedMessage;
import dev.nce.notification.domain.SentAtRule;
import dev.nce.notification.persistence.CustomerEntity;
import dev.nce.notification.persistence.DeliveryEntity;
import dev.nce.notification.persistence.NotificationEntity;
import dev.nce.notification.persistence.NotificationRepository;
import dev.nce.notification.persistence.OfferNameEntity;
import dev.nce.notification.persistence.SeatBatchEntity;
import dev.nce.notification.persistence.SubscriptionCopyEntity;
import dev.nce.notification.persistence.WebhookEndpointEntity;
import dev.nce.notification.persistence.WebhookEndpoints;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/**
 * Processes due notifications (DESIGN.md section 3): renders the message from the state at that instant, sets
 * {@code sentAt}, and writes the delivery rows (e-mail, one per webhook endpoint) in the same transaction; the
 * dispatcher sends them.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class NotificationProcessor {

    @Inject
    NotificationRepository notifications;
    @Inject
    SubscriptionCopies copies;
    @Inject
    WebhookEndpoints endpoints;
    @Inject
    NotificationSettings settings;
    @Inject
    PlatformClock clock;
    @Inject
    MeterRegistry metrics;
    @Inject
    RenewalPrices renewalPrices;

    /** Event time first: the subscription's rows due at or before {@code upTo}, before an event at upTo applies. */
    public int processDueForSubscription(String subscriptionId, Instant upTo) {
        List<NotificationEntity> due = notifications.dueForSubscription(subscriptionId, upTo);
        due.forEach(this::process);
        return due.size();
    }

    /** Due work of one partition up to its watermark. */
    public int processDueInPartition(int partition, Instant upTo) {
        List<NotificationEntity> due = notifications.dueInPartition(partition, upTo);
        due.forEach(this::process);
        return due.size();
    }

    void process(NotificationEntity n) {
        CustomerEntity customer = CustomerEntity.byId(n.customerId);
        SubscriptionCopyEntity sub = n.subscriptionId == null ? null : copies.find(n.subscriptionId);
        if (customer == null || (n.kind != NotificationKind.INVOICE_ISSUED && sub == null) || !stillWanted(n, sub)) {
            notifications.cancel(n, CancelReason.NO_LONGER_APPLIES);
            metrics.counter("notifications_cancelled_total", "kind", n.kind.name()).increment();
            return;
        }
        MessageFacts facts = facts(n, customer, sub);
        if (n.kind == NotificationKind.NOTICE_UPCOMING || n.kind == NotificationKind.NOTICE_DEADLINE) {
            facts = facts.withRenewalPrice(renewalPrices.of(n.customerId, sub.subscriptionId, sub.renewalDate).orElse(null));
        }
        RenderedMessage message = MessageRenderer.render(facts);
        n.processedAt = SentAtRule.sentAt(clock.isSimulated(), n.dueAt, n.createdAt, clock.now());
        n.status = NotificationStatus.PROCESSED;
        n.cancelReason = null;
        n.subject = message.subject();
        n.body = message.body();
        n.payload = EventJson.write(new WebhookBody(WebhookBody.TYPE, n.notificationId, n.kind, n.customerId,
                n.subscriptionId, n.termStartDate, n.batchId, n.invoiceId, n.dueAt, n.processedAt, message.subject(),
                message.body(), message.outcome(), facts));
        Instant wallNow = Instant.now(); // transport time: deliveries are due at once on the wall clock
        String emailTo = InvoiceRecipients.emailTo(n.kind, customer);
        if (emailTo != null) {
            delivery(n, Channel.EMAIL, null, DeliveryEntity.EMAIL_TARGET, emailTo, wallNow);
        }
        for (WebhookEndpointEntity endpoint : endpoints.receiving(n.customerId, n.kind)) {
            delivery(n, Channel.WEBHOOK, endpoint, endpoint.endpointId.toString(), endpoint.url, wallNow);
        }
        metrics.counter("notifications_sent_total", "kind", n.kind.name()).increment();
    }

    /** A scheduled row is sent only if the state at its instant still wants it (same rule as the schedule, D8). */
    private boolean stillWanted(NotificationEntity n, SubscriptionCopyEntity sub) {
        if (!n.kind.isScheduled()) {
            return true;
        }
        List<PlannedNotification> wanted = settings.reminderPolicy().plan(copies.termFacts(sub),
                copies.batchFacts(sub.subscriptionId));
        return wanted.stream().anyMatch(p -> p.key().equals(NotificationRepository.keyOf(n)));
    }

    private void delivery(NotificationEntity n, Channel channel, WebhookEndpointEntity endpoint, String target,
                          String recipient, Instant wallNow) {
        DeliveryEntity d = new DeliveryEntity();
        d.notificationId = n.notificationId;
        d.channel = channel;
        d.endpointId = endpoint == null ? null : endpoint.endpointId;
        d.target = target;
        d.status = DeliveryStatus.SCHEDULED;
        d.messageId = DeliveryEntity.messageId(n.notificationId, target);
        d.recipient = recipient;
        d.attempts = 0;
        d.nextAttemptAt = wallNow;
        d.persist();
    }

    private MessageFacts facts(NotificationEntity n, CustomerEntity customer, SubscriptionCopyEntity sub) {
        MessageFacts.Subscription subscription = sub == null ? null : subscriptionFacts(sub);
        MessageFacts.Batch batch = null;
        if (n.batchId != null) {
            SeatBatchEntity b = SeatBatchEntity.of(n.subscriptionId, n.batchId);
            batch = new MessageFacts.Batch(b.batchId, b.remainingQuantity, b.openedAt, b.windowEnd);
        }
        MessageFacts.StateChange stateChange = null;
        MessageFacts.Invoice invoice = null;
        if (n.facts != null) {
            if (n.kind == NotificationKind.INVOICE_ISSUED) {
                invoice = read(n.facts, MessageFacts.Invoice.class);
            } else {
                stateChange = read(n.facts, MessageFacts.StateChange.class);
            }
        }
        return new MessageFacts(n.kind, customer.customerId, customer.name, subscription, batch, stateChange, invoice);
    }

    private MessageFacts.Subscription subscriptionFacts(SubscriptionCopyEntity s) {
        OfferNameEntity offer = s.offerId == null ? null : OfferNameEntity.findById(s.offerId);
        String offerName = offer != null ? offer.name : s.offerName;
        return new MessageFacts.Subscription(s.subscriptionId, s.offerId, offerName, s.quantity, s.term, s.billing,
                s.status, s.autoRenew, s.endOfTermAction, s.unitPrice, s.currency, s.startDate, s.endDate,
                s.renewalDate, s.noticeDeadline, s.estUnitPrice, s.estCurrency);
    }

    static <T> T read(String json, Class<T> type) {
        try {
            return EventJson.mapper().readValue(json, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("stored facts are not a " + type.getSimpleName(), e);
        }
    }
}
