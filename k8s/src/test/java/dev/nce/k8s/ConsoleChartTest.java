package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Issue 21: the web console's Deployment, Service, optional Ingress and NetworkPolicy (off by default). */
class ConsoleChartTest {

    private static final Map<String, String> ON = Map.of("console.enabled", "true", "console.ingress.enabled", "true",
            "console.ingress.host", "console.example.com", "console.oidc.authServerUrl", "https://login.example.com/realms/nce");

    private static Manifest withConsole() {
        return Manifest.parse(Chart.template(Repo.chartDir(), List.of(), ON));
    }

    @Test
    void theConsoleIsOffByDefault() {
        assertTrue(Chart.rendered(Chart.Variant.DEFAULT).names().stream().noneMatch(n -> n.endsWith(" nce-console")));
        assertTrue(Chart.rendered(Chart.Variant.PRODUCTION).names().stream().noneMatch(n -> n.endsWith(" nce-console")));
    }

    @Test
    void theConsoleSignsInThroughOidcAndCallsTheReleasesServices() {
        Manifest manifest = withConsole();
        Deployment d = manifest.typed(Deployment.class, Chart.n("console"));
        Map<String, EnvVar> env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .collect(Collectors.toMap(EnvVar::getName, e -> e));
        assertEquals("oidc", env.get("QUARKUS_PROFILE").getValue());
        assertEquals("https://login.example.com/realms/nce", env.get("QUARKUS_OIDC_AUTH_SERVER_URL").getValue());
        assertEquals("nce-console-oidc", env.get("QUARKUS_OIDC_CREDENTIALS_SECRET").getValueFrom().getSecretKeyRef().getName());
        assertEquals("http://nce-catalog-service:8081", env.get("NCE_CONSOLE_CATALOG_URL").getValue());
        assertEquals("http://nce-subscription-service:8082", env.get("NCE_CONSOLE_SUBSCRIPTION_URL").getValue());
        assertEquals("http://nce-billing-service:8083", env.get("NCE_CONSOLE_BILLING_URL").getValue());
        assertEquals("http://nce-notification-service:8084", env.get("NCE_CONSOLE_NOTIFICATION_URL").getValue());
        assertEquals("nce/console:" + Repo.conventionVersion(), d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());

        Service s = manifest.typed(Service.class, Chart.n("console"));
        assertEquals(8085, s.getSpec().getPorts().get(0).getPort());
        Ingress ingress = manifest.typed(Ingress.class, Chart.n("console"));
        assertEquals(Chart.n("console"), ingress.getSpec().getRules().get(0).getHttp().getPaths().get(0).getBackend().getService().getName());
        assertEquals("console.example.com", ingress.getSpec().getRules().get(0).getHost());
    }

    @Test
    void theConsoleMayReachEveryServicesRestPortAndNothingElseOfThePlatform() {
        Manifest manifest = withConsole();
        List<NetworkPolicy> policies = manifest.typed(NetworkPolicy.class);
        Map<String, String> console = WorkloadTest.podLabels(manifest.typed(Deployment.class, Chart.n("console")));
        for (String service : Repo.SERVICES) {
            Map<String, String> pods = WorkloadTest.podLabels(manifest.typed(Deployment.class, Chart.n(service)));
            int port = Repo.conventionPort(service);
            assertTrue(Net.egressAllowed(policies, console, Net.Endpoint.pod(pods), port, "TCP"), "console -> " + service);
            assertTrue(Net.ingressAllowed(policies, pods, Net.Endpoint.pod(console), port, "TCP"), service + " <- console");
        }
        Map<String, String> db = Map.of("cnpg.io/cluster", Chart.n("billing-db"), "cnpg.io/instanceRole", "primary");
        assertFalse(Net.egressAllowed(policies, console, Net.Endpoint.pod(db), 5432, "TCP"), "the console has no database");
    }
}
