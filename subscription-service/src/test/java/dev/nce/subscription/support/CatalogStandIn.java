package dev.nce.subscription.support;

import dev.nce.testsupport.TestTokens;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * Points the catalog REST client at {@link FakeCatalog}, served by the application under test itself: a free port is
 * chosen here so the client URL is known before start. The client's token is a real partner-admin test token.
 */
public class CatalogStandIn implements QuarkusTestResourceLifecycleManager {

    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (port == 0) {
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return Map.of(
                "quarkus.http.test-port", String.valueOf(port),
                "quarkus.rest-client.catalog.url", "http://127.0.0.1:" + port,
                "nce.catalog.token", TestTokens.partnerAdmin());
    }

    @Override
    public void stop() {}
}
