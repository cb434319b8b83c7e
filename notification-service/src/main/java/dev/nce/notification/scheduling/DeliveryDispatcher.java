package dev.nce.notification.scheduling;

import dev.nce.notification.domain.Channel;
import dev.nce.notification.messaging.EmailSender;
import dev.nce.notification.messaging.WebhookSender;
import dev.nce.notification.service.ClaimedDelivery;
import dev.nce.notification.service.DeliveryService;
import dev.nce.notification.service.NotificationSettings;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends ready deliveries: claims up to the free in-flight capacity, starts every send without waiting (so one slow
 * receiver does not hold up another customer's delivery), and records each outcome as it completes.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    @Inject
    DeliveryService deliveries;
    @Inject
    EmailSender email;
    @Inject
    WebhookSender webhooks;
    @Inject
    NotificationSettings settings;
    @ConfigProperty(name = "nce.delivery.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "nce.webhook.max-in-flight-per-endpoint", defaultValue = "4")
    int maxPerEndpoint;

    /** Webhook deliveries' own budget (issue 15 item 3); e-mail keeps nce.delivery.max-in-flight. */
    @ConfigProperty(name = "nce.webhook.max-in-flight", defaultValue = "32")
    int maxWebhooksInFlight;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger webhooksInFlight = new AtomicInteger();
    private final Map<UUID, Integer> endpointInFlight = new ConcurrentHashMap<>();
    private final ExecutorService outcomes = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "delivery-outcomes");
        t.setDaemon(true);
        return t;
    });

    @Scheduled(every = "${nce.delivery.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void tick() {
        if (!enabled) {
            return;
        }
        try {
            Instant now = Instant.now();
            deliveries.claimReady(Channel.EMAIL, settings.maxInFlight() - inFlight.get(), now, Map.of(), maxPerEndpoint)
                    .forEach(this::start);
            deliveries.claimReady(Channel.WEBHOOK, maxWebhooksInFlight - webhooksInFlight.get(), now,
                    Map.copyOf(endpointInFlight), maxPerEndpoint).forEach(this::start);
        } catch (RuntimeException e) {
            LOG.warn("delivery tick failed; retrying on the next tick", e);
        }
    }

    private void start(ClaimedDelivery d) {
        AtomicInteger budget = d.channel() == Channel.EMAIL ? inFlight : webhooksInFlight;
        budget.incrementAndGet();
        if (d.endpointId() != null) {
            endpointInFlight.merge(d.endpointId(), 1, Integer::sum);
        }
        CompletionStage<Void> sending;
        try {
            sending = d.channel() == Channel.EMAIL ? email.send(d) : webhooks.send(d);
        } catch (RuntimeException e) {
            sending = CompletableFuture.failedFuture(e);
        }
        sending.whenCompleteAsync((ok, error) -> {
            try {
                deliveries.recordOutcome(d, Optional.ofNullable(error).map(DeliveryDispatcher::describe), Instant.now());
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not record the outcome of delivery %d; its lease expires and it is retried", d.deliveryId());
            } finally {
                budget.decrementAndGet();
                if (d.endpointId() != null) {
                    endpointInFlight.computeIfPresent(d.endpointId(), (id, n) -> n <= 1 ? null : n - 1);
                }
            }
        }, outcomes);
    }

    static String describe(Throwable error) {
        Throwable cause = error;
        while ((cause instanceof java.util.concurrent.CompletionException
                || cause instanceof java.util.concurrent.ExecutionException) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @PreDestroy
    void stop() {
        outcomes.shutdown();
    }
}
