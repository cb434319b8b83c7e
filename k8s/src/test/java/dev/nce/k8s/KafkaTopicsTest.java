package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The chart's topics are exactly those of CONVENTIONS.md (and of contracts' Topics.java when it exists). */
class KafkaTopicsTest {

    @ParameterizedTest
    @EnumSource(value = Chart.Variant.class, names = {"DEFAULT", "PRODUCTION", "SIMULATED"})
    void theRenderedKafkaTopicsAreThoseOfTheConventions(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        Map<String, Repo.TopicRow> rendered = new TreeMap<>();
        for (Manifest.Doc doc : manifest.ofKind("KafkaTopic")) {
            String name = doc.at("spec", "topicName");
            Map<String, Object> config = doc.at("spec", "config");
            assertEquals(Chart.n(name.replace('.', '-')), doc.name(), "object name derived from the topic");
            rendered.put(name, new Repo.TopicRow(name, doc.at("spec", "partitions"),
                    "compact".equals(config.get("cleanup.policy"))));
        }
        Map<String, Repo.TopicRow> expected = new TreeMap<>(Repo.conventionTopics());
        // issue 16: each platform topic has its dead-letter topic <topic>.dlq (same partitions, never compacted)
        Repo.conventionTopics().values().forEach(t -> expected.put(t.name() + ".dlq",
                new Repo.TopicRow(t.name() + ".dlq", t.partitions(), false)));
        assertEquals(expected, rendered);
        int replicas = variant == Chart.Variant.PRODUCTION ? 3 : 1;
        for (Manifest.Doc doc : manifest.ofKind("KafkaTopic")) {
            assertEquals(replicas, (Integer) doc.at("spec", "replicas"), doc.toString());
            int minIsr = doc.at("spec", "config", "min.insync.replicas");
            assertEquals(variant == Chart.Variant.PRODUCTION ? 2 : 1, minIsr, doc + ": survives one broker loss in production");
        }
    }

    @Test
    void externalTopicsAreNotRendered() {
        assertEquals(0, Chart.rendered(Chart.Variant.EXTERNAL).ofKind("KafkaTopic").size());
    }

    @Test
    void theValuesListTheTopicsOfTheConventions() {
        Map<String, Object> topics = Chart.value(Chart.values(Chart.Variant.DEFAULT), "kafka", "topics");
        Map<String, Repo.TopicRow> fromValues = new TreeMap<>();
        for (String key : new String[] {"offers", "subscriptionEvents", "invoiceTasks", "invoices"}) {
            Map<String, Object> topic = Chart.value(topics, key);
            Map<?, ?> config = topic.get("config") instanceof Map<?, ?> m ? m : Map.of();
            fromValues.put((String) topic.get("name"), new Repo.TopicRow((String) topic.get("name"),
                    (Integer) topic.get("partitions"), "compact".equals(config.get("cleanup.policy"))));
        }
        assertEquals(new TreeMap<>(Repo.conventionTopics()), fromValues);
    }

    @Test
    void contractsTopicsAgreeWhenPresent() {
        String source = Repo.topicsJava().orElse(null);
        if (source == null) {
            System.out.println("contracts/src/main/java/dev/nce/contracts/Topics.java not present: compared with CONVENTIONS.md only");
            return;
        }
        Map<String, String> strings = new TreeMap<>();
        Matcher s = Pattern.compile("static final String (\\w+)\\s*=\\s*\"(nce\\.[^\"]+)\"").matcher(source);
        while (s.find()) {
            strings.put(s.group(1), s.group(2));
        }
        assertEquals(new TreeSet<>(Repo.conventionTopics().keySet()), new TreeSet<>(strings.values()),
                "topic constants of Topics.java");
        Map<String, Integer> ints = new TreeMap<>();
        Matcher i = Pattern.compile("static final int (\\w+)\\s*=\\s*(\\d+)").matcher(source);
        while (i.find()) {
            ints.put(i.group(1), Integer.parseInt(i.group(2)));
        }
        Matcher spec = Pattern.compile("new TopicSpec\\((\\w+),\\s*(\\w+),\\s*(true|false)\\)").matcher(source);
        Set<Repo.TopicRow> specs = new HashSet<>();
        while (spec.find()) {
            Integer partitions = spec.group(2).matches("\\d+") ? Integer.valueOf(spec.group(2)) : ints.get(spec.group(2));
            specs.add(new Repo.TopicRow(strings.get(spec.group(1)), partitions, Boolean.parseBoolean(spec.group(3))));
        }
        if (!specs.isEmpty()) {
            assertEquals(Set.copyOf(Repo.conventionTopics().values()), specs, "Topics.ALL");
        }
        assertTrue(strings.containsValue("nce.billing.invoice-tasks.v1"));
    }
}
