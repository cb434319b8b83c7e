package dev.nce.kit.clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/** The persisted simulated clock (one row of platform_clock), so the clock survives a restart (DESIGN.md section 6). */
@ApplicationScoped
public class ClockStore {

    @Inject
    EntityManager em;

    @Transactional
    public Optional<Instant> load() {
        List<?> rows = em.createNativeQuery("SELECT now FROM platform_clock WHERE id = 1").getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of(ClockInstantsSql.toInstant(rows.get(0)));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void save(Instant now) {
        em.createNativeQuery("INSERT INTO platform_clock (id, now) VALUES (1, ?1) "
                        + "ON CONFLICT (id) DO UPDATE SET now = EXCLUDED.now")
                .setParameter(1, Timestamp.from(now)).executeUpdate();
    }

}
