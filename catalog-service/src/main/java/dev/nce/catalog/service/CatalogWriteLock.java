package dev.nce.catalog.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Catalog writes are rare and touch shared invariants (upgrade graph acyclicity, versions, full snapshots), so they
 * are serialized by one transaction-scoped advisory lock; reads never take it.
 */
@ApplicationScoped
public class CatalogWriteLock {

    static final long KEY = 0x6E6365_636174L;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void acquire() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, KEY).getSingleResult();
    }
}
