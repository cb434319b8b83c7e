package dev.nce.e2e;

import dev.nce.stack.DevTokens;
import dev.nce.stack.Service;
import dev.nce.stack.Stack;
import dev.nce.stack.StackConfig;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Brings the e2e stack up once per test run, through the same launcher code as {@code ./nce up}: ports 18081-18084,
 * broker 19092, databases {@code nce_e2e_*}, data under {@code e2e-tests/target/stack}, fresh, clock
 * 2022-01-01T00:00:00Z. It is stopped when the run ends (the root store closes it), or by the launcher's shutdown hook
 * if the JVM goes first. A start-up failure is remembered and fails every test class with the same message.
 */
public final class E2EStack implements BeforeAllCallback {

    private static Stack stack;
    private static RuntimeException startFailure;

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    private static synchronized Stack stack(ExtensionContext context) {
        if (startFailure != null) {
            throw new IllegalStateException("the e2e stack did not start: " + startFailure.getMessage(), startFailure);
        }
        if (stack == null) {
            StackConfig config = StackConfig.e2e(StackConfig.findRoot());
            Stack s = new Stack(config, line -> System.out.println("[e2e stack] " + line));
            // A SIGKILLed consumer (RestartJourneyTest) keeps its group membership until its session times out; 10 s
            // instead of Kafka's 45 s lets the restarted service rejoin its groups sooner. Heartbeats keep live ones in.
            s.serviceProperty("kafka.session.timeout.ms", "10000");
            try {
                long t0 = System.nanoTime();
                s.up();
                System.out.printf("[e2e stack] up in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
            stack = s;
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .put(E2EStack.class.getName(), (AutoCloseable) E2EStack::shutdown);
        }
        return stack;
    }

    private static synchronized void shutdown() {
        if (stack != null) {
            stack.down();
            stack = null;
        }
    }

    /**
     * Stops the stack and brings it up again, fresh (databases and broker data wiped, SMTP sink emptied, clock back at
     * 2022-01-01T00:00:00Z). Only for the classes ordered last: everything earlier classes created is gone afterwards.
     */
    public static synchronized void restartFresh() {
        long t0 = System.nanoTime();
        get().restartFresh();
        System.out.printf("[e2e stack] restarted fresh in %.1f s%n", (System.nanoTime() - t0) / 1e9);
    }

    /** The running stack (only inside a test class extended with {@code @ExtendWith(E2EStack.class)}). */
    public static synchronized Stack get() {
        if (stack == null) {
            throw new IllegalStateException("the e2e stack is not up: extend the test class with E2EStack");
        }
        return stack;
    }

    public static String url(Service s) {
        return get().url(s);
    }

    public static DevTokens tokens() {
        return get().tokens();
    }
}
