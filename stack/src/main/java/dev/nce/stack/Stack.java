package dev.nce.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
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
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The whole local runtime, shared by {@code ./nce} and the e2e tests: PostgreSQL databases, a Kafka broker with every
 * topic, the SMTP sink, the JWT key pair and the four services, each a child JVM tracked by a PID file.
 */
public final class Stack {

    /** What {@code ./nce status} shows for one process. */
    public record ProcessStatus(String name, long pid, String endpoint, boolean ready, long rssBytes) {
        public boolean running() {
            return pid > 0;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackConfig config;
    private final Consumer<String> out;
    private final ChildProcesses processes;
    private KafkaBroker broker;
    private boolean secureMode;
    private SecureKafka secure;
    private final MailSink mail;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String effectiveClockStart;
    private final Map<String, String> extraServiceProperties = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile int billingWorkers = 1;
    private Thread shutdownHook;

    public Stack(StackConfig config, Consumer<String> out) {
        this.config = config;
        this.out = out;
        this.processes = new ChildProcesses(config);
        this.broker = new KafkaBroker(config, processes);
        this.mail = new MailSink(config, processes);
        this.effectiveClockStart = config.clockStart();
    }

    public StackConfig config() {
        return config;
    }

    public MailSink mail() {
        return mail;
    }

    /** Tokens signed with this stack's key. */
    public DevTokens tokens() {
        return DevTokens.fromDir(config.jwtDir());
    }

    public String url(Service s) {
        return config.url(s);
    }

    /** The clock start the services were given, or null when subscription-service restores its own. */
    public String clockStart() {
        return effectiveClockStart;
    }

    /** Brings the whole stack up: infrastructure, then the four services, then the demo catalog. */
    public void up() {
        up(true);
    }

    /**
     * Brings the stack up; with {@code withServices=false} only PostgreSQL, the broker (with its topics), the SMTP sink
     * and the keys. On any failure everything this call started is stopped again.
     */
    public void up(boolean withServices) {
        if (withServices) {
            for (Service s : Service.values()) {
                if (!Files.isRegularFile(config.serviceJar(s))) {
                    throw new StackException(s.moduleName() + " is not built: " + config.serviceJar(s)
                            + " is missing (./mvnw -q -Plaunch package)");
                }
            }
        }
        List<String> running = runningNames();
        if (!running.isEmpty()) {
            if (config.stopOnExit()) {
                Optional<ProcessHandle> owner = liveOwner();
                if (owner.isPresent()) {
                    throw new StackException("the stack under " + config.base() + " is in use by another run (JVM pid "
                            + owner.get().pid() + ")");
                }
                out.accept("stopping processes left from an earlier run: " + running);
                down();
            } else {
                throw new StackException("the stack under " + config.base() + " is already running (" + String.join(", ", running)
                        + "); see ./nce status, or ./nce down first");
            }
        }
        checkPorts(withServices);

        long t0 = System.nanoTime();
        JwtKeys.ensure(config.jwtDir());
        if (config.stopOnExit()) {
            installShutdownHook();
        }
        try {
            if (config.fresh()) {
                KafkaBroker.deleteTree(config.logs());
            }
            if (secureMode) {
                if (!config.fresh() && !Files.isRegularFile(config.base().resolve("kafka-tls/secrets.properties"))
                        && Files.isDirectory(config.kafkaDir())) {
                    throw new StackException("the broker data was created without --secure: start with --secure --fresh");
                }
                secure = SecureKafka.prepare(config.base().resolve("kafka-tls"), config.fresh());
                broker = new KafkaBroker(config, processes, secure);
            }
            // The broker and the SMTP sink boot while PostgreSQL is prepared.
            broker.start(config.fresh());
            mail.start();
            Postgres pg = new Postgres(config, out);
            pg.ensureRunning();
            boolean freshClock = config.fresh() || !pg.hasTables(config.db(Service.SUBSCRIPTION).database());
            pg.ensureDatabases(config.fresh());
            if (effectiveClockStart == null && freshClock) {
                effectiveClockStart = StackConfig.todayUtc();
            }
            out.accept(progress(t0, "PostgreSQL databases ready on " + config.pgHost() + ":" + config.pgPort()));
            broker.awaitReady(Duration.ofSeconds(60));
            broker.createTopics();
            broker.createAcls();
            out.accept(progress(t0, "Kafka broker ready on " + config.bootstrapServers() + " with its topics"
                    + (secure != null ? " (SASL_SSL, SCRAM-SHA-512, a user and ACLs per service)" : "")));
            mail.awaitReady(Duration.ofSeconds(60));
            out.accept(progress(t0, "SMTP sink ready on 127.0.0.1:" + config.smtpPort()));
            if (withServices) {
                // the four services start together; the console (no state, reads their APIs) only once they are
                // ready, so its JVM start does not compete with theirs
                EnumSet<Service> services = EnumSet.complementOf(EnumSet.of(Service.CONSOLE));
                for (Service s : services) {
                    startProcess(s, false, true);
                }
                for (int i = 1; i <= billingWorkers; i++) {
                    startWorker(i);
                }
                awaitReady(services);
                awaitWorkersReady(billingWorkers);
                out.accept(progress(t0, "services ready (billing-service with " + billingWorkers + " invoice worker process(es))"));
                startProcess(Service.CONSOLE, false, true);
                awaitReady(EnumSet.of(Service.CONSOLE));
                out.accept(progress(t0, "web console ready on " + config.url(Service.CONSOLE)));
                if (config.loadDemoCatalog()) {
                    loadDemoCatalog();
                }
            }
        } catch (RuntimeException | IOException e) {
            down();
            if (e instanceof StackException se) {
                throw se;
            }
            throw new StackException(e.getMessage(), e);
        }
    }

    private static String progress(long t0, String what) {
        return String.format(java.util.Locale.ROOT, "  %5.1f s  %s", (System.nanoTime() - t0) / 1e9, what);
    }

    /** Stops every process of this stack (services first, then the broker and the SMTP sink) and waits for them. */
    public void down() {
        List<Thread> stoppers = new ArrayList<>();
        for (String name : serviceProcessNames()) {
            Thread t = new Thread(() -> processes.stop(name), "stop-" + name);
            t.start();
            stoppers.add(t);
        }
        joinAll(stoppers);
        processes.stop(KafkaBroker.NAME);
        processes.stop(MailSink.NAME);
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException ignored) {
                // already shutting down
            }
            shutdownHook = null;
        }
    }

    /** Stops one service by its PID and waits until it has exited. */
    public void stop(Service s) {
        processes.stop(s.shortName());
    }

    /**
     * Kills one service abruptly (SIGKILL through its PID, as a crash would) and waits until it has exited; the e2e
     * restart journeys use it. Returns the killed PID, or -1 when the service was not running.
     */
    public long kill(Service s) {
        return processes.kill(s.shortName());
    }

    /**
     * Throws the whole stack away and brings it up again fresh (databases and broker data wiped, the clock back at the
     * configured start). Only for fresh configurations (e2e): as nothing survives, every process is SIGKILLed instead
     * of stopped gracefully, which saves the services' and the broker's shutdown time.
     */
    public void restartFresh() {
        if (!config.fresh()) {
            throw new StackException("restartFresh needs a fresh configuration (the e2e stack); use down() and up()");
        }
        List<Thread> killers = new ArrayList<>();
        for (String name : serviceProcessNames()) {
            Thread t = new Thread(() -> processes.kill(name), "kill-" + name);
            t.start();
            killers.add(t);
        }
        joinAll(killers);
        processes.kill(KafkaBroker.NAME);
        processes.kill(MailSink.NAME);
        up();
    }

    /** A system property given to every service started from now on (e2e tuning, e.g. Kafka consumer timeouts). */
    public Stack serviceProperty(String key, String value) {
        extraServiceProperties.put(key, value);
        return this;
    }

    /**
     * How many billing invoice-worker processes {@link #up()} starts beside billing-service (default 1). As on Kubernetes
     * (Deployment billing-worker, QUARKUS_PROFILE=worker), only these processes consume invoice tasks.
     */
    public Stack billingWorkers(int count) {
        if (count < 0 || count > MAX_BILLING_WORKERS) {
            throw new StackException("billing workers must be 0.." + MAX_BILLING_WORKERS + ", not " + count);
        }
        this.billingWorkers = count;
        return this;
    }

    /** At most one worker per partition of nce.billing.invoice-tasks.v1: more would sit idle. */
    public static final int MAX_BILLING_WORKERS = dev.nce.contracts.Topics.KEYED_PARTITIONS;

    /** The process name of billing invoice worker {@code i} (1-based): {@code billing-worker-1}, ... */
    public static String workerName(int i) {
        return "billing-worker-" + i;
    }

    /** HTTP port of worker {@code i}: billing's port + 100 i (8183, 8283, ...; e2e 18183, ...). */
    public int workerPort(int i) {
        return config.port(Service.BILLING) + 100 * i;
    }

    public String workerUrl(int i) {
        return "http://127.0.0.1:" + workerPort(i);
    }

    /** The numbers of the worker processes alive now. */
    public List<Integer> runningWorkers() {
        List<Integer> running = new ArrayList<>();
        for (int i = 1; i <= MAX_BILLING_WORKERS; i++) {
            if (processes.find(workerName(i)).isPresent()) {
                running.add(i);
            }
        }
        return running;
    }

    /**
     * Scales the billing invoice workers of a running stack to exactly {@code count} processes (1..count), as KEDA
     * scales the billing-worker Deployment, and waits until the new ones are ready. 0 stops them all; queued tasks
     * then wait on the topic until a worker starts.
     */
    public void scaleBillingWorkers(int count) {
        billingWorkers(count);
        List<Thread> stoppers = new ArrayList<>();
        for (int i : runningWorkers()) {
            if (i > count) {
                String name = workerName(i);
                Thread t = new Thread(() -> processes.stop(name), "stop-" + name);
                t.start();
                stoppers.add(t);
            }
        }
        joinAll(stoppers);
        for (int i = 1; i <= count; i++) {
            if (processes.find(workerName(i)).isEmpty()) {
                if (!Ports.isFree(workerPort(i))) {
                    throw new StackException("port " + workerPort(i) + " (" + workerName(i) + ") is already in use");
                }
                startWorker(i);
            }
        }
        awaitWorkersReady(count);
    }

    /** billing-service's command line in the worker profile, on the worker's own port. */
    List<String> workerCommand(int i) {
        List<String> cmd = new ArrayList<>(serviceCommand(Service.BILLING, false));
        cmd.replaceAll(arg -> arg.startsWith("-Dquarkus.http.port=") ? "-Dquarkus.http.port=" + workerPort(i) : arg);
        cmd.add(cmd.indexOf("-jar"), "-Dquarkus.profile=worker");
        return cmd;
    }

    private void startWorker(int i) {
        processes.start(workerName(i), workerCommand(i), serviceEnvironment(Service.BILLING), true);
    }

    private boolean workerReady(int i) {
        return answers200(workerUrl(i) + "/q/health/ready");
    }

    private void awaitWorkersReady(int count) {
        long deadline = System.nanoTime() + config.readyTimeout().toNanos();
        for (int i = 1; i <= count; i++) {
            while (!workerReady(i)) {
                if (processes.find(workerName(i)).isEmpty()) {
                    Path log = config.logFile(workerName(i));
                    out.accept("--- last lines of " + log);
                    out.accept(ChildProcesses.tail(log, 25));
                    throw new StackException(workerName(i) + " failed to start: " + startFailure(log) + " (log: " + log + ")");
                }
                if (System.nanoTime() > deadline) {
                    throw new StackException("not ready within " + config.readyTimeout().toSeconds() + " s: " + workerName(i));
                }
                KafkaBroker.sleep(250);
            }
        }
    }

    /** The four services and every billing worker slot, for stopping. */
    private List<String> serviceProcessNames() {
        List<String> names = new ArrayList<>();
        for (Service s : Service.values()) {
            names.add(s.shortName());
        }
        for (int i = 1; i <= MAX_BILLING_WORKERS; i++) {
            names.add(workerName(i));
        }
        return names;
    }

    /**
     * {@code ./nce up --secure} (issue 14 part 2): the broker listens with SASL_SSL only, each service connects as its
     * own SCRAM user limited by ACLs, with the Kafka variables the chart renders (KAFKA_SECURITY_PROTOCOL, ...).
     */
    public Stack secure(boolean on) {
        this.secureMode = on;
        return this;
    }

    /** The Kafka variables of one service as the chart renders them, on the secure stack; empty on the plain one. */
    Map<String, String> kafkaEnv(Service s) {
        if (secure == null) {
            return Map.of();
        }
        String user = KafkaAccess.of(s).user();
        return Map.of("KAFKA_SECURITY_PROTOCOL", "SASL_SSL",
                "KAFKA_SASL_MECHANISM", SecureKafka.MECHANISM,
                "KAFKA_SASL_JAAS_CONFIG", SecureKafka.jaas(user, secure.password(user)),
                "KAFKA_SSL_TRUSTSTORE_TYPE", "PEM",
                "KAFKA_SSL_TRUSTSTORE_LOCATION", secure.caPem().toString());
    }

    /** Starts one service (log appended) and waits until it is ready. */
    public void start(Service s) {
        if (processes.find(s.shortName()).isPresent()) {
            throw new StackException(s.moduleName() + " is already running");
        }
        if (!Ports.isFree(config.port(s))) {
            throw new StackException("port " + config.port(s) + " (" + s.moduleName() + ") is already in use");
        }
        startProcess(s, true, false);
        awaitReady(EnumSet.of(s));
    }

    public boolean isRunning(Service s) {
        return processes.find(s.shortName()).isPresent();
    }

    public Optional<Long> pid(Service s) {
        return processes.find(s.shortName()).map(ProcessHandle::pid);
    }

    /** Every process of the stack with its PID (or -1), endpoint, readiness and RSS. */
    public List<ProcessStatus> status() {
        List<ProcessStatus> list = new ArrayList<>();
        for (Service s : Service.values()) {
            Optional<ProcessHandle> h = processes.find(s.shortName());
            list.add(new ProcessStatus(s.moduleName(), h.map(ProcessHandle::pid).orElse(-1L), config.url(s),
                    h.isPresent() && ready(s), h.map(p -> ChildProcesses.rssBytes(p.pid())).orElse(-1L)));
        }
        for (int i : runningWorkers()) {
            Optional<ProcessHandle> w = processes.find(workerName(i));
            list.add(new ProcessStatus(workerName(i), w.map(ProcessHandle::pid).orElse(-1L), workerUrl(i),
                    w.isPresent() && workerReady(i), w.map(p -> ChildProcesses.rssBytes(p.pid())).orElse(-1L)));
        }
        Optional<ProcessHandle> b = processes.find(KafkaBroker.NAME);
        list.add(new ProcessStatus("kafka-broker", b.map(ProcessHandle::pid).orElse(-1L), config.bootstrapServers(),
                b.isPresent() && Ports.answers("127.0.0.1", config.brokerPort(), 500),
                b.map(p -> ChildProcesses.rssBytes(p.pid())).orElse(-1L)));
        Optional<ProcessHandle> m = processes.find(MailSink.NAME);
        list.add(new ProcessStatus("smtp-sink", m.map(ProcessHandle::pid).orElse(-1L), "smtp://127.0.0.1:" + config.smtpPort(),
                m.isPresent() && Ports.answers("127.0.0.1", config.smtpPort(), 500),
                m.map(p -> ChildProcesses.rssBytes(p.pid())).orElse(-1L)));
        return list;
    }

    /**
     * The JVM that started this stack's live processes, if it is another one that is still running (an e2e run in
     * progress). Orphans of a run that died belong to init or a subreaper, not to a java process.
     */
    private Optional<ProcessHandle> liveOwner() {
        List<String> names = new ArrayList<>(List.of(KafkaBroker.NAME, MailSink.NAME));
        for (Service s : Service.values()) {
            names.add(s.shortName());
        }
        long self = ProcessHandle.current().pid();
        for (String name : names) {
            Optional<ProcessHandle> parent = processes.find(name).flatMap(ProcessHandle::parent)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.pid() != self && p.pid() != 1)
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false));
            if (parent.isPresent()) {
                return parent;
            }
        }
        return Optional.empty();
    }

    /** Names of the processes of this stack that are alive now. */
    public List<String> runningNames() {
        List<String> names = new ArrayList<>();
        for (Service s : Service.values()) {
            processes.find(s.shortName()).ifPresent(p -> names.add(s.moduleName()));
        }
        for (int i : runningWorkers()) {
            names.add(workerName(i));
        }
        processes.find(KafkaBroker.NAME).ifPresent(p -> names.add("kafka-broker"));
        processes.find(MailSink.NAME).ifPresent(p -> names.add("smtp-sink"));
        return names;
    }

    // ---------------------------------------------------------------------------------------------------------------

    private void checkPorts(boolean withServices) {
        Map<Integer, String> ports = new LinkedHashMap<>();
        ports.put(config.brokerPort(), "Kafka broker");
        ports.put(config.controllerPort(), "Kafka controller");
        ports.put(config.smtpPort(), "SMTP sink");
        ports.put(config.mailApiPort(), "SMTP sink API");
        if (withServices) {
            for (Service s : Service.values()) {
                ports.put(config.port(s), s.moduleName());
            }
            for (int i = 1; i <= billingWorkers; i++) {
                ports.put(workerPort(i), workerName(i));
            }
        }
        for (Map.Entry<Integer, String> p : ports.entrySet()) {
            if (!Ports.isFree(p.getKey())) {
                throw new StackException("port " + p.getKey() + " (" + p.getValue() + ") is already in use; free it or stop what runs there");
            }
        }
    }

    List<String> serviceCommand(Service s) {
        return serviceCommand(s, true);
    }

    /**
     * The command line of one service; {@code withClockStart=false} leaves out {@code nce.clock.start}, for a service
     * restarted into a running stack: subscription-service then restores its persisted clock instead of refusing a
     * start instant behind it.
     */
    List<String> serviceCommand(Service s, boolean withClockStart) {
        if (s == Service.CONSOLE) {
            return consoleCommand();
        }
        DbSpec db = config.db(s);
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", config.processMarker(),
                "-Dquarkus.http.port=" + config.port(s),
                "-Dquarkus.datasource.username=" + db.user(),
                "-Dquarkus.datasource.jdbc.url=" + db.jdbcUrl(config.pgHost(), config.pgPort()),
                "-Dquarkus.datasource.reactive.url=" + db.reactiveUrl(config.pgHost(), config.pgPort()),
                "-Dkafka.bootstrap.servers=" + config.bootstrapServers(),
                "-Dnce.clock.mode=simulated",
                "-Dmp.jwt.verify.publickey.location=file:" + config.jwtDir().resolve(JwtKeys.PUBLIC_KEY),
                "-Dmp.jwt.verify.issuer=" + DevTokens.ISSUER,
                "-Dnce.jwt.development-key-allowed=true")); // the local stack is a development environment
        // API.md: locally /q/openapi, /q/swagger-ui and /q/metrics are open (the prod profile puts them behind roles)
        cmd.add("-Dquarkus.http.auth.permission.ops.enabled=false");
        if (withClockStart && effectiveClockStart != null) {
            cmd.add("-Dnce.clock.start=" + effectiveClockStart);
        }
        if (s == Service.SUBSCRIPTION) {
            cmd.add("-Dquarkus.rest-client.catalog.url=" + config.url(Service.CATALOG));
            // issue 14 part 6: subscription signs and renews its own short-lived catalog token with the stack's key
            cmd.add("-Dnce.service-token.signing-key.location=file:" + config.jwtDir().resolve(JwtKeys.PRIVATE_KEY));
        }
        if (s == Service.NOTIFICATION) {
            // NOTICE_* reminders read the next term's price from GET /v1/renewals (issue 21), with a self-signed,
            // self-renewing token (issue 14 part 6)
            cmd.add("-Dquarkus.rest-client.subscription.url=" + config.url(Service.SUBSCRIPTION));
            cmd.add("-Dnce.service-token.signing-key.location=file:" + config.jwtDir().resolve(JwtKeys.PRIVATE_KEY));
            cmd.add("-Dquarkus.mailer.host=127.0.0.1");
            cmd.add("-Dquarkus.mailer.port=" + config.smtpPort());
            cmd.add("-Dquarkus.mailer.mock=false");
        }
        extraServiceProperties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(config.serviceJar(s).toString());
        return cmd;
    }

    /**
     * The console's command line (issue 21): the four services' URLs, the development login with this stack's key
     * (the local and e2e stacks only) and the Clock screen.
     */
    List<String> consoleCommand() {
        List<String> cmd = new ArrayList<>(List.of(ChildProcesses.javaBinary(), "-Xmx192m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", config.processMarker(),
                "-Dquarkus.http.port=" + config.port(Service.CONSOLE),
                "-Dnce.console.catalog.url=" + config.url(Service.CATALOG),
                "-Dnce.console.subscription.url=" + config.url(Service.SUBSCRIPTION),
                "-Dnce.console.billing.url=" + config.url(Service.BILLING),
                "-Dnce.console.notification.url=" + config.url(Service.NOTIFICATION),
                "-Dnce.console.dev-login.key=" + config.jwtDir().resolve(JwtKeys.PRIVATE_KEY),
                "-Dnce.console.local-stack=true"));
        cmd.add("-jar");
        cmd.add(config.serviceJar(Service.CONSOLE).toString());
        return cmd;
    }

    /**
     * What a service reads from its environment: the database password (never on the command line, issue 15 item 14),
     * the secure stack's Kafka settings (issue 14), and that webhooks may target localhost over http here (issue 15
     * item 3).
     */
    Map<String, String> serviceEnvironment(Service s) {
        if (!s.hasDatabase()) {
            return Map.of(); // the console: no database, no Kafka, no secret of its own
        }
        Map<String, String> env = new LinkedHashMap<>(kafkaEnv(s));
        env.put("QUARKUS_DATASOURCE_PASSWORD", config.db(s).password());
        if (s == Service.NOTIFICATION) {
            env.put("NCE_WEBHOOKS_ALLOW_PRIVATE_TARGETS", "true");
        }
        return env;
    }

    void startProcess(Service s, boolean appendLog, boolean withClockStart) {
        if (!Files.isRegularFile(config.serviceJar(s))) {
            throw new StackException(s.moduleName() + " is not built: " + config.serviceJar(s) + " is missing");
        }
        lastStart.put(s, withClockStart);
        processes.start(s.shortName(), serviceCommand(s, withClockStart), serviceEnvironment(s), appendLog);
    }

    /** How each service was last started, to start it the same way once more (issue 15 item 17). */
    private final Map<Service, Boolean> lastStart = new java.util.concurrent.ConcurrentHashMap<>();
    private final Set<Service> retried = EnumSet.noneOf(Service.class);

    boolean ready(Service s) {
        return answers200(config.url(s) + "/q/health/ready");
    }

    private boolean answers200(String url) {
        try {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(3)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Polls {@code /q/health/ready} of each service; a service that exits or stays unready fails the start-up. */
    void awaitReady(Set<Service> services) {
        Set<Service> pending = EnumSet.copyOf(services);
        long deadline = System.nanoTime() + config.readyTimeout().toNanos();
        while (!pending.isEmpty()) {
            for (Service s : List.copyOf(pending)) {
                if (processes.find(s.shortName()).isEmpty() && !processes.startedHereAndAlive(s.shortName())) {
                    Path log = config.logFile(s.shortName());
                    String exit = processes.exitCode(s.shortName()).map(c -> " (exit code " + c + ")").orElse("");
                    if (retried.add(s)) {
                        // issue 15 item 17: a service that exits during start is started once more; its log is appended
                        // to, so the first attempt's output stays readable
                        out.accept(s.moduleName() + " exited during start" + exit + ": " + startFailure(log)
                                + "; starting it once more");
                        appendMarker(log, "--- " + s.moduleName() + " exited during start" + exit + "; second attempt");
                        processes.start(s.shortName(), serviceCommand(s, lastStart.getOrDefault(s, true)),
                                serviceEnvironment(s), true);
                        continue;
                    }
                    out.accept("--- last lines of " + log);
                    out.accept(ChildProcesses.tail(log, 25));
                    throw new StackException(s.moduleName() + " failed to start: " + startFailure(log)
                            + " (" + (exit.isEmpty() ? "" : exit.trim().substring(1, exit.trim().length() - 1) + "; ")
                            + "log: " + log + ")");
                }
                if (ready(s)) {
                    pending.remove(s);
                }
            }
            if (pending.isEmpty()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                for (Service s : pending) {
                    Path log = config.logFile(s.shortName());
                    out.accept("--- last lines of " + log);
                    out.accept(ChildProcesses.tail(log, 25));
                }
                throw new StackException("not ready within " + config.readyTimeout().toSeconds() + " s: "
                        + pending.stream().map(Service::moduleName).toList() + " (GET /q/health/ready did not answer 200)");
            }
            KafkaBroker.sleep(250);
        }
    }

    private static void appendMarker(Path log, String line) {
        try {
            Files.writeString(log, System.lineSeparator() + line + System.lineSeparator(), StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            // the marker is a courtesy; the retry goes on
        }
    }

        private static final java.util.regex.Pattern LOG_PREFIX =
            java.util.regex.Pattern.compile("^\\S+ \\S+ +ERROR +\\[[^\\]]*\\] +(\\([^)]*\\) +)?");

    /**
     * The most telling line of a failed start: for Quarkus's "Failed to start application", the innermost
     * "Caused by" after it; else the first ERROR message (without the log prefix); else the last line.
     */
    static String startFailure(Path log) {
        List<String> lines = ChildProcesses.tail(log, 400).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (!line.contains("ERROR")) {
                continue;
            }
            if (line.contains("Failed to start application")) {
                String causedBy = null;
                for (String later : lines.subList(i + 1, lines.size())) {
                    if (later.startsWith("Caused by:")) {
                        causedBy = later.trim();
                    }
                }
                if (causedBy != null) {
                    return causedBy;
                }
            }
            return LOG_PREFIX.matcher(line.trim()).replaceFirst("");
        }
        return lines.isEmpty() ? "(empty log)" : lines.get(lines.size() - 1).trim();
    }

    /** Loads {@code stack/src/main/resources/demo-catalog.json} (arrays {@code offers}, {@code fxRates}, {@code promotions}), if present. */
    private void loadDemoCatalog() throws IOException {
        JsonNode doc = demoCatalog();
        if (doc == null) {
            return;
        }
        int offers = 0;
        for (JsonNode offer : doc.path("offers")) {
            String id = offer.path("offerId").asText();
            if (putDemo("/v1/offers/" + URLEncoder.encode(id, StandardCharsets.UTF_8), offer)) {
                offers++;
            }
        }
        int rates = 0;
        for (JsonNode rate : doc.path("fxRates")) {
            JsonNode body = JSON.createObjectNode().put("rate", rate.path("rate").asText())
                    .put("effectiveFrom", rate.path("effectiveFrom").asText());
            if (putDemo("/v1/fx-rates/" + rate.path("currency").asText(), body)) {
                rates++;
            }
        }
        int promotions = 0;
        for (JsonNode promotion : doc.path("promotions")) {
            String id = promotion.path("promotionId").asText();
            ObjectNode body = promotion.deepCopy();
            body.remove("promotionId");
            if (putDemo("/v1/promotions/" + URLEncoder.encode(id, StandardCharsets.UTF_8), body)) {
                promotions++;
            }
        }
        out.accept("demo catalog: " + offers + " offer(s), " + rates + " FX rate(s) and " + promotions
                + " promotion(s) loaded");
    }

    /** PUT through the public catalog API; a refusal is a warning line, not a failed start. */
    private boolean putDemo(String path, JsonNode body) throws IOException {
        HttpResponse<String> r;
        try {
            r = http.send(HttpRequest.newBuilder(URI.create(config.url(Service.CATALOG) + path))
                            .timeout(Duration.ofSeconds(30))
                            .header("Authorization", "Bearer " + tokens().admin())
                            .header("Content-Type", "application/json")
                            .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while loading the demo catalog");
        }
        if (r.statusCode() == 200 || r.statusCode() == 201) {
            return true;
        }
        out.accept("warning: demo catalog: PUT " + path + " answered " + r.statusCode() + ": " + r.body().replace('\n', ' '));
        return false;
    }

    private JsonNode demoCatalog() throws IOException {
        Path file = config.root().resolve("stack/src/main/resources/demo-catalog.json");
        if (Files.isRegularFile(file)) {
            return JSON.readTree(file.toFile());
        }
        try (InputStream in = Stack.class.getResourceAsStream("/demo-catalog.json")) {
            return in == null ? null : JSON.readTree(in);
        }
    }

    private void installShutdownHook() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::down, "nce-stack-down");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
