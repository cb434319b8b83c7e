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
        assertTrue(e.getMessage().contains("billing.worker.minReplicas must be 0 or 1"), e.getMessage());
    }

    @Test
    void lintFailsOnABrokenTemplate(@TempDir Path tmp) throws Exception {
        Path chart = Chart.copy(tmp.resolve("nce-platform"));
        Path service = chart.resolve("templates/service.yaml");
        Files.writeString(service, Files.readString(service).replace("{{- end }}\n{{- end }}", "{{- end }}"));
        assertTrue(new Helm(chart).lint().strict().call().isFailed(), "lint must fail on an unbalanced template");
    }
}
