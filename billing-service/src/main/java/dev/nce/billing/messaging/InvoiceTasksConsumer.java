package dev.nce.billing.messaging;

import dev.nce.billing.service.InvoiceTask;
import dev.nce.billing.service.InvoiceWorker;
import dev.nce.contracts.events.EventJson;
import dev.nce.kit.deadletter.RecordConsumer;
import dev.nce.kit.deadletter.RecordPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * nce.billing.invoice-tasks.v1 (group billing-invoice-workers, autoscaled on lag): each record is one task, built in one
 * transaction. Redelivery is harmless (the task row is DONE, invoices are unique per customer and period). A task that
 * cannot be built is dead-lettered by the kit's record policy (issue 16): its customers stay missing (D12 alert).
 */
@ApplicationScoped
public class InvoiceTasksConsumer implements RecordConsumer {

    @Inject
    InvoiceWorker worker;
    @Inject
    RecordPolicy policy;

    /** Tasks are independent: a small pool builds several at once (smallrye.messaging.worker.invoice-workers). */
    @Incoming("invoice-tasks")
    @io.smallrye.reactive.messaging.annotations.Blocking(value = "invoice-workers", ordered = false)
    public void consume(ConsumerRecord<String, String> record) {
        policy.consume(this, record);
    }

    @Override
    public String channel() {
        return "invoice-tasks";
    }

    @Override
    public void process(ConsumerRecord<String, String> record) {
        worker.process(EventJson.readEnvelope(record.value()).payloadAs(InvoiceTask.class));
    }
}
