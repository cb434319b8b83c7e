package dev.nce.notification.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.nce.notification.domain.Channel;
import dev.nce.notification.domain.NotificationKind;
import dev.nce.notification.messaging.EmailSender;
import dev.nce.notification.messaging.WebhookSender;
import dev.nce.notification.service.ClaimedDelivery;
import dev.nce.notification.service.DeliveryService;
import dev.nce.notification.service.NotificationSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 item 3: slow webhook receivers held every in-flight slot, so e-mail waited behind them. Webhooks now have
 * their own budget (nce.webhook.max-in-flight) beside e-mail's (nce.delivery.max-in-flight).
 */
class WebhookBudgetDefectTest {

    /** Ready rows in claim order: the hanging webhooks first, then one e-mail. */
    static final class Ready extends DeliveryService {
        final List<ClaimedDelivery> rows = new ArrayList<>();

        @Override
        public List<ClaimedDelivery> claimReady(int max, Instant wallNow, Map<UUID, Integer> endpointInFlight,
                                                int maxPerEndpoint) {
            return claimReady(null, max, wallNow, endpointInFlight, maxPerEndpoint);
        }

        @Override
        public List<ClaimedDelivery> claimReady(Channel channel, int max, Instant wallNow,
                                                Map<UUID, Integer> endpointInFlight, int maxPerEndpoint) {
            List<ClaimedDelivery> claimed = new ArrayList<>();
            for (ClaimedDelivery d : List.copyOf(rows)) {
                if (claimed.size() < max && (channel == null || d.channel() == channel)) {
                    claimed.add(d);
                    rows.remove(d);
                }
            }
            return claimed;
        }

        @Override
        public void recordOutcome(ClaimedDelivery attempt, Optional<String> error, Instant wallNow) {}
    }

    static ClaimedDelivery delivery(long id, Channel channel) {
        return new ClaimedDelivery(id, 1, channel, UUID.randomUUID(), NotificationKind.values()[0], "m-" + id,
                channel == Channel.EMAIL ? "ops@example.com" : "https://hooks.example.com/" + id, "secret-0123456789abcdef",
                "subject", "body", "{}", channel == Channel.EMAIL ? null : UUID.randomUUID());
    }

    @Test
    void hanging_webhooks_do_not_starve_email_of_in_flight_slots() {
        AtomicInteger emailsSent = new AtomicInteger();
        Ready ready = new Ready();
        for (long i = 1; i <= 4; i++) {
            ready.rows.add(delivery(i, Channel.WEBHOOK));
        }
        ready.rows.add(delivery(5, Channel.EMAIL));
        DeliveryDispatcher dispatcher = new DeliveryDispatcher();
        dispatcher.deliveries = ready;
        dispatcher.email = new EmailSender() {
            @Override
            public CompletionStage<Void> send(ClaimedDelivery d) {
                emailsSent.incrementAndGet();
                return CompletableFuture.completedFuture(null);
            }
        };
        dispatcher.webhooks = new WebhookSender() {
            @Override
            public CompletionStage<Void> send(ClaimedDelivery d) {
                return new CompletableFuture<>(); // a receiver that never answers
            }
        };
        dispatcher.settings = new NotificationSettings() {
            @Override
            public int maxInFlight() { return 4; }
        };
        dispatcher.enabled = true;
        dispatcher.maxPerEndpoint = 4;
        dispatcher.maxWebhooksInFlight = 4;

        dispatcher.tick();
        dispatcher.tick();

        assertThat(emailsSent.get()).isEqualTo(1);
        assertThat(ready.rows).isEmpty();
    }
}
