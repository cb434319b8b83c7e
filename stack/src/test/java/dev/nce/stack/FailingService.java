package dev.nce.stack;

/** Stands in for a service that refuses to start (e.g. a clock later than --clock) in {@link StackTest}. */
public final class FailingService {

    private FailingService() {
    }

    public static void main(String[] args) {
        System.out.println("2022-01-01 00:00:00,000 ERROR [io.quarkus.runtime.Application] (main) Failed to start application");
        System.out.println("java.lang.RuntimeException: Failed to start quarkus");
        System.out.println("\tat io.quarkus.runner.ApplicationImpl.doStart(Unknown Source)");
        System.out.println("Caused by: java.lang.IllegalStateException: the platform clock is at 2023-01-01T00:00:00Z, later than --clock 2022-01-01T00:00:00Z");
        System.out.println("\tat dev.nce.kit.clock.PlatformClock.start(Unknown Source)");
        System.exit(1);
    }
}
