package dev.nce.kit.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A consumer run under the kit's {@link RecordPolicy}: its {@code @Incoming} method calls
 * {@code policy.consume(this, record)}; {@code POST /admin/dead-letters/{id}/replay} calls {@link #process} again with
 * the stored record.
 */
public interface RecordConsumer {

    /** The channel name dead letters are filed under (unique in a service), e.g. "subscription-events". */
    String channel();

    /** Processes one record (its effect in its own transaction, post-commit work after it); throws to fail. */
    void process(ConsumerRecord<String, String> record);
}
