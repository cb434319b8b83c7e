package dev.nce.subscription.service;

import java.util.function.Consumer;

/** Who asks for a change: the token subject (envelope actor) and the customer-scope check (404 across customers). */
public record Actor(String subject, Consumer<String> access) {

    public static final Actor SYSTEM = new Actor("system", customerId -> { });

    public void requireAccessTo(String customerId) {
        access.accept(customerId);
    }
}
