package dev.nce.billing.persistence;

import dev.nce.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Issue 16: billing never guesses. A customer with an OPEN dead letter of nce.subscription.events.v1 (its ledger may
 * lack a charge) gets no invoice: it stays in missingCustomers and the D12 alert until an operator replays or
 * resolves the dead letter; the next attempt of the run then invoices it. Other customers are invoiced normally.
 */
@ApplicationScoped
public class InvoiceHold {

    /** SQL condition on dead_letter with ?2 = the subscription events topic. */
    static final String OPEN_EVENT_LETTERS = "status = 'OPEN' AND source = 'CONSUMER' AND topic = ?2 "
            + "AND customer_id IS NOT NULL";

    @Inject
    EntityManager em;

    /** The customers among {@code customerIds} whose invoice is held. */
    public Set<String> held(Collection<String> customerIds) {
        if (customerIds.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<String> rows = em.createNativeQuery("SELECT DISTINCT customer_id FROM dead_letter WHERE "
                        + OPEN_EVENT_LETTERS + " AND customer_id IN (?1)")
                .setParameter(1, List.copyOf(customerIds)).setParameter(2, Topics.SUBSCRIPTION_EVENTS)
                .getResultList();
        return new HashSet<>(rows);
    }
}
