package dev.nce.catalog.service;

import dev.nce.catalog.persistence.UpliftTierRepository;
import dev.nce.contracts.events.CatalogEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The shipped uplift tiers arrive by Flyway, not by a request, so nothing would publish them: on the first start the
 * catalog publishes their snapshot once (a marker row makes it once per database, whichever replica starts first).
 */
@ApplicationScoped
public class ShippedSnapshots {

    @Inject
    EntityManager em;
    @Inject
    UpliftTierRepository tiers;
    @Inject
    CatalogPublisher publisher;

    @Transactional
    void onStart(@Observes StartupEvent event) {
        int first = em.createNativeQuery("INSERT INTO catalog_publication (snapshot_key) VALUES (?1) ON CONFLICT DO NOTHING")
                .setParameter(1, CatalogEvent.UPLIFT_TIERS_KEY).executeUpdate();
        if (first == 1) {
            publisher.upliftTiers(tiers.all(), "system");
        }
    }
}
