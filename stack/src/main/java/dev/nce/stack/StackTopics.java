package dev.nce.stack;

import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The platform's topics as the broker creates them: names, partitions and compaction of docs/CONVENTIONS.md. */
final class StackTopics {

    /** One topic: name, partition count, {@code cleanup.policy=compact} or not. */
    record Spec(String name, int partitions, boolean compacted) {
    }

    static final List<Spec> ALL = List.of(
            new Spec("nce.catalog.offers.v1", 3, true),
            new Spec("nce.subscription.events.v1", 12, false),
            new Spec("nce.billing.invoice-tasks.v1", 12, false),
            new Spec("nce.billing.invoices.v1", 12, false));

    private StackTopics() {
    }

    static List<NewTopic> all() {
        return ALL.stream().map(StackTopics::newTopic).toList();
    }

    static NewTopic newTopic(Spec spec) {
        NewTopic t = new NewTopic(spec.name(), spec.partitions(), (short) 1);
        if (spec.compacted()) {
            t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return t;
    }
}
