package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * With SASL (values-production.yaml) each service is its own Strimzi KafkaUser whose ACLs allow exactly what the
 * service does (issue 14, part 5): Read on the topics and consumer groups of its mp.messaging.incoming channels
 * (application.properties), Write on the topics its outbox appends to (its sources), Describe on every platform
 * topic (the kit's readiness check lists them all), nothing else.
 */
class KafkaUserAclTest {

    private static final Pattern OUTBOX_APPEND = Pattern.compile("\\.append(?:All)?\\(Topics\\.(\\w+)");

    /** "topic -> operations" and "group:<id> -> operations" of a rendered KafkaUser. */
    private static Map<String, Set<String>> acls(Manifest manifest, String user) {
        List<Map<String, Object>> acls = manifest.one("KafkaUser", Chart.n(user)).at("spec", "authorization", "acls");
        Map<String, Set<String>> byResource = new TreeMap<>();
        for (Map<String, Object> acl : acls) {
            Map<String, String> resource = Chart.value(acl, "resource");
            assertEquals("literal", resource.get("patternType"), user + ": no prefix or wildcard grant " + resource);
            String key = resource.get("type").equals("group") ? "group:" + resource.get("name") : resource.get("name");
            assertTrue(Set.of("topic", "group").contains(resource.get("type")), user + ": " + resource);
            List<String> operations = Chart.value(acl, "operations");
            assertFalse(byResource.containsKey(key), user + ": one ACL per resource " + key);
            byResource.put(key, new TreeSet<>(operations));
        }
        return byResource;
    }

    /** What a service does on Kafka, read from the repository. */
    private static Map<String, Set<String>> expected(String service) {
        Properties p = Repo.applicationProperties(service).orElseThrow();
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String topic : Repo.conventionTopics().keySet()) {
            expected.put(topic, new TreeSet<>(Set.of("Describe")));
        }
        // every profile's channels (the billing workers run the "worker" profile as the same user)
        Matcher channel = Pattern.compile("(?:%([\\w-]+)\\.)?mp\\.messaging\\.incoming\\.([\\w-]+)\\.topic").matcher("");
        for (String key : p.stringPropertyNames()) {
            if (channel.reset(key).matches() && !Set.of("test", "dev").contains(String.valueOf(channel.group(1)))) {
                String profile = channel.group(1);
                String name = channel.group(2);
                expected.get(Repo.property(p, profile, "mp.messaging.incoming." + name + ".topic").orElseThrow()).add("Read");
                String group = Repo.property(p, profile, "mp.messaging.incoming." + name + ".group.id").orElseThrow();
                expected.put("group:" + group, new TreeSet<>(Set.of("Read")));
            }
        }
        // issue 16: a record the service cannot process goes to the dead-letter topic of the topic it read
        for (String topic : Repo.conventionTopics().keySet()) {
            if (expected.get(topic).contains("Read")) {
                expected.put(topic + ".dlq", new TreeSet<>(Set.of("Describe", "Write")));
            }
        }
        Map<String, String> constants = topicConstants();
        for (String constant : outboxTopics(service)) {
            expected.get(constants.get(constant)).add("Write");
        }
        return expected;
    }

    /** Topics.java's constants: CATALOG_OFFERS -> nce.catalog.offers.v1, ... */
    private static Map<String, String> topicConstants() {
        Map<String, String> constants = new TreeMap<>();
        Matcher m = Pattern.compile("static final String (\\w+)\\s*=\\s*\"(nce\\.[^\"]+)\"").matcher(Repo.topicsJava().orElseThrow());
        while (m.find()) {
            constants.put(m.group(1), m.group(2));
        }
        return constants;
    }

    /** The Topics constants a service's own sources append to its outbox (and the kit's watermarks, if it uses them). */
    private static Set<String> outboxTopics(String service) {
        Set<String> topics = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Repo.root().resolve(service).resolve("src/main/java"))) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String source = Repo.read(file);
                Matcher m = OUTBOX_APPEND.matcher(source);
                while (m.find()) {
                    topics.add(m.group(1));
                }
                if (source.contains("WatermarkPublisher")) {
                    topics.add("SUBSCRIPTION_EVENTS");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return topics;
    }

    @Test
    void eachServicesAclsAreWhatItDoesOnKafka() {
        Manifest manifest = Chart.rendered(Chart.Variant.PRODUCTION);
        for (String service : Repo.SERVICES) {
            assertEquals(expected(service), acls(manifest, service), service);
        }
    }

    @Test
    void theFiguresOfTheConventions() {
        Manifest manifest = Chart.rendered(Chart.Variant.PRODUCTION);
        Map<String, Set<String>> billing = acls(manifest, "billing-service");
        assertEquals(Set.of("Describe", "Read", "Write"), billing.get("nce.billing.invoice-tasks.v1"));
        assertEquals(Set.of("Describe", "Write"), billing.get("nce.billing.invoices.v1"));
        assertEquals(Set.of("Read"), billing.get("group:billing-invoice-workers"), "the workers run as billing-service");
        assertEquals(Set.of("Describe", "Write"), acls(manifest, "subscription-service").get("nce.subscription.events.v1"),
                "subscription publishes its events (and the watermarks) but consumes none");
        Map<String, Set<String>> notification = acls(manifest, "notification-service");
        assertTrue(notification.entrySet().stream().filter(e -> e.getValue().contains("Write"))
                .allMatch(e -> e.getKey().endsWith(".dlq")), "notification publishes nothing but dead letters");
        assertEquals(10, notification.size(), "4 topics, the dead-letter topics of the 3 it reads, 3 consumer groups");
        assertEquals(Set.of("Describe"), acls(manifest, "catalog-service").get("nce.billing.invoices.v1"));
    }

    @Test
    void noKafkaUserWithoutSaslOrWithSharedCredentials() {
        assertTrue(Chart.rendered(Chart.Variant.DEFAULT).ofKind("KafkaUser").isEmpty(), "PLAINTEXT authenticates nobody");
        assertTrue(Chart.rendered(Chart.Variant.EXTERNAL).ofKind("KafkaUser").isEmpty(), "kafka.sasl.existingSecret");
    }
}
