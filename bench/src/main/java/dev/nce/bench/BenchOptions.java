package dev.nce.bench;

import java.time.YearMonth;
import java.util.List;

/** Command line of {@code ./nce bench invoice-run [--subscriptions N] [--customers C] [--period YYYY-MM] ...}. */
public record BenchOptions(int subscriptions, int customers, YearMonth period, String billingUrl, String jdbcUrl,
                           String dbUser, String dbPassword, String token, long billingPid, int timeoutSeconds,
                           long seed, int workers, boolean fromZero) {

    public static final int DEFAULT_SUBSCRIPTIONS = 1_000_000;

    public static BenchOptions parse(List<String> args) {
        int subscriptions = DEFAULT_SUBSCRIPTIONS;
        Integer customers = null;
        YearMonth period = null;
        String billingUrl = null, jdbcUrl = null, dbUser = null, dbPassword = null, token = null;
        long pid = -1;
        int timeout = 900;
        long seed = 20221;
        int workers = -1;
        boolean fromZero = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = i + 1 < args.size() ? args.get(i + 1) : null;
            switch (arg) {
                case "--subscriptions" -> { subscriptions = positive(arg, value); i++; }
                case "--customers" -> { customers = positive(arg, value); i++; }
                case "--period" -> { period = YearMonth.parse(required(arg, value)); i++; }
                case "--billing-url" -> { billingUrl = required(arg, value); i++; }
                case "--jdbc-url" -> { jdbcUrl = required(arg, value); i++; }
                case "--db-user" -> { dbUser = required(arg, value); i++; }
                case "--db-password" -> { dbPassword = required(arg, value); i++; }
                case "--token" -> { token = required(arg, value); i++; }
                case "--billing-pid" -> { pid = Long.parseLong(required(arg, value)); i++; }
                case "--timeout" -> { timeout = positive(arg, value); i++; }
                case "--seed" -> { seed = Long.parseLong(required(arg, value)); i++; }
                case "--workers" -> { workers = positive(arg, value); i++; }
                case "--from-zero" -> fromZero = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + usage());
            }
        }
        int c = customers != null ? customers : Math.max(1, subscriptions / 10);
        if (c > subscriptions) {
            throw new IllegalArgumentException("--customers must not exceed --subscriptions");
        }
        if (workers > 12) {
            throw new IllegalArgumentException("--workers must be at most 12 (the partitions of the task topic)");
        }
        if (fromZero && workers < 1) {
            throw new IllegalArgumentException("--from-zero needs --workers N");
        }
        return new BenchOptions(subscriptions, c, period, billingUrl, jdbcUrl, dbUser, dbPassword, token, pid, timeout,
                seed, workers, fromZero);
    }

    static String usage() {
        return "usage: ./nce bench invoice-run [--subscriptions N (default 1000000)] [--customers C (default N/10)] "
                + "[--period YYYY-MM (default: the month before billing's clock)] [--billing-url URL] [--jdbc-url URL "
                + "--db-user U --db-password P] [--token JWT] [--billing-pid PID] [--timeout SECONDS] [--seed S] "
                + "[--workers N (1..12 billing worker processes beside the REST process)] "
                + "[--from-zero (stop every worker, request the run, then scale to N)]";
    }

    private static String required(String option, String value) {
        if (value == null || value.startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value\n" + usage());
        }
        return value;
    }

    private static int positive(String option, String value) {
        int n = Integer.parseInt(required(option, value).replace("_", ""));
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1");
        }
        return n;
    }
}
