package dev.nce.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Prints a journey class's wall time (README "End-to-end journeys" quotes these figures). */
public final class WallTime implements BeforeAllCallback, AfterAllCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(WallTime.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(NS).put("t0", System.nanoTime());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        long t0 = context.getStore(NS).get("t0", Long.class);
        System.out.printf("[e2e] %s wall time %.1f s%n", context.getRequiredTestClass().getSimpleName(),
                (System.nanoTime() - t0) / 1e9);
    }
}
