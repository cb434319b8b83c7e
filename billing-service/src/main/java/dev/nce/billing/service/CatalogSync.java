package dev.nce.billing.service;

import dev.nce.billing.persistence.CatalogRepository;
import dev.nce.contracts.Topics;
import dev.nce.kit.kafka.KafkaClientConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * DESIGN.md section 4: at each run instant billing reads the end offsets of nce.catalog.offers.v1 and waits (at most
 * {@code billing.catalog-sync-timeout}) until its catalog consumer has reached them, so the run uses the FX rates and
 * offers the catalog had published by then.
 */
@ApplicationScoped
public class CatalogSync {

    private static final Logger LOG = Logger.getLogger(CatalogSync.class);

    @Inject
    CatalogRepository catalog;

    @Inject
    KafkaClientConfig kafka;
    @ConfigProperty(name = "billing.catalog-sync-timeout", defaultValue = "30s")
    Duration timeout;
    @ConfigProperty(name = "billing.catalog-sync.enabled", defaultValue = "true")
    boolean enabled;

    private volatile Admin admin;

    /** True when caught up; false after the timeout (the run then proceeds with what it has, logged). */
    public boolean awaitCaughtUp() {
        if (!enabled) {
            return true;
        }
        Map<Integer, Long> end;
        try {
            end = endOffsets();
        } catch (Exception e) {
            LOG.warnf("catalog sync: cannot read end offsets (%s); proceeding", e.getMessage());
            return false;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Map<Integer, Long> read = QuarkusTransaction.requiringNew().call(catalog::offsets);
            boolean caughtUp = end.entrySet().stream()
                    .allMatch(e -> e.getValue() == 0 || read.getOrDefault(e.getKey(), 0L) >= e.getValue());
            if (caughtUp) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                LOG.warnf("catalog sync: consumer at %s, topic ends at %s after %s; proceeding", read, end, timeout);
                return false;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    private Map<Integer, Long> endOffsets() throws Exception {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int p = 0; p < Topics.CATALOG_PARTITIONS; p++) {
            request.put(new TopicPartition(Topics.CATALOG_OFFERS, p), OffsetSpec.latest());
        }
        ListOffsetsResult result = admin().listOffsets(request);
        Map<Integer, Long> end = new HashMap<>();
        for (var entry : result.all().get(10, TimeUnit.SECONDS).entrySet()) {
            end.put(entry.getKey().partition(), entry.getValue().offset());
        }
        return end;
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(adminProperties(kafka));
                }
            }
        }
        return admin;
    }

    /** The sync's admin client: billing's Kafka connection and security (kit), then its own client id and timeouts. */
    static Properties adminProperties(KafkaClientConfig kafka) {
        return kafka.admin("billing-catalog-sync", 10_000);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
