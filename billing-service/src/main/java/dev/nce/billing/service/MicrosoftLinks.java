package dev.nce.billing.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Locale;
import java.util.Optional;

/**
 * D25: billing's copy of the links to Microsoft, from the subscription events it already consumes: every snapshot's
 * {@code microsoftSubscriptionId} (and its plan, for the cost price), and a customer event's {@code microsoftTenantId}
 * when the event carries one (read from the payload, so events without the field are simply skipped).
 */
@ApplicationScoped
public class MicrosoftLinks {

    /** A platform subscription linked to a Microsoft one. */
    public record Link(String subscriptionId, String customerId, String offerId, String term, String billing,
                       String currency, java.time.LocalDate startDate) {}

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(EventEnvelope envelope, SubscriptionEvent event) {
        JsonNode payload = envelope.payload();
        if (event instanceof SubscriptionEvent.CustomerCreated || event instanceof SubscriptionEvent.CustomerUpdated) {
            JsonNode tenant = payload == null ? null : payload.get("microsoftTenantId");
            if (tenant != null && tenant.isTextual() && !tenant.asText().isBlank()) {
                em.createNativeQuery("INSERT INTO customer_tenant (customer_id, microsoft_tenant_id) VALUES (?1, ?2) "
                                + "ON CONFLICT (customer_id) DO UPDATE SET microsoft_tenant_id = EXCLUDED.microsoft_tenant_id")
                        .setParameter(1, envelope.customerId())
                        .setParameter(2, tenant.asText().trim().toLowerCase(Locale.ROOT)).executeUpdate();
            }
            return;
        }
        for (var component : event.getClass().getRecordComponents()) {
            if (component.getType() == SubscriptionSnapshot.class) {
                try {
                    upsert((SubscriptionSnapshot) component.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    private void upsert(SubscriptionSnapshot s) {
        if (s == null || s.subscriptionId() == null || s.term() == null || s.billing() == null) {
            return;
        }
        String microsoft = s.microsoftSubscriptionId() == null ? null
                : s.microsoftSubscriptionId().trim().toLowerCase(Locale.ROOT);
        em.createNativeQuery("INSERT INTO subscription_link (subscription_id, customer_id, offer_id, term, billing, "
                        + "currency, start_date, microsoft_subscription_id, version) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) ON CONFLICT (subscription_id) DO UPDATE SET "
                        + "customer_id = EXCLUDED.customer_id, offer_id = EXCLUDED.offer_id, term = EXCLUDED.term, "
                        + "billing = EXCLUDED.billing, currency = EXCLUDED.currency, start_date = EXCLUDED.start_date, "
                        + "microsoft_subscription_id = EXCLUDED.microsoft_subscription_id, version = EXCLUDED.version "
                        + "WHERE subscription_link.version <= EXCLUDED.version")
                .setParameter(1, s.subscriptionId()).setParameter(2, s.customerId()).setParameter(3, s.offerId())
                .setParameter(4, s.term().name()).setParameter(5, s.billing().name())
                .setParameter(6, s.currency() == null ? "USD" : s.currency()).setParameter(7, s.startDate())
                .setParameter(8, microsoft).setParameter(9, s.version()).executeUpdate();
    }

    /** The platform subscription linked to a Microsoft subscription id, if any. */
    @Transactional
    public Optional<Link> linkOf(String microsoftSubscriptionId) {
        if (microsoftSubscriptionId == null) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        java.util.List<Object[]> rows = em.createNativeQuery("SELECT subscription_id, customer_id, offer_id, term, "
                        + "billing, currency, start_date FROM subscription_link WHERE microsoft_subscription_id = ?1 "
                        + "ORDER BY version DESC LIMIT 1")
                .setParameter(1, microsoftSubscriptionId.trim().toLowerCase(Locale.ROOT)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.get(0);
        return Optional.of(new Link((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                (String) r[5], r[6] == null ? null
                : r[6] instanceof java.time.LocalDate d ? d : ((java.sql.Date) r[6]).toLocalDate()));
    }
}
