package dev.nce.kit.consumer;

import dev.nce.contracts.events.EventEnvelope;
import dev.nce.contracts.events.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** A consumed record: its envelope plus where it came from (the partition matters for watermarks). */
public record InboundEvent(String topic, int partition, long offset, String key, EventEnvelope envelope) {

    public static InboundEvent of(ConsumerRecord<String, String> record) {
        return new InboundEvent(record.topic(), record.partition(), record.offset(), record.key(),
                EventJson.readEnvelope(record.value()));
    }
}
