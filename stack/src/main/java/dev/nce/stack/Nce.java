package dev.nce.stack;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The launcher behind {@code ./nce}: {@code up [--fresh] [--clock DATE] [--infra-only]}, {@code down}, {@code status},
 * {@code token [--customer ID]}, {@code mail} ({@code logs} is the script's own). Exits 1 with one line on stderr on a failure.
 */
public final class Nce {

    private final PrintStream out;
    private final Path root;

    Nce(PrintStream out, Path root) {
        this.out = out;
        this.root = root;
    }

    public static void main(String[] args) {
        int rc;
        try {
            rc = new Nce(System.out, StackConfig.findRoot()).run(List.of(args));
        } catch (StackException e) {
            System.err.println("nce: " + e.getMessage());
            rc = 1;
        }
        System.out.flush();
        System.exit(rc);
    }

    int run(List<String> args) {
        if (args.isEmpty()) {
            usage();
            return 2;
        }
        String cmd = args.get(0);
        List<String> rest = args.subList(1, args.size());
        switch (cmd) {
            case "up":
                return up(rest);
            case "down":
                return down();
            case "status":
                return status();
            case "token":
                return token(rest);
            case "mail":
                return mail();
            case "demo":
                return demo(rest);
            case "help":
            case "-h":
            case "--help":
                usage();
                return 0;
            default:
                System.err.println("nce: unknown command '" + cmd + "'");
                usage();
                return 2;
        }
    }

    /** The help text ./nce prints too (one file: stack/src/main/resources/dev/nce/stack/help.txt). */
    private void usage() {
        try (var in = Nce.class.getResourceAsStream("help.txt")) {
            out.print(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | NullPointerException e) {
            out.println("usage: ./nce up|down|status|logs|token|mail|bench|demo|help");
        }
    }

    private StackConfig config(String clock, boolean fresh) {
        return StackConfig.local(root, clock, fresh);
    }

    private int up(List<String> args) {
        boolean fresh = false;
        boolean infraOnly = false;
        boolean secure = false;
        String clock = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--fresh")) {
                fresh = true;
            } else if (a.equals("--infra-only")) {
                infraOnly = true;
            } else if (a.equals("--secure")) {
                secure = true;
            } else if (a.equals("--clock") && i + 1 < args.size()) {
                clock = args.get(++i);
            } else if (a.startsWith("--clock=")) {
                clock = a.substring("--clock=".length());
            } else {
                throw new StackException("up: unknown option " + a + " (expected --fresh, --clock DATE, --infra-only, --secure)");
            }
        }
        long t0 = System.nanoTime();
        Stack stack = new Stack(config(clock, fresh), out::println).secure(secure);
        out.println("starting the NCE stack" + (fresh ? " (fresh)" : "") + (secure ? " (secure)" : "") + " ...");
        stack.up(!infraOnly);
        double seconds = (System.nanoTime() - t0) / 1e9;
        StackConfig c = stack.config();
        out.printf(Locale.ROOT, "NCE stack is up in %.1f s (simulated clock %s)%n", seconds,
                stack.clockStart() == null ? "restored by subscription-service" : "starting at " + stack.clockStart());
        if (!infraOnly) {
            for (Service s : Service.values()) {
                if (s == Service.CONSOLE) {
                    out.printf(Locale.ROOT, "  %-22s %s   (sign in: choose a role, e.g. partner-admin)%n", "web console", c.url(s));
                } else {
                    out.printf(Locale.ROOT, "  %-22s %s   Swagger UI %s/q/swagger-ui%n", s.moduleName(), c.url(s), c.url(s));
                }
            }
        }
        out.printf(Locale.ROOT, "  %-22s %s%n", "Kafka broker", c.bootstrapServers());
        out.printf(Locale.ROOT, "  %-22s 127.0.0.1:%d (./nce mail lists what it received)%n", "SMTP sink", c.smtpPort());
        out.printf(Locale.ROOT, "  %-22s %s:%d databases %s%n", "PostgreSQL", c.pgHost(), c.pgPort(),
                String.join(", ", c.databases().values().stream().map(DbSpec::database).toList()));
        out.println("  token:  TOKEN=$(./nce token)   (customer: ./nce token --customer ID)");
        out.println("  try:    curl -H \"Authorization: Bearer $TOKEN\" " + c.url(Service.CATALOG) + "/v1/offers");
        out.println("  stop:   ./nce down");
        return 0;
    }

    /**
     * The main job (issue 10): a fresh stack at 2022-01-01, the demo catalog, a scripted mix of customers, and the clock
     * advanced month by month (quarterly with --fast) to 2026-07-05 while the timeline prints. Leaves the stack running.
     */
    private int demo(List<String> args) {
        boolean fast = args.contains("--fast");
        for (String a : args) {
            if (!a.equals("--fast")) {
                throw new StackException("demo: unknown option " + a + " (expected --fast)");
            }
        }
        Stack previous = new Stack(config(null, false), out::println);
        if (!previous.runningNames().isEmpty()) {
            out.println("demo: stopping the running stack first (the demo starts fresh)");
            previous.down();
        }
        List<String> upArgs = List.of("--fresh", "--clock", dev.nce.stack.demo.DemoScenario.START.toString());
        int rc = up(upArgs);
        if (rc != 0) {
            return rc;
        }
        Stack stack = new Stack(config(null, false), out::println);
        out.println();
        out.println("demo: a four-year run of the platform, " + (fast ? "quarter by quarter" : "month by month")
                + ", from 2022-01-01 to 2026-07-05");
        int refused = new dev.nce.stack.demo.DemoScenario(stack, out, fast).run();
        out.println();
        out.println("The stack keeps running: explore it with the URLs above (TOKEN=$(./nce token)); stop it with ./nce down.");
        out.println("Web console: " + stack.config().url(Service.CONSOLE) + "  (sign in: choose the role partner-admin and"
                + " press Sign in; then Today, Renewals " + "and Customers show the demo as of " + "2026-07-05)");
        return refused == 0 ? 0 : 3;
    }

    private int down() {
        Stack stack = new Stack(config(null, false), out::println);
        List<String> running = stack.runningNames();
        stack.down();
        out.println(running.isEmpty() ? "nothing was running" : "stopped " + String.join(", ", running));
        return 0;
    }

    private int status() {
        Stack stack = new Stack(config(null, false), out::println);
        long total = 0;
        out.printf(Locale.ROOT, "%-22s %8s  %-28s %-9s %9s%n", "PROCESS", "PID", "ENDPOINT", "STATE", "RSS");
        for (Stack.ProcessStatus p : stack.status()) {
            String state = !p.running() ? "stopped" : p.ready() ? "ready" : "not ready";
            out.printf(Locale.ROOT, "%-22s %8s  %-28s %-9s %9s%n", p.name(), p.running() ? Long.toString(p.pid()) : "-",
                    p.endpoint(), state, p.rssBytes() > 0 ? mb(p.rssBytes()) : "-");
            total += Math.max(0, p.rssBytes());
        }
        out.printf(Locale.ROOT, "%-22s %8s  %-28s %-9s %9s%n", "total", "", "", "", mb(total));
        return 0;
    }

    static String mb(long bytes) {
        return String.format(Locale.ROOT, "%d MB", bytes / (1024 * 1024));
    }

    private int token(List<String> args) {
        String customer = null;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--customer") && i + 1 < args.size()) {
                customer = args.get(++i);
            } else if (args.get(i).startsWith("--customer=")) {
                customer = args.get(i).substring("--customer=".length());
            } else {
                throw new StackException("token: unknown option " + args.get(i) + " (expected --customer ID)");
            }
        }
        DevTokens tokens = DevTokens.fromDir(config(null, false).jwtDir());
        out.println(customer == null ? tokens.admin() : tokens.customer(customer));
        return 0;
    }

    private int mail() {
        List<MailSink.Message> messages = new MailSink(config(null, false)).messages();
        if (messages.isEmpty()) {
            out.println("no messages received");
            return 0;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"DATE", "TO", "SUBJECT"});
        for (MailSink.Message m : messages) {
            rows.add(new String[] {m.date(), m.recipient(), m.subject()});
        }
        int w0 = rows.stream().mapToInt(r -> r[0].length()).max().orElse(4);
        int w1 = rows.stream().mapToInt(r -> r[1].length()).max().orElse(2);
        for (String[] r : rows) {
            out.println(String.format(Locale.ROOT, "%-" + w0 + "s  %-" + w1 + "s  %s", (Object[]) r).stripTrailing());
        }
        out.println(messages.size() + " message(s)");
        return 0;
    }
}
