package dev.nce.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nce.stack.DevTokens;
import dev.nce.stack.Service;
import dev.nce.stack.Stack;
import dev.nce.stack.StackConfig;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code ./nce bench invoice-run [--subscriptions N]}: loads N monthly-billed subscriptions (default 1,000,000 over
 * N/10 customers) into billing's ledger in bulk, runs one closed period through the real fan-out (outbox, broker,
 * invoice-task workers, PostgreSQL), waits until every invoice is committed and numbered, checks the count and the
 * grand total against an independent sum, and prints as its last line
 * {@code invoice-run: <N> subscriptions, <C> invoices, <W> s, <R> subscriptions/s, peak RSS <M> MiB}
 * (wall time from the run request to the numbered invoices; peak RSS of billing-service meanwhile).
 * With {@code --workers N} the stack's billing worker processes (QUARKUS_PROFILE=worker, the only consumers of
 * invoice tasks, as the billing-worker Deployment) are scaled to N first, and the tasks each billing process built
 * are printed: the REST process builds none. {@code --from-zero} stops every worker, requests the run, checks that no
 * task is built meanwhile, then scales to N (as KEDA does from minReplicas 0).
 */
public final class InvoiceRunBench {

    public static void main(String[] args) throws Exception {
        List<String> list = Arrays.asList(args);
        if (list.isEmpty() || !"invoice-run".equals(list.get(0))) {
            System.err.println(BenchOptions.usage());
            System.exit(2);
        }
        try {
            System.exit(run(BenchOptions.parse(list.subList(1, list.size()))));
        } catch (IllegalArgumentException e) {
            System.err.println("bench: " + e.getMessage());
            System.exit(2);
        }
    }

    static int run(BenchOptions options) throws Exception {
        StackConfig stack = StackConfig.local(StackConfig.findRoot(), null, false);
        String billingUrl = options.billingUrl() != null ? options.billingUrl() : stack.url(Service.BILLING);
        var db = stack.db(Service.BILLING);
        String jdbcUrl = options.jdbcUrl() != null ? options.jdbcUrl() : db.jdbcUrl(stack.pgHost(), stack.pgPort());
        String user = options.dbUser() != null ? options.dbUser() : db.user();
        String password = options.dbPassword() != null ? options.dbPassword() : db.password();
        String token = options.token() != null ? options.token() : DevTokens.fromDir(stack.jwtDir()).admin();
        long pid = options.billingPid() > 0 ? options.billingPid() : pidOf(stack.pidFile(Service.BILLING.shortName()));
        BillingApi api = new BillingApi(billingUrl, token);
        Stack local = new Stack(stack, line -> log("%s", line));
        if (options.workers() > 0 && !options.fromZero()) {
            local.scaleBillingWorkers(options.workers());
        } else if (options.fromZero()) {
            local.scaleBillingWorkers(0);
        }
        List<Integer> workers = local.runningWorkers();
        Map<String, Double> tasksBefore = tasksByProcess(local, billingUrl, options.fromZero() ? options.workers() : workers.size());
        log("billing processes: REST %s and %d invoice worker(s)%s", billingUrl, workers.size(),
                options.fromZero() ? " (to be scaled from 0 to " + options.workers() + ")" : "");

        BillingApi.Answer clock = api.get("/admin/clock");
        if (clock.status() != 200) {
            System.err.println("bench: billing-service at " + billingUrl + " answered " + clock.status()
                    + " to GET /admin/clock; is the stack up (./nce up)?");
            return 1;
        }
        Instant now = Instant.parse(clock.body().get("now").asText());
        YearMonth period = options.period() != null ? options.period() : freePeriod(api,
                YearMonth.from(now.atZone(ZoneOffset.UTC)).minusMonths(1));
        String tag = UUID.randomUUID().toString().substring(0, 8);
        SyntheticLedger ledger = new SyntheticLedger(tag, period, options.subscriptions(), options.customers(),
                options.seed());
        log("billing at %s (clock %s); period %s; %,d subscriptions over %,d customers (tag %s)", billingUrl, now,
                period, options.subscriptions(), options.customers(), tag);

        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password)) {
            long loadStart = System.nanoTime();
            LedgerLoader.Loaded loaded = LedgerLoader.load(connection, ledger);
            log("loaded the ledger in %.1f s; expected grand total %s USD", seconds(loadStart), loaded.expectedTotal());

            long started = System.nanoTime();
            String runId;
            try (RssSampler rss = new RssSampler(pid)) {
                BillingApi.Answer answer = api.post("/v1/invoice-runs", "{\"period\":\"" + period + "\"}");
                if (answer.status() != 201 && answer.status() != 200) {
                    System.err.println("bench: POST /v1/invoice-runs answered " + answer.status() + ": "
                            + answer.body());
                    return 1;
                }
                runId = answer.body().get("runId").asText();
                log("%6.1f s  run %s (%d): %d customers, tasks dispatched", seconds(started), runId,
                        answer.status(), answer.body().get("customersTotal").asInt());
                if (options.fromZero()) {
                    Thread.sleep(5_000);
                    int done = tasksDone(connection, runId);
                    log("%6.1f s  no worker running: %d task(s) done; scaling to %d worker(s)", seconds(started), done,
                            options.workers());
                    if (done != 0) {
                        System.err.println("bench: tasks were built while no worker ran");
                        return 1;
                    }
                    local.scaleBillingWorkers(options.workers());
                    log("%6.1f s  %d worker(s) ready", seconds(started), options.workers());
                }
                if (!awaitCompleted(connection, runId, options.timeoutSeconds(), started)) {
                    System.err.println("bench: run " + runId + " did not complete within " + options.timeoutSeconds()
                            + " s");
                    return 1;
                }
                double wall = seconds(started);
                long peak = rss.peakMiB();
                Map<String, Double> tasksAfter = tasksByProcess(local, billingUrl, local.runningWorkers().size());
                StringBuilder built = new StringBuilder();
                tasksAfter.forEach((process, after) -> built.append(String.format(Locale.ROOT, " %s=%.0f", process,
                        after - tasksBefore.getOrDefault(process, 0.0))));
                log("tasks built per process:%s", built);

                Check check = check(connection, period, ledger.customerPrefix());
                JsonNode run = api.get("/v1/invoice-runs/" + runId).body();
                log("run: status %s, attempt %d, tasks %d, invoices issued (period) %d, missing %d",
                        run.get("status").asText(), run.get("attempt").asInt(), run.get("tasksTotal").asInt(),
                        run.get("invoicesIssued").asLong(), run.get("missingCustomersCount").asLong());
                log("check: %,d invoices (expected %,d), %,d lines (expected %,d), total %s (expected %s)",
                        check.invoices(), loaded.customers(), check.lines(), loaded.subscriptions(), check.total(),
                        loaded.expectedTotal());
                boolean ok = check.invoices() == loaded.customers() && check.lines() == loaded.subscriptions()
                        && check.total().compareTo(loaded.expectedTotal()) == 0 && check.numbered();
                if (!ok) {
                    System.err.println("bench: MISMATCH between the issued invoices and the independent sum");
                }
                if (peak == 0) {
                    log("billing-service pid unknown (%s): peak RSS is this benchmark's own", stack.pidFile("billing"));
                    peak = Math.round(RssSampler.read(ProcessHandle.current().pid(), "VmHWM:") / 1024.0);
                }
                System.out.println(String.format(Locale.ROOT,
                        "invoice-run: %d subscriptions, %d invoices, %.1f s, %.0f subscriptions/s, peak RSS %d MiB%s",
                        options.subscriptions(), check.invoices(), wall, options.subscriptions() / wall, peak,
                        workers.isEmpty() && !options.fromZero() ? "" : ", workers " + local.runningWorkers().size()));
                return ok ? 0 : 1;
            }
        }
    }

    /** Each billing process's billing_invoice_tasks_done_total (its Prometheus endpoint); a process that is down is absent. */
    static Map<String, Double> tasksByProcess(Stack local, String billingUrl, int workers) {
        Map<String, Double> tasks = new LinkedHashMap<>();
        tasks.put("billing-service", BillingApi.counter(billingUrl, "billing_invoice_tasks_done_total"));
        for (int i = 1; i <= workers; i++) {
            tasks.put(Stack.workerName(i), BillingApi.counter(local.workerUrl(i), "billing_invoice_tasks_done_total"));
        }
        tasks.values().removeIf(v -> v < 0);
        return tasks;
    }

    static int tasksDone(Connection connection, String runId) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("SELECT tasks_done FROM invoice_run WHERE run_id = ?::uuid")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : -1;
            }
        }
    }

    record Check(long invoices, long lines, BigDecimal total, boolean numbered) {}

    /** Counts and sums what billing committed for the bench's customers, straight from its database. */
    static Check check(Connection connection, YearMonth period, String prefix) throws Exception {
        try (PreparedStatement ps = connection.prepareStatement("SELECT count(*), COALESCE(sum(total), 0), "
                + "count(invoice_number), COALESCE(sum(line_count), 0) FROM invoice WHERE period = ? "
                + "AND customer_id LIKE ?")) {
            ps.setString(1, period.toString());
            ps.setString(2, prefix + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                long invoices = rs.getLong(1);
                long lines;
                try (PreparedStatement pl = connection.prepareStatement("SELECT count(*) FROM invoice_line l "
                        + "JOIN invoice i USING (invoice_id) WHERE i.period = ? AND i.customer_id LIKE ?")) {
                    pl.setString(1, period.toString());
                    pl.setString(2, prefix + "%");
                    try (ResultSet rl = pl.executeQuery()) {
                        rl.next();
                        lines = rl.getLong(1);
                    }
                }
                return new Check(invoices, lines, rs.getBigDecimal(2), rs.getLong(3) == invoices
                        && rs.getLong(4) == lines);
            }
        }
    }

    /** Polls the run row (cheap) until the latest attempt completed, i.e. every invoice is committed and numbered. */
    static boolean awaitCompleted(Connection connection, String runId, int timeoutSeconds, long started)
            throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        long lastLog = 0;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT status, tasks_done, tasks_total FROM invoice_run WHERE run_id = ?::uuid")) {
            ps.setString(1, runId);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        if ("COMPLETED".equals(rs.getString(1))) {
                            log("%6.1f s  completed: every invoice committed and numbered", seconds(started));
                            return true;
                        }
                        if (System.nanoTime() - lastLog > 5_000_000_000L) {
                            lastLog = System.nanoTime();
                            log("%6.1f s  tasks done %d/%d", seconds(started), rs.getInt(2), rs.getInt(3));
                        }
                    }
                }
                Thread.sleep(100);
            }
        }
        return false;
    }

    /** The month before the clock's, or an earlier one when a run already exists for it (a repeated benchmark). */
    static YearMonth freePeriod(BillingApi api, YearMonth start) throws Exception {
        YearMonth period = start;
        for (int i = 0; i < 120; i++, period = period.minusMonths(1)) {
            BillingApi.Answer runs = api.get("/v1/invoice-runs?period=" + period);
            if (runs.status() == 200 && runs.body().get("totalCount").asLong() == 0) {
                return period;
            }
        }
        throw new IllegalStateException("no month without an invoice run in the last ten years");
    }

    static long pidOf(Path pidFile) {
        try {
            return Long.parseLong(Files.readString(pidFile).trim());
        } catch (Exception e) {
            return -1;
        }
    }

    static double seconds(long startNanos) { return (System.nanoTime() - startNanos) / 1e9; }

    static void log(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }

    private InvoiceRunBench() {}
}
