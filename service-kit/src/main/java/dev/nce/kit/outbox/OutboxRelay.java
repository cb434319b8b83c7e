package dev.nce.kit.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import dev.nce.kit.kafka.KafkaClientConfig;
import jakarta.persistence.EntityManager;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.nce.contracts.events.EventJson;
import dev.nce.kit.deadletter.DeadLetterMetrics;
import dev.nce.kit.deadletter.DeadLetterStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Publishes outbox rows (DESIGN.md section 6): one active relay per service ({@code pg_try_advisory_xact_lock}; other
 * replicas skip the tick), unsent rows in id order (never a "last id" cursor), {@code acks=all} with an idempotent
 * producer, and rows are marked sent only after the broker acknowledged them. A crash between ack and commit resends a
 * row; consumers are idempotent on eventId.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final long RELAY_LOCK_KEY = 0x6E6365_72656CL;

    @Inject
    EntityManager em;
    @Inject
    MeterRegistry registry;
    @Inject
    DeadLetterStore deadLetters;
    @Inject
    DeadLetterMetrics deadLetterMetrics;

    @Inject
    KafkaClientConfig kafka;
    @ConfigProperty(name = "nce.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;
    @ConfigProperty(name = "nce.outbox.relay.batch-size", defaultValue = "1000")
    int batchSize;

    private volatile KafkaProducer<String, String> producer;
    private Counter published;

    @ConfigProperty(name = "nce.outbox.relay.poll-millis", defaultValue = "50")
    long pollMillis;
    @ConfigProperty(name = "nce.outbox.relay.tick-millis", defaultValue = "900")
    long tickMillis;

    @Scheduled(every = "${nce.outbox.relay.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!enabled) {
            return;
        }
        // The scheduler ticks once a second at best; within a tick the relay keeps polling every pollMillis so an
        // event waits tens of milliseconds, not a second, between commit and broker.
        long until = System.currentTimeMillis() + tickMillis;
        try {
            do {
                int sent = publishBatch();
                if (sent == 0) {
                    Thread.sleep(pollMillis);
                }
            } while (System.currentTimeMillis() < until);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay: %s (will retry)", e.getMessage());
        }
    }

    /** Publishes one batch; answers how many rows were sent (0 when another replica holds the relay lock). */
    public int publishBatch() {
        List<String> movedTopics = new ArrayList<>();
        int settled = QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            Object locked = em.createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                    .setParameter(1, RELAY_LOCK_KEY).getSingleResult();
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT id, topic, msg_key, partition, payload, headers FROM outbox "
                            + "WHERE sent_at IS NULL ORDER BY id LIMIT ?1")
                    .setParameter(1, batchSize).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            KafkaProducer<String, String> p = producer();
            for (Object[] row : rows) {
                acks.add(send(p, row));
            }
            p.flush();
            // Rows are settled in id order: acknowledged ones are marked sent, a row the broker can never take is moved
            // to the dead letters (issue 15 item 1: one row never stops the rows after it); at the first row that failed
            // for a passing reason (broker down) the batch stops, and it and the rows after it go again next tick.
            List<Long> sent = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                long id = ((Number) rows.get(i)[0]).longValue();
                Throwable failure = outcome(acks.get(i));
                if (failure == null) {
                    sent.add(id);
                } else if (isPermanent(failure)) {
                    String topic = (String) rows.get(i)[1];
                    String error = dev.nce.kit.deadletter.Failures.describe(failure);
                    deadLetters.moveOutboxRow(id, error).ifPresent(deadLetterId -> LOG.errorf(
                            "outbox row %d (%s) refused by the broker: moved to dead letter %s: %s", id, topic,
                            deadLetterId, error));
                    movedTopics.add(topic);
                } else if (((String) rows.get(i)[1]).endsWith(dev.nce.contracts.Topics.DEAD_LETTER_SUFFIX)) {
                    // a dead-letter copy has no order to keep: it waits for the next tick without holding the others
                    LOG.warnf("dead-letter copy %d not acknowledged (%s): tried again later", id,
                            dev.nce.kit.deadletter.Failures.describe(failure));
                } else {
                    LOG.warnf("outbox row %d not acknowledged (%s): it and the rows after it go again",
                            id, dev.nce.kit.deadletter.Failures.describe(failure));
                    break;
                }
            }
            if (!sent.isEmpty()) {
                em.createNativeQuery("UPDATE outbox SET sent_at = now() WHERE id IN (?1)")
                        .setParameter(1, sent).executeUpdate();
                counter().increment(sent.size());
            }
            return sent.size() + movedTopics.size();
        });
        if (!movedTopics.isEmpty()) { // after commit
            movedTopics.forEach(topic -> deadLetterMetrics.filed(topic, dev.nce.kit.deadletter.DeadLetter.Source.OUTBOX));
            deadLetterMetrics.refresh();
        }
        return settled;
    }

    private static Future<RecordMetadata> send(KafkaProducer<String, String> producer, Object[] row) {
        Integer partition = row[3] == null ? null : ((Number) row[3]).intValue();
        ProducerRecord<String, String> record = new ProducerRecord<>((String) row[1], partition, (String) row[2],
                (String) row[4]);
        if (row[5] != null) {
            Map<String, String> headers = readHeaders((String) row[5]);
            headers.forEach((name, value) -> record.headers().add(name,
                    value == null ? null : value.getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return producer.send(record);
        } catch (KafkaException e) {
            return CompletableFuture.failedFuture(e); // e.g. SerializationException: the row's own fault
        }
    }

    private static Map<String, String> readHeaders(String json) {
        try {
            return EventJson.mapper().readValue(json, new TypeReference<Map<String, String>>() { });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("outbox headers are not a JSON object of strings", e);
        }
    }

    /** Null when acknowledged, else the failure. */
    private static Throwable outcome(Future<RecordMetadata> ack) throws InterruptedException {
        try {
            ack.get(30, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            return e;
        }
    }

    /** Failures of the record itself, which no retry can fix (a broker or authorization problem is not one). */
    static boolean isPermanent(Throwable failure) {
        return failure instanceof RecordTooLargeException || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidRecordException || failure instanceof SerializationException
                || failure instanceof InvalidTopicException;
    }

    private Counter counter() {
        if (published == null) {
            published = Counter.builder("nce_outbox_published_total").description("Outbox rows published").register(registry);
        }
        return published;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            synchronized (this) {
                if (producer == null) {
                    producer = new KafkaProducer<>(producerProperties(kafka));
                }
            }
        }
        return producer;
    }

    /** The relay producer's settings: the service's Kafka connection and security, then the relay's own tuning. */
    static Properties producerProperties(KafkaClientConfig kafka) {
        Properties props = kafka.connection();
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        return props;
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
