package dev.nce.billing.messaging;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/** Tells the consumers' retry loop that the application is stopping, so no record is skipped during shutdown. */
@ApplicationScoped
public class ShutdownFlag {

    void onStop(@Observes ShutdownEvent event) {
        Retrying.shuttingDown = true;
    }
}
