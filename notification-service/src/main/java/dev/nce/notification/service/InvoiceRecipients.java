package dev.nce.notification.service;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.nce.contracts.events.EventJson;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.persistence.CustomerEntity;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * Issue 18: INVOICE_ISSUED goes to the customer's billing contacts (all of them on one e-mail, one EMAIL row), or to
 * its contactEmail when it has none; it carries the invoice PDF billing rendered at issue.
 */
final class InvoiceRecipients {

    private InvoiceRecipients() {}

    /** The EMAIL recipient(s) of a notification, comma-separated; null when there is none. */
    static String emailTo(NotificationKind kind, CustomerEntity customer) {
        if (kind == NotificationKind.INVOICE_ISSUED && customer.billingContactEmails != null) {
            try {
                List<String> contacts = EventJson.mapper().readValue(customer.billingContactEmails,
                        new TypeReference<List<String>>() { });
                if (!contacts.isEmpty()) {
                    return String.join(", ", contacts);
                }
            } catch (Exception e) {
                throw new IllegalStateException("unreadable billing contacts of customer " + customer.customerId, e);
            }
        }
        return customer.contactEmail == null || customer.contactEmail.isBlank() ? null : customer.contactEmail;
    }

    static dev.nce.notification.service.ClaimedDelivery.Attachment attachment(EntityManager em, UUID notificationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT filename, content_type, content FROM notification_attachment "
                + "WHERE notification_id = ?1").setParameter(1, notificationId).getResultList();
        return rows.stream().findFirst().map(r -> new ClaimedDelivery.Attachment((String) r[0], (String) r[1],
                (byte[]) r[2])).orElse(null);
    }

    static void store(EntityManager em, UUID notificationId, String filename, byte[] content) {
        em.createNativeQuery("INSERT INTO notification_attachment (notification_id, filename, content_type, content) "
                        + "VALUES (?1, ?2, 'application/pdf', ?3) ON CONFLICT (notification_id) DO NOTHING")
                .setParameter(1, notificationId).setParameter(2, filename).setParameter(3, content).executeUpdate();
    }
}
