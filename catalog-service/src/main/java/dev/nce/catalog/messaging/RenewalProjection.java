package dev.nce.catalog.messaging;

import dev.nce.catalog.persistence.SubscriptionRenewalEntity;
import dev.nce.contracts.events.SubscriptionEvent;
import dev.nce.contracts.events.SubscriptionSnapshot;
import dev.nce.kit.consumer.InboundEvent;
import dev.nce.kit.consumer.ProcessedEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps {@code subscription_renewal} from the snapshots every subscription event carries (event-carried state, no call
 * to subscription-service): a price-list import names the renewals in the next 60 days whose price it changes. An
 * older snapshot (lower version) than the stored one is ignored, so redelivery and reordering are harmless.
 */
@ApplicationScoped
public class RenewalProjection {

    @Inject
    ProcessedEvents processed;
    @Inject
    EntityManager em;

    @Transactional
    public void record(InboundEvent inbound) {
        if (!processed.claim(inbound.envelope().eventId(), inbound.topic())) {
            return;
        }
        for (SubscriptionSnapshot snapshot : snapshots(SubscriptionEvent.decode(inbound.envelope()))) {
            upsert(snapshot);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void upsert(SubscriptionSnapshot s) {
        if (s == null || s.subscriptionId() == null || s.term() == null || s.billing() == null
                || s.unitPrice() == null) {
            return;
        }
        SubscriptionRenewalEntity row = em.find(SubscriptionRenewalEntity.class, s.subscriptionId());
        boolean fresh = row == null;
        if (fresh) {
            row = new SubscriptionRenewalEntity();
            row.subscriptionId = s.subscriptionId();
        } else if (row.version > s.version()) {
            return;
        }
        row.customerId = s.customerId();
        row.offerId = s.offerId();
        row.term = s.term().name();
        row.billing = s.billing().name();
        row.status = s.status().name();
        row.endOfTermAction = s.endOfTermAction() == null ? null : s.endOfTermAction().name();
        row.trial = s.trial();
        row.unitPrice = s.listUnitPrice() != null ? s.listUnitPrice() : s.unitPrice();
        row.currency = s.currency();
        row.renewalDate = s.renewalDate();
        row.version = s.version();
        if (fresh) {
            em.persist(row);
        }
    }

    /** Every after-state an event carries (an upgrade or trial conversion has two). */
    static List<SubscriptionSnapshot> snapshots(SubscriptionEvent event) {
        List<SubscriptionSnapshot> list = new ArrayList<>();
        for (var component : event.getClass().getRecordComponents()) {
            if (component.getType() == SubscriptionSnapshot.class) {
                try {
                    list.add((SubscriptionSnapshot) component.getAccessor().invoke(event));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return list;
    }
}
