package dev.nce.stack;

import dev.nce.contracts.Topics;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/** The platform's topics as the broker creates them: names, partitions and compaction from {@link Topics#ALL}. */
final class StackTopics {

    private StackTopics() {
    }

    static List<NewTopic> all() {
        return java.util.stream.Stream.concat(Topics.ALL.stream(), Topics.DEAD_LETTER.stream())
                .map(StackTopics::newTopic).toList();
    }

    static NewTopic newTopic(Topics.TopicSpec spec) {
        NewTopic t = new NewTopic(spec.name(), spec.partitions(), (short) 1);
        if (spec.compacted()) {
            t.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        }
        return t;
    }
}
