package dev.nce.notification.messaging;

import dev.nce.notification.domain.WebhookSignature;
import dev.nce.notification.service.ClaimedDelivery;
import dev.nce.notification.service.NotificationSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * POSTs one signed JSON delivery (non-blocking, with a timeout, so a slow receiver never holds up other customers).
 * The signature's timestamp is wall-clock time at each attempt; a 2xx answer is success, anything else a failure.
 */
@ApplicationScoped
public class WebhookSender {

    @Inject
    NotificationSettings settings;
    @Inject
    dev.nce.notification.service.WebhookTargets targets;

    private HttpClient client;

    @PostConstruct
    void init() {
        client = HttpClient.newBuilder().connectTimeout(settings.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public CompletionStage<Void> send(ClaimedDelivery d) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request;
        try {
            // issue 15 item 3: checked again at each delivery, the host's addresses may have changed since registration
            targets.require(URI.create(d.recipient()));
        } catch (RuntimeException refused) {
            return CompletableFuture.failedFuture(new IllegalStateException("target refused: " + refused.getMessage()));
        }
        try {
            request = HttpRequest.newBuilder(URI.create(d.recipient()))
                    .timeout(settings.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "nce-notification-service/1")
                    .header(WebhookSignature.ID_HEADER, d.messageId())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.HEADER, WebhookSignature.header(d.secret(), timestamp, d.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(d.payload(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        }
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(response -> {
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("HTTP " + response.statusCode());
            }
            return null;
        });
    }
}
