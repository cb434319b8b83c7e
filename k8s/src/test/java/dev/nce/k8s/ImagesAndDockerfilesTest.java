package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Chart images and ports match each service's Maven coordinates (its pom, or CONVENTIONS.md until the pom exists),
 * its quarkus.http.port, and the EXPOSE of its src/main/docker/Dockerfile.jvm.
 */
class ImagesAndDockerfilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "subscription-service", "billing-service", "notification-service"})
    void imageAndPortMatchTheService(String service) {
        Repo.Coordinates coordinates = Repo.coordinates(service);
        int port = Repo.conventionPort(service);
        System.out.printf("%s: %s:%s (from %s), port %d%n", service, coordinates.artifactId(), coordinates.version(),
                coordinates.source(), port);
        assertEquals(service, coordinates.artifactId());
        assertEquals(Repo.conventionVersion(), coordinates.version());

        Container c = WorkloadTest.container(Chart.rendered(Chart.Variant.DEFAULT).typed(Deployment.class, Chart.n(service)));
        assertEquals("nce/" + coordinates.artifactId() + ":" + coordinates.version(), c.getImage());
        assertEquals(port, c.getPorts().get(0).getContainerPort());
        Container production = WorkloadTest.container(Chart.rendered(Chart.Variant.PRODUCTION).typed(Deployment.class, Chart.n(service)));
        assertTrue(production.getImage().endsWith("/nce/" + coordinates.artifactId() + ":" + coordinates.version()),
                production.getImage());

        Properties properties = Repo.applicationProperties(service).orElse(null);
        if (properties != null && properties.containsKey("quarkus.http.port")) {
            assertEquals(String.valueOf(port), Repo.property(properties, null, "quarkus.http.port").orElseThrow(),
                    service + "'s quarkus.http.port");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"catalog-service", "subscription-service", "billing-service", "notification-service"})
    void dockerfileIsTheQuarkusJvmImageExposingThePort(String service) throws Exception {
        Path file = Repo.dockerfile(service);
        assertTrue(Files.isRegularFile(file), "missing " + file);
        List<String> instructions = Files.readAllLines(file).stream()
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        assertEquals("FROM registry.access.redhat.com/ubi9/openjdk-17:1.23", instructions.get(0));
        assertEquals(List.of("EXPOSE " + Repo.conventionPort(service)),
                instructions.stream().filter(l -> l.startsWith("EXPOSE")).toList());
        assertEquals(List.of("USER 185"), instructions.stream().filter(l -> l.startsWith("USER")).toList());
        for (String layer : List.of("lib/", "*.jar", "app/", "quarkus/")) {
            assertTrue(instructions.stream().anyMatch(l -> l.startsWith("COPY --chown=185 target/quarkus-app/" + layer)),
                    service + " copies target/quarkus-app/" + layer);
        }
        assertTrue(instructions.contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""));
        assertTrue(instructions.get(instructions.size() - 1).startsWith("ENTRYPOINT [ \"/opt/jboss/container/java/run/run-java.sh\" ]"));
        // the chart runs the same user the image declares
        Map<String, Object> securityContext = Chart.rendered(Chart.Variant.DEFAULT).one("Deployment", Chart.n(service))
                .at("spec", "template", "spec", "securityContext");
        assertEquals(185, securityContext.get("runAsUser"));
    }
}
