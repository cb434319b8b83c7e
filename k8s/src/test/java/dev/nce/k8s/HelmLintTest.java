package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** helm lint --strict and helm template on the chart, and the chart's refusals of incomplete values. */
class HelmLintTest {

    @Test
    void chartMetadata() {
        Map<String, Object> chart = Chart.readYaml(Repo.chartDir().resolve("Chart.yaml"));
        assertEquals("v2", chart.get("apiVersion"));
        assertEquals("nce-platform", chart.get("name"));
        assertEquals("application", chart.get("type"));
        assertEquals(Repo.conventionVersion(), chart.get("appVersion"));
    }

    @Test
    void lintStrictWithDefaultValues() {
        assertLintClean(Repo.chartDir());
    }

    /**
     * helm-java's lint takes no values file, so the production values are linted as helm would merge them: a copy
     * of the chart whose values.yaml is values.yaml overlaid with values-production.yaml.
     */
    @ParameterizedTest
    @EnumSource(value = Chart.Variant.class, names = {"PRODUCTION", "EXTERNAL", "SIMULATED"})
    void lintStrictWithOtherValues(Chart.Variant variant, @TempDir Path tmp) throws Exception {
        Path chart = Chart.copy(tmp.resolve("nce-platform"));
        Files.writeString(chart.resolve("values.yaml"), Serialization.asYaml(Chart.values(variant)));
        assertLintClean(chart);
    }

    private static void assertLintClean(Path chart) {
        LintResult result = new Helm(chart).lint().strict().call();
        assertFalse(result.isFailed(), "helm lint --strict failed: " + result.getMessages());
        List<String> problems = result.getMessages().stream()
                .filter(m -> m.contains("[WARNING]") || m.contains("[ERROR]"))
                .toList();
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void templateRendersEveryVariant(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        // the four services and the billing workers, whatever the variant
        assertEquals(5, manifest.ofKind("Deployment").size(), manifest.names().toString());
        assertTrue(manifest.ofKind("Secret").isEmpty(), "the chart never renders a Secret");
    }

    @Test
    void refusesSaslWithoutASecret() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chart.template(Repo.chartDir(),
                List.of(), Map.of("kafka.securityProtocol", "SASL_SSL", "kafka.tls.caSecret.name", "ca",
                        "kafka.strimzi.users.create", "false")));
        assertTrue(e.getMessage().contains("kafka.sasl.existingSecret is required"), e.getMessage());
    }

    @Test
    void refusesExternalDatabaseWithoutHost() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chart.template(Repo.chartDir(),
                List.of(), Map.of("postgresql.cnpg.enabled", "false")));
        assertTrue(e.getMessage().contains("database.host"), e.getMessage());
    }

    @Test
    void refusesAWorkerMinimumOtherThanZeroOrOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chart.template(Repo.chartDir(),
                List.of(), Map.of("billing.worker.minReplicas", "2")));
        // the schema refuses it first (enum [0, 1]); the template's own check stays for charts rendered without it
        assertTrue(e.getMessage().contains("minReplicas") && e.getMessage().contains("schema"), e.getMessage());
    }

    /** A copy of the chart whose values.yaml is values.yaml with one override, linted strictly. */
    private static LintResult lintWith(Path tmp, Map<String, Object> override) {
        Path chart = Chart.copy(tmp.resolve("nce-platform"));
        try {
            Files.writeString(chart.resolve("values.yaml"),
                    Serialization.asYaml(Chart.merge(Chart.values(Chart.Variant.DEFAULT), override)));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Helm(chart).lint().strict().call();
    }

    @Test
    void lintFailsOnAnUnknownKey(@TempDir Path tmp) {
        // a misspelt key would otherwise be ignored silently and the default used
        LintResult result = lintWith(tmp, Map.of("kafka", Map.of("bootstrapServer", "kafka:9092")));
        assertTrue(result.isFailed(), "lint must fail on kafka.bootstrapServer: " + result.getMessages());
        assertTrue(result.getMessages().toString().contains("bootstrapServer"), result.getMessages().toString());
        LintResult service = lintWith(tmp.resolve("svc"), Map.of("services", Map.of("billing-service", Map.of("replica", 2))));
        assertTrue(service.isFailed() && service.getMessages().toString().contains("replica"), service.getMessages().toString());
    }

    @Test
    void lintFailsOnAWrongType(@TempDir Path tmp) {
        LintResult result = lintWith(tmp, Map.of("kafka", Map.of("topics", Map.of("invoiceTasks", Map.of("partitions", "twelve")))));
        assertTrue(result.isFailed(), "lint must fail on a string partition count: " + result.getMessages());
        assertTrue(result.getMessages().toString().contains("partitions"), result.getMessages().toString());
        LintResult enumValue = lintWith(tmp.resolve("enum"), Map.of("clock", Map.of("mode", "fast")));
        assertTrue(enumValue.isFailed() && enumValue.getMessages().toString().contains("mode"), enumValue.getMessages().toString());
    }

    @Test
    void installRefusesAnUnknownKeyToo() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Chart.template(Repo.chartDir(),
                List.of(), Map.of("metrics.prometheusRule.enable", "true")));
        assertTrue(e.getMessage().contains("enable"), e.getMessage());
    }

    @Test
    void theSchemaCoversEveryValue() {
        // every key of values.yaml and values-production.yaml is declared (no additionalProperties needed)
        Map<String, Object> schema = Chart.readYaml(Repo.chartDir().resolve("values.schema.json"));
        assertEquals(Boolean.FALSE, schema.get("additionalProperties"));
        assertEquals(Boolean.FALSE, Chart.value(schema, "$defs", "service", "additionalProperties"));
        assertEquals(List.of(0, 1), Chart.value(schema, "properties", "billing", "properties", "worker", "properties", "minReplicas", "enum"));
    }

    @Test
    void lintFailsOnABrokenTemplate(@TempDir Path tmp) throws Exception {
        Path chart = Chart.copy(tmp.resolve("nce-platform"));
        Path service = chart.resolve("templates/service.yaml");
        Files.writeString(service, Files.readString(service).replace("{{- end }}\n{{- end }}", "{{- end }}"));
        assertTrue(new Helm(chart).lint().strict().call().isFailed(), "lint must fail on an unbalanced template");
    }
}
