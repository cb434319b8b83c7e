package dev.nce.stack;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Stands in for a Quarkus service jar in {@link StackTest}: prints the configuration it was given, answers
 * {@code /q/health/ready} with 200 and any PUT with 201 (logging it). Exits on SIGTERM like a JVM does.
 */
public final class FakeService {

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        for (String key : List.of("quarkus.http.port", "quarkus.datasource.username", "quarkus.datasource.password",
                "quarkus.datasource.jdbc.url", "quarkus.datasource.reactive.url", "kafka.bootstrap.servers",
                "nce.clock.mode", "nce.clock.start", "mp.jwt.verify.publickey.location", "mp.jwt.verify.issuer",
                "quarkus.rest-client.catalog.url", "nce.catalog.token", "quarkus.mailer.host", "quarkus.mailer.port", "quarkus.mailer.mock",
                "kafka.session.timeout.ms", "quarkus.profile", "nce.service-token.signing-key.location")) {
            // secrets arrive in the environment (issue 15 item 14), as Quarkus maps them: QUARKUS_DATASOURCE_PASSWORD
            String v = System.getProperty(key, System.getenv(key.toUpperCase().replace('.', '_').replace('-', '_')));
            if (v != null) {
                System.out.println("config " + key + "=" + v);
            }
        }
        int port = Integer.parseInt(System.getProperty("quarkus.http.port"));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", exchange -> {
            String method = exchange.getRequestMethod();
            byte[] body = exchange.getRequestBody().readAllBytes();
            int status;
            if (method.equals("GET") && exchange.getRequestURI().getPath().equals("/q/health/ready")) {
                status = 200;
            } else if (method.equals("PUT")) {
                System.out.println("PUT " + exchange.getRequestURI().getPath() + " auth="
                        + (exchange.getRequestHeaders().getFirst("Authorization") != null) + " bytes=" + body.length);
                System.out.flush();
                status = 201;
            } else {
                status = 404;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        System.out.println("started on " + port);
        System.out.flush();
    }
}
