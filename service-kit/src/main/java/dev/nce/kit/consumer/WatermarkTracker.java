package dev.nce.kit.consumer;

import dev.nce.contracts.Topics;
import dev.nce.kit.clock.PlatformClock;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;

/**
 * For services that consume nce.subscription.events.v1: records each partition's watermark in the transaction that
 * processes it, and in SIMULATED mode moves this service's clock to the lowest watermark over all partitions (the
 * instant up to which it has seen every event). Restored from the database at start.
 */
@ApplicationScoped
public class WatermarkTracker {

    @Inject
    WatermarkStore store;
    @Inject
    PlatformClock clock;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(int partition, Instant upTo) {
        store.record(Topics.SUBSCRIPTION_EVENTS, partition, upTo);
    }

    /** The instant up to which every partition is complete, if every partition has a watermark. */
    public Optional<Instant> completeUpTo() {
        return store.min(Topics.SUBSCRIPTION_EVENTS, Topics.KEYED_PARTITIONS);
    }

    /** Watermark of one partition (the partition of a customer's events). */
    public Optional<Instant> partitionUpTo(int partition) {
        return store.of(Topics.SUBSCRIPTION_EVENTS, partition);
    }

    /** Call after the watermark's transaction committed. */
    public Optional<Instant> refreshClock() {
        Optional<Instant> min = completeUpTo();
        min.ifPresent(clock::moveTo);
        return min;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        refreshClock();
    }
}
