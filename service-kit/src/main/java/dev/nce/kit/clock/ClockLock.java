package dev.nce.kit.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * DESIGN.md section 3 clock lock: state changes and due-work steps take the shared lock before reading now; the clock
 * advance and watermark publication take the exclusive lock. Transaction-scoped advisory locks, so they are released at
 * commit or rollback and never held across a remote call made outside the transaction.
 */
@ApplicationScoped
public class ClockLock {

    /** Arbitrary but fixed advisory lock key of the platform clock. */
    static final long CLOCK_LOCK_KEY = 0x6E6365_636C6BL;

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void shared() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock_shared(?1)").setParameter(1, CLOCK_LOCK_KEY).getSingleResult();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void exclusive() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, CLOCK_LOCK_KEY).getSingleResult();
    }
}
