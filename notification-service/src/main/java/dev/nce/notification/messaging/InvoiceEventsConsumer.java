package dev.nce.notification.messaging;

import dev.nce.kit.consumer.InboundEvent;
import dev.nce.notification.service.InvoiceEventHandler;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** nce.billing.invoices.v1, group notification-invoices: INVOICE_ISSUED. */
@ApplicationScoped
public class InvoiceEventsConsumer {

    @Inject
    InvoiceEventHandler handler;
    @Inject
    ConsumerRetry retry;

    @Incoming("invoices")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        InboundEvent event = retry.parse(record);
        if (event != null) {
            retry.run(record, () -> handler.handle(event));
        }
    }
}
