package dev.nce.billing.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 part 4: the chart runs billing-service twice, the REST Deployment (default profile) and billing-worker
 * (QUARKUS_PROFILE=worker). Only the worker joins billing-invoice-workers, so KEDA's replica count is the number of
 * consumers; the REST replicas keep the ledger, catalog and run scheduling.
 */
class InvoiceWorkerProfilesTest {

    private static SmallRyeConfig config(String profile) throws IOException {
        URL properties = InvoiceWorkerProfilesTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, 250)).build();
    }

    private static boolean enabled(SmallRyeConfig config, String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".enabled", Boolean.class).orElse(true);
    }

    @Test
    void restProcessDoesNotConsumeInvoiceTasks() throws IOException {
        SmallRyeConfig rest = config("prod");
        assertThat(enabled(rest, "invoice-tasks")).isFalse();
        assertThat(enabled(rest, "subscription-events")).isTrue();
        assertThat(enabled(rest, "catalog-offers")).isTrue();
        assertThat(rest.getValue("billing.scheduler.enabled", Boolean.class)).isTrue();
    }

    @Test
    void workerProfileConsumesOnlyInvoiceTasksInTheWorkerGroup() throws IOException {
        SmallRyeConfig worker = config("worker");
        assertThat(enabled(worker, "invoice-tasks")).isTrue();
        assertThat(worker.getValue("mp.messaging.incoming.invoice-tasks.group.id", String.class))
                .isEqualTo("billing-invoice-workers");
        assertThat(enabled(worker, "subscription-events")).isFalse();
        assertThat(enabled(worker, "catalog-offers")).isFalse();
        assertThat(worker.getValue("billing.scheduler.enabled", Boolean.class)).isFalse();
    }
}
