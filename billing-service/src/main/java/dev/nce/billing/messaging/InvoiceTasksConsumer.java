package dev.nce.billing.messaging;

import dev.nce.billing.service.InvoiceTask;
import dev.nce.billing.service.InvoiceWorker;
import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * nce.billing.invoice-tasks.v1 (group billing-invoice-workers, autoscaled on lag): each record is one task, built in one
 * transaction. Redelivery is harmless (the task row is DONE, invoices are unique per customer and period).
 */
@ApplicationScoped
public class InvoiceTasksConsumer {

    private static final Logger LOG = Logger.getLogger(InvoiceTasksConsumer.class);

    @Inject
    InvoiceWorker worker;

    /** Tasks are independent: a small pool builds several at once (smallrye.messaging.worker.invoice-workers). */
    @Incoming("invoice-tasks")
    @io.smallrye.reactive.messaging.annotations.Blocking(value = "invoice-workers", ordered = false)
    public void consume(ConsumerRecord<String, String> record) {
        String what = "invoice task " + record.topic() + "/" + record.partition() + "@" + record.offset();
        Retrying.run(LOG, what, 3, () -> {
            EventEnvelope envelope = EventJson.readEnvelope(record.value());
            return worker.process(envelope.payloadAs(InvoiceTask.class));
        });
    }
}
