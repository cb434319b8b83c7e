package dev.nce.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Exits during its first start (as notification-service once did) and starts on the second; for the retry test. */
public final class FlakyService {

    private FlakyService() {
    }

    public static void main(String[] args) throws IOException {
        Path attempted = Path.of("flaky-attempted");
        if (!Files.exists(attempted)) {
            Files.writeString(attempted, "1");
            System.out.println("first attempt: giving up early");
            System.out.flush();
            System.exit(3);
        }
        int port = Integer.parseInt(System.getProperty("quarkus.http.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        System.out.println("second attempt: ready");
        System.out.flush();
    }
}
