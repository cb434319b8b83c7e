package dev.nce.contracts;

import java.util.List;

/** Kafka topic names and their shapes (docs/CONVENTIONS.md). */
public final class Topics {
    private Topics() {}

    public static final String CATALOG_OFFERS = "nce.catalog.offers.v1";
    public static final String SUBSCRIPTION_EVENTS = "nce.subscription.events.v1";
    public static final String INVOICE_TASKS = "nce.billing.invoice-tasks.v1";
    public static final String INVOICES = "nce.billing.invoices.v1";

    /** Partitions of the keyed topics; watermarks go to each of the subscription-events partitions. */
    public static final int KEYED_PARTITIONS = 12;
    public static final int CATALOG_PARTITIONS = 3;

    public record TopicSpec(String name, int partitions, boolean compacted) {}

    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(CATALOG_OFFERS, CATALOG_PARTITIONS, true),
            new TopicSpec(SUBSCRIPTION_EVENTS, KEYED_PARTITIONS, false),
            new TopicSpec(INVOICE_TASKS, KEYED_PARTITIONS, false),
            new TopicSpec(INVOICES, KEYED_PARTITIONS, false));

    /** Suffix of a topic's dead-letter topic (issue 16): {@code <topic>.dlq}, same key, never compacted. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** One dead-letter topic per platform topic, with its partitions (a record keeps its key's partition). */
    public static final List<TopicSpec> DEAD_LETTER = ALL.stream()
            .map(spec -> new TopicSpec(deadLetterOf(spec.name()), spec.partitions(), false)).toList();

    /** Kafka's default partitioner (murmur2 of the key bytes), so producers and bulk loaders agree on a key's partition. */
    public static int partitionFor(String key, int partitions) {
        byte[] bytes = key.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return (murmur2(bytes) & 0x7fffffff) % partitions;
    }

    /** Same as org.apache.kafka.common.utils.Utils.murmur2, copied so contracts stays free of Kafka. */
    static int murmur2(byte[] data) {
        int length = data.length;
        int seed = 0x9747b28c;
        final int m = 0x5bd1e995;
        final int r = 24;
        int h = seed ^ length;
        int length4 = length / 4;
        for (int i = 0; i < length4; i++) {
            final int i4 = i * 4;
            int k = (data[i4] & 0xff) + ((data[i4 + 1] & 0xff) << 8) + ((data[i4 + 2] & 0xff) << 16) + ((data[i4 + 3] & 0xff) << 24);
            k *= m;
            k ^= k >>> r;
            k *= m;
            h *= m;
            h ^= k;
        }
        switch (length % 4) {
            case 3:
                h ^= (data[(length & ~3) + 2] & 0xff) << 16;
            case 2:
                h ^= (data[(length & ~3) + 1] & 0xff) << 8;
            case 1:
                h ^= data[length & ~3] & 0xff;
                h *= m;
        }
        h ^= h >>> 13;
        h *= m;
        h ^= h >>> 15;
        return h;
    }
}
