package dev.nce.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The SMTP sink: GreenMail standalone as a child JVM ({@code java -jar greenmail-standalone.jar}) with SMTP on the
 * stack's SMTP port and its REST API (which lists received messages) on {@code mailApiPort}. Every recipient gets a
 * mailbox on delivery; nothing leaves the machine.
 */
public final class MailSink {

    static final String NAME = "mail";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One received message. {@code date} is the message's Date header as sent (RFC 5322), or "" if it has none. */
    public record Message(String recipient, String subject, String date, String messageId) {
    }

    private final StackConfig config;
    private final ChildProcesses processes;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    MailSink(StackConfig config, ChildProcesses processes) {
        this.config = config;
        this.processes = processes;
    }

    /** Reader side only ({@code ./nce mail}, tests). */
    public MailSink(StackConfig config) {
        this(config, new ChildProcesses(config));
    }

    String jar() {
        Path file = config.stackTarget().resolve("greenmail.classpath");
        try {
            String jar = Files.readString(file).trim();
            if (jar.isEmpty() || !Files.isRegularFile(Path.of(jar))) {
                throw new StackException("GreenMail jar not found (" + file + "); rebuild the stack module");
            }
            return jar;
        } catch (IOException e) {
            throw new StackException("no " + file + "; build the stack module first (./mvnw -q -pl stack -am install)");
        }
    }

    void start() {
        processes.start(NAME, List.of(ChildProcesses.javaBinary(), "-Xmx128m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", config.processMarker(),
                "-Dgreenmail.smtp.hostname=127.0.0.1", "-Dgreenmail.smtp.port=" + config.smtpPort(),
                "-Dgreenmail.api.hostname=127.0.0.1", "-Dgreenmail.api.port=" + config.mailApiPort(),
                "-Dgreenmail.auth.disabled",
                "-jar", jar()), false);
    }

    String apiBase() {
        return "http://127.0.0.1:" + config.mailApiPort() + "/api";
    }

    void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (processes.find(NAME).isEmpty()) {
                throw new StackException("the GreenMail SMTP sink exited during start-up: "
                        + KafkaBroker.lastError(config.logFile(NAME)) + " (see " + config.logFile(NAME) + ")");
            }
            if (Ports.answers("127.0.0.1", config.smtpPort(), 500) && get("/service/readiness") != null) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new StackException("the SMTP sink was not ready on port " + config.smtpPort() + " within "
                        + timeout.toSeconds() + " s (see " + config.logFile(NAME) + ")");
            }
            KafkaBroker.sleep(200);
        }
    }

    /** Every message received so far, oldest first per mailbox. */
    public List<Message> messages() {
        JsonNode users = get("/user");
        if (users == null) {
            throw new StackException("the SMTP sink does not answer on " + apiBase() + " (is the stack up?)");
        }
        List<Message> all = new ArrayList<>();
        for (JsonNode user : users) {
            String email = user.path("email").asText();
            JsonNode msgs = get("/user/" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "/messages/");
            if (msgs == null) {
                continue;
            }
            for (JsonNode m : msgs) {
                String raw = m.path("mimeMessage").asText("");
                all.add(new Message(email, m.path("subject").asText(""), header(raw, "Date"),
                        m.path("Message-ID").asText("")));
            }
        }
        all.sort(Comparator.comparing(Message::recipient));
        return all;
    }

    /** An unfolded header value from a raw RFC 5322 message, or "". */
    static String header(String raw, String name) {
        String[] lines = raw.split("\r?\n");
        String prefix = name.toLowerCase() + ":";
        for (int i = 0; i < lines.length && !lines[i].isEmpty(); i++) {
            if (lines[i].toLowerCase().startsWith(prefix)) {
                StringBuilder v = new StringBuilder(lines[i].substring(prefix.length()).trim());
                while (i + 1 < lines.length && (lines[i + 1].startsWith(" ") || lines[i + 1].startsWith("\t"))) {
                    v.append(' ').append(lines[++i].trim());
                }
                return v.toString();
            }
        }
        return "";
    }

    private JsonNode get(String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(apiBase() + path))
                    .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return null;
            }
            return JSON.readTree(r.body());
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
