package dev.nce.notification.support;

import com.sun.net.httpserver.HttpServer;
import dev.nce.notification.domain.WebhookSignature;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny webhook receiver: verifies each delivery's HMAC signature and timestamp (rejecting bad ones with 401, like a
 * real receiver), records what it accepted, and can be told to fail the next requests.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String webhookId, String signature, String body, boolean signatureValid) {}

    private final HttpServer server;
    private final String secret;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> attemptIds = new CopyOnWriteArrayList<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private volatile int failStatus = 500;

    public WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hook", exchange -> {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            String signature = exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER);
            attemptIds.add(exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER));
            boolean valid = WebhookSignature.verify(secret, signature, body, Instant.now().getEpochSecond(), 300);
            int status;
            if (failNext.get() > 0 && failNext.decrementAndGet() >= 0) {
                status = failStatus;
            } else {
                status = valid ? 204 : 401;
                received.add(new Received(exchange.getRequestHeaders().getFirst(WebhookSignature.ID_HEADER), signature,
                        body, valid));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public String secret() { return secret; }

    public List<Received> received() { return received; }

    /** The Webhook-Id of every request, accepted or failed, in arrival order. */
    public List<String> attemptIds() { return attemptIds; }

    /** The next {@code n} requests get {@code status} (and are not recorded). */
    public void failNext(int n, int status) {
        failStatus = status;
        failNext.set(n);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
