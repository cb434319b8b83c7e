package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Prints the objects rendered for the production values; k8s/README.md lists exactly these. */
class RenderedObjectsTest {

    @Test
    void readmeListsTheObjectsOfTheProductionValues() {
        List<String> rendered = Chart.rendered(Chart.Variant.PRODUCTION).names();
        System.out.println("Objects rendered with values-production.yaml (" + rendered.size() + "):");
        rendered.forEach(n -> System.out.println("  " + n));

        String readme = Repo.read(Repo.root().resolve("k8s/README.md"));
        Matcher block = Pattern.compile("<!-- production-objects:start -->\\s*```text\\n(.*?)```\\s*<!-- production-objects:end -->",
                Pattern.DOTALL).matcher(readme);
        assertTrue(block.find(), "k8s/README.md has no production-objects block");
        List<String> documented = Arrays.stream(block.group(1).split("\n")).map(String::trim).filter(l -> !l.isEmpty()).toList();
        assertEquals(rendered, documented, "k8s/README.md's list of production objects");
        assertEquals(59, rendered.size());
    }

    @Test
    void defaultValuesRenderTheSameWithoutMonitorsAndKafkaAuthentication() {
        List<String> production = Chart.rendered(Chart.Variant.PRODUCTION).names();
        List<String> expected = production.stream()
                .filter(n -> !n.startsWith("ServiceMonitor ") && !n.startsWith("PodMonitor ")
                        && !n.startsWith("TriggerAuthentication ") && !n.startsWith("KafkaUser ")
                        && !n.startsWith("ScheduledBackup ") && !n.startsWith("PrometheusRule "))
                .toList();
        assertEquals(expected, Chart.rendered(Chart.Variant.DEFAULT).names());
        assertTrue(Repo.read(Repo.root().resolve("k8s/README.md")).contains("(" + expected.size() + " objects)"),
                "k8s/README.md states the default object count " + expected.size());
    }
}
