package dev.nce.k8s;

import com.fasterxml.jackson.core.type.TypeReference;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The nce-platform chart: rendering it with helm-java, and the values a rendering used. */
final class Chart {

    static final String RELEASE = "nce";
    static final String NAMESPACE = "nce";
    /** Chart.yaml requires Kubernetes >= 1.25; helm template would otherwise assume v1.20. */
    static final String KUBE_VERSION = "1.30.0";

    /** The value sets the tests render. */
    enum Variant {
        /** values.yaml alone: Strimzi Kafka and CloudNativePG rendered by the chart, plaintext Kafka. */
        DEFAULT(List.of(), Map.of()),
        /** values.yaml + values-production.yaml: HA, SASL_SSL, ServiceMonitors. */
        PRODUCTION(List.of("chart:values-production.yaml"), Map.of()),
        /** Managed Kafka and PostgreSQL by endpoints (src/test/resources/values-external.yaml). */
        EXTERNAL(List.of("test:values-external.yaml"), Map.of()),
        /** The simulated clock: one replica per service, no autoscaler. */
        SIMULATED(List.of(), Map.of("clock.mode", "simulated"));

        final List<String> valueFiles;
        final Map<String, String> sets;

        Variant(List<String> valueFiles, Map<String, String> sets) {
            this.valueFiles = valueFiles;
            this.sets = sets;
        }

        List<Path> valueFilePaths() {
            List<Path> paths = new ArrayList<>();
            for (String f : valueFiles) {
                paths.add(f.startsWith("chart:") ? Repo.chartDir().resolve(f.substring(6)) : testResource(f.substring(5)));
            }
            return paths;
        }
    }

    /** The name the chart gives a component in release RELEASE: "nce-catalog-service", "nce-billing-worker", ... */
    static String n(String component) {
        return RELEASE + "-" + component;
    }

    private static final Map<Variant, Manifest> RENDERED = new EnumMap<>(Variant.class);

    private Chart() {}

    /** The rendering of a variant (rendered once per test JVM). */
    static synchronized Manifest rendered(Variant variant) {
        return RENDERED.computeIfAbsent(variant, v -> Manifest.parse(template(Repo.chartDir(), v.valueFilePaths(), v.sets)));
    }

    static String template(Path chart, List<Path> valueFiles, Map<String, String> sets) {
        return template(chart, RELEASE, valueFiles, sets);
    }

    static String template(Path chart, String release, List<Path> valueFiles, Map<String, String> sets) {
        TemplateCommand command = new Helm(chart).template()
                .withName(release).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        for (Path file : valueFiles) {
            command = command.withValuesFile(file);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    /** The values a variant renders with: values.yaml, then its files, then its --set entries (Helm's merge). */
    static Map<String, Object> values(Variant variant) {
        Map<String, Object> values = readYaml(Repo.chartDir().resolve("values.yaml"));
        for (Path file : variant.valueFilePaths()) {
            values = merge(values, readYaml(file));
        }
        for (Map.Entry<String, String> set : variant.sets.entrySet()) {
            Map<String, Object> override = new LinkedHashMap<>();
            Map<String, Object> cursor = override;
            String[] keys = set.getKey().split("\\.");
            for (int i = 0; i < keys.length - 1; i++) {
                Map<String, Object> next = new LinkedHashMap<>();
                cursor.put(keys[i], next);
                cursor = next;
            }
            cursor.put(keys[keys.length - 1], set.getValue());
            values = merge(values, override);
        }
        return values;
    }

    /** Helm's coalescing of value files: maps merge key by key, anything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object current = merged.get(key);
            if (current instanceof Map && value instanceof Map) {
                merged.put(key, merge((Map<String, Object>) current, (Map<String, Object>) value));
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    static Map<String, Object> readYaml(Path file) {
        try {
            Map<String, Object> map = Serialization.yamlMapper().readValue(file.toFile(), new TypeReference<>() {});
            return map == null ? new LinkedHashMap<>() : map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value by dotted path (map keys; a key may itself contain dots when given as one element). */
    @SuppressWarnings("unchecked")
    static <T> T value(Map<String, Object> values, String... path) {
        Object cursor = values;
        for (String key : path) {
            if (!(cursor instanceof Map)) {
                throw new AssertionError("no value at " + String.join("/", path));
            }
            cursor = ((Map<String, Object>) cursor).get(key);
        }
        if (cursor == null) {
            throw new AssertionError("no value at " + String.join("/", path));
        }
        return (T) cursor;
    }

    static Path testResource(String name) {
        try {
            return Paths.get(Chart.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new AssertionError("missing test resource " + name, e);
        }
    }

    /** A copy of the chart in a temporary directory, for linting other values or a broken chart. */
    static Path copy(Path target) {
        Path source = Repo.chartDir();
        try (var files = Files.walk(source)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path dest = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }
}
