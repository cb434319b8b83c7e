package dev.nce.catalog.service;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Validates uploaded price lists off the request thread (POST answers 202 VALIDATING at once), one at a time, each in
 * its own transaction after the upload committed.
 */
@ApplicationScoped
public class PriceListValidator {

    private static final Logger LOG = Logger.getLogger(PriceListValidator.class);

    @Inject
    PriceListImportService imports;

    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "price-list-validation");
        thread.setDaemon(true);
        return thread;
    });

    public void schedule(UUID importId) {
        executor.submit(() -> {
            try {
                imports.validate(importId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "validation of price-list import %s failed", importId);
            }
        });
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
