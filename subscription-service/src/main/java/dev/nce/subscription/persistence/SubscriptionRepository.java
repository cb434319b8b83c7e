package dev.nce.subscription.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Queries over customers, subscriptions and batches (blocking JDBC through Hibernate). */
@ApplicationScoped
public class SubscriptionRepository {

    @Inject
    EntityManager em;

    public Optional<CustomerEntity> customer(String id) {
        return Optional.ofNullable(em.find(CustomerEntity.class, id));
    }

    /** The customer row locked for writing: the first lock of every change (lock order: customer, then subscriptions). */
    public Optional<CustomerEntity> lockCustomer(String id) {
        return Optional.ofNullable(em.find(CustomerEntity.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<SubscriptionEntity> subscription(String id) {
        return Optional.ofNullable(em.find(SubscriptionEntity.class, id));
    }

    public List<SeatBatchEntity> batches(String subscriptionId) {
        return em.createQuery("FROM SeatBatchEntity b WHERE b.subscriptionId = ?1 ORDER BY b.sequence", SeatBatchEntity.class)
                .setParameter(1, subscriptionId).getResultList();
    }

    public List<CustomerEntity> customers(String q, int limit, int offset) {
        return em.createQuery("FROM CustomerEntity c WHERE (?1 = '' OR lower(c.name) LIKE ?2 OR lower(c.contactEmail) LIKE ?2) "
                        + "ORDER BY c.createdAt, c.id", CustomerEntity.class)
                .setParameter(1, q).setParameter(2, like(q)).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countCustomers(String q) {
        return em.createQuery("SELECT count(c) FROM CustomerEntity c WHERE (?1 = '' OR lower(c.name) LIKE ?2 "
                        + "OR lower(c.contactEmail) LIKE ?2)", Long.class)
                .setParameter(1, q).setParameter(2, like(q)).getSingleResult();
    }

    public List<SubscriptionEntity> subscriptionsOf(String customerId, int limit, int offset) {
        return em.createQuery("FROM SubscriptionEntity s WHERE s.customerId = ?1 ORDER BY s.createdAt, s.id", SubscriptionEntity.class)
                .setParameter(1, customerId).setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countSubscriptionsOf(String customerId) {
        return em.createQuery("SELECT count(s) FROM SubscriptionEntity s WHERE s.customerId = ?1", Long.class)
                .setParameter(1, customerId).getSingleResult();
    }

    /** The earliest due instant at or before {@code upTo}, if any. */
    public Optional<Instant> earliestDue(Instant upTo) {
        List<?> rows = em.createNativeQuery("SELECT min(next_due_at) FROM subscription WHERE next_due_at <= ?1")
                .setParameter(1, Timestamp.from(upTo)).getResultList();
        Object value = rows.isEmpty() ? null : rows.get(0);
        return Optional.ofNullable(dev.nce.kit.clock.ClockInstantsSql.toInstant(value));
    }

    /** Ids of subscriptions due exactly at {@code at}, in id order. */
    @SuppressWarnings("unchecked")
    public List<String> dueAt(Instant at, int limit) {
        return em.createNativeQuery("SELECT id FROM subscription WHERE next_due_at = ?1 ORDER BY id LIMIT ?2")
                .setParameter(1, Timestamp.from(at)).setParameter(2, limit).getResultList();
    }

    /** D9: seats of ACTIVE (EST and trials included) and SUSPENDED subscriptions in the groups, one excluded. */
    public long heldSeats(String customerId, java.util.Collection<String> capGroups, List<String> excludedSubscriptionIds) {
        Long sum = em.createQuery("SELECT coalesce(sum(s.quantity), 0) FROM SubscriptionEntity s WHERE s.customerId = ?1 "
                        + "AND s.capGroup IN ?2 AND s.status IN ?3 AND s.id NOT IN ?4", Long.class)
                .setParameter(1, customerId).setParameter(2, capGroups)
                .setParameter(3, List.of(dev.nce.contracts.SubscriptionStatus.ACTIVE, dev.nce.contracts.SubscriptionStatus.SUSPENDED))
                .setParameter(4, excludedSubscriptionIds.isEmpty() ? List.of("") : excludedSubscriptionIds).getSingleResult();
        return sum == null ? 0 : sum;
    }

    private static String like(String q) {
        return "%" + q.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
