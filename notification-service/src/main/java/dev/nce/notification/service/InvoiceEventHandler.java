package dev.nce.notification.service;

import dev.nce.contracts.events.BillingEvent;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.ProcessedEvents;
import dev.nce.notification.domain.MessageFacts;
import dev.nce.notification.domain.NotificationKey;
import dev.nce.notification.persistence.CustomerRecords;
import dev.nce.notification.persistence.NotificationEntity;
import dev.nce.notification.persistence.NotificationRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/** INVOICE_ISSUED per invoice (D8), sent when the event arrives; dueAt is the instant of the event (API.md). */
@ApplicationScoped
public class InvoiceEventHandler {

    private static final Logger LOG = Logger.getLogger(InvoiceEventHandler.class);

    @Inject
    ProcessedEvents processed;
    @Inject
    CustomerRecords customers;
    @Inject
    ScheduleService schedule;
    @Inject
    NotificationRepository notifications;
    @Inject
    NotificationProcessor processor;
    @Inject
    jakarta.persistence.EntityManager em;

    @Transactional
    public boolean handle(InboundEvent in) {
        EventEnvelope envelope = in.envelope();
        if (!processed.claim(envelope.eventId(), in.topic())) {
            return false;
        }
        BillingEvent event;
        try {
            event = BillingEvent.decode(envelope);
        } catch (IllegalArgumentException e) {
            LOG.errorf("skipping undecodable %s %s: %s", envelope.type(), envelope.eventId(), e.getMessage());
            return false;
        }
        if (!(event instanceof BillingEvent.InvoiceIssued invoice) || invoice.invoiceId() == null) {
            return false;
        }
        String customerId = invoice.customerId() != null ? invoice.customerId() : envelope.customerId();
        if (customerId == null || !customers.exists(customerId)) {
            return false;
        }
        Instant at = envelope.effectiveAt() != null ? envelope.effectiveAt() : envelope.occurredAt();
        MessageFacts.Invoice facts = new MessageFacts.Invoice(invoice.invoiceId(), invoice.invoiceNumber(),
                invoice.period(), invoice.issueDate(), invoice.currency(), invoice.subtotal(), invoice.total(),
                invoice.lineCount());
        NotificationKey key = NotificationKey.forInvoice(invoice.invoiceId());
        if (!schedule.createForEvent(key, customerId, at, EventJson.write(facts))) {
            return false;
        }
        NotificationEntity n = notifications.byKey(key);
        if (invoice.pdf() != null && invoice.pdf().length > 0) { // issue 18: attached to the e-mail
            InvoiceRecipients.store(em, n.notificationId, "invoice-" + invoice.invoiceNumber() + ".pdf", invoice.pdf());
        }
        processor.process(n);
        return true;
    }
}
