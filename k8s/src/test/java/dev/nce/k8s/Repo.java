package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * What the chart must agree with, read from the reactor: docs/CONVENTIONS.md, the services' poms,
 * application.properties and Dockerfiles, and contracts' Topics.java.
 */
final class Repo {

    /** The four services, in the order of CONVENTIONS.md's port list. */
    static final List<String> SERVICES =
            List.of("catalog-service", "subscription-service", "billing-service", "notification-service");

    private Repo() {}

    static Path root() {
        return Paths.get(System.getProperty("nce.root.dir", "..")).toAbsolutePath().normalize();
    }

    static Path chartDir() {
        return Paths.get(System.getProperty("nce.chart.dir", "helm/nce-platform")).toAbsolutePath().normalize();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String conventions() {
        Path file = root().resolve("docs/CONVENTIONS.md");
        assertTrue(Files.isRegularFile(file), "missing " + file);
        return read(file);
    }

    /** A topic row of CONVENTIONS.md's Kafka table. */
    record TopicRow(String name, int partitions, boolean compacted) {}

    static Map<String, TopicRow> conventionTopics() {
        Map<String, TopicRow> topics = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^\\|\\s*`(nce\\.[a-z.\\-0-9]+)`\\s*\\|\\s*(\\d+)\\s*\\|[^|]*\\|([^|]*)\\|")
                .matcher(conventions());
        while (m.find()) {
            topics.put(m.group(1), new TopicRow(m.group(1), Integer.parseInt(m.group(2)),
                    m.group(3).contains("cleanup.policy=compact")));
        }
        assertEquals(4, topics.size(), "CONVENTIONS.md's topic table: " + topics);
        return topics;
    }

    /** The port of a service from CONVENTIONS.md ("catalog 8081, subscription 8082, ..."). */
    static int conventionPort(String service) {
        String shortName = service.replace("-service", "");
        Matcher m = Pattern.compile("(?m)^catalog \\d+.*$").matcher(conventions());
        assertTrue(m.find(), "CONVENTIONS.md has no port line");
        Matcher port = Pattern.compile("\\b" + shortName + " (\\d{4,5})\\b").matcher(m.group());
        assertTrue(port.find(), "CONVENTIONS.md names no port for " + service);
        return Integer.parseInt(port.group(1));
    }

    static String conventionVersion() {
        Matcher m = Pattern.compile("version `([^`]+)`").matcher(conventions());
        assertTrue(m.find(), "CONVENTIONS.md names no version");
        return m.group(1);
    }

    /** Maven coordinates of a service: its pom when it exists, else CONVENTIONS.md. */
    record Coordinates(String artifactId, String version, String source) {}

    static Coordinates coordinates(String service) {
        Path pom = root().resolve(service).resolve("pom.xml");
        if (!Files.isRegularFile(pom)) {
            assertTrue(conventions().contains("`" + service + "`"), "CONVENTIONS.md lists no artifactId " + service);
            return new Coordinates(service, conventionVersion(), "docs/CONVENTIONS.md");
        }
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
            String artifactId = child(project, "artifactId").orElseThrow(() -> new AssertionError(pom + ": no artifactId"));
            String version = child(project, "version")
                    .or(() -> directChild(project, "parent").flatMap(parent -> child(parent, "version")))
                    .orElseThrow(() -> new AssertionError(pom + ": no version"));
            return new Coordinates(artifactId, version, service + "/pom.xml");
        } catch (Exception e) {
            return fail("cannot read " + pom, e);
        }
    }

    private static Optional<Element> directChild(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getTagName())) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> child(Element parent, String name) {
        return directChild(parent, name).map(e -> e.getTextContent().trim());
    }

    static Path dockerfile(String service) {
        return root().resolve(service).resolve("src/main/docker/Dockerfile.jvm");
    }

    /** A service's application.properties, if the service has one yet. */
    static Optional<Properties> applicationProperties(String service) {
        Path file = root().resolve(service).resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Optional.of(p);
    }

    /**
     * The value of a key as a service started with the given profile sees it: {@code %profile.key} before
     * {@code key}, with {@code ${name}} / {@code ${name:default}} expressions resolved against the same file.
     */
    static Optional<String> property(Properties p, String profile, String key) {
        String raw = profile != null && p.containsKey("%" + profile + "." + key)
                ? p.getProperty("%" + profile + "." + key)
                : p.getProperty(key);
        return Optional.ofNullable(raw).map(v -> resolve(p, profile, v.trim(), 0));
    }

    private static String resolve(Properties p, String profile, String value, int depth) {
        Matcher m = Pattern.compile("\\$\\{([^:}]+)(?::([^}]*))?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            assertTrue(depth < 10, "property expressions nest too deep: " + value);
            String replacement = property(p, profile, m.group(1))
                    .or(() -> Optional.ofNullable(m.group(2)))
                    .map(v -> resolve(p, profile, v, depth + 1))
                    .orElseThrow(() -> new AssertionError("unresolvable expression in " + value));
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** contracts' Topics.java source, if present. */
    static Optional<String> topicsJava() {
        Path file = root().resolve("contracts/src/main/java/dev/nce/contracts/Topics.java");
        return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
    }
}
