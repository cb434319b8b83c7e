package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Release-scoped names (issue 14, part 7): every object is <release>-<component>, or <fullnameOverride>-<component>,
 * and every reference between objects (Services, Secrets, clusters, ConfigMaps, scale targets) follows, so two
 * releases in one namespace do not collide.
 */
class NamingTest {

    private static Manifest render(String release, Map<String, String> sets) {
        return Manifest.parse(Chart.template(Repo.chartDir(), release, List.of(), sets));
    }

    @Test
    void twoReleasesInOneNamespaceShareNoObjectName() {
        Manifest shop = render("shop", Map.of());
        Set<String> names = new HashSet<>(Chart.rendered(Chart.Variant.DEFAULT).names());
        assertEquals(43, names.size());
        for (String name : shop.names()) {
            assertTrue(names.add(name), "both releases render " + name);
            assertTrue(name.split(" ")[1].startsWith("shop-"), name);
        }
        // every reference follows the prefix
        Map<String, String> subscription = shop.typed(ConfigMap.class, "shop-subscription-service-config").getData();
        assertEquals("http://shop-catalog-service:8081", subscription.get("QUARKUS_REST_CLIENT_CATALOG_URL"));
        assertEquals("jdbc:postgresql://shop-subscription-db-rw:5432/subscription", subscription.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("shop-kafka-kafka-bootstrap:9092", subscription.get("KAFKA_BOOTSTRAP_SERVERS"));
        Deployment worker = shop.typed(Deployment.class, "shop-billing-worker");
        assertEquals("shop-billing-db-app", WorkloadTest.container(worker).getEnv().stream()
                .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")).findFirst().orElseThrow()
                .getValueFrom().getSecretKeyRef().getName());
        assertEquals("shop-billing-service-config", WorkloadTest.container(worker).getEnvFrom().get(0).getConfigMapRef().getName());
        assertEquals("shop-platform", worker.getSpec().getTemplate().getSpec().getServiceAccountName());
        assertEquals("shop-billing-worker", shop.one("ScaledObject", "shop-billing-worker").at("spec", "scaleTargetRef", "name"));
        assertEquals("shop-kafka", shop.one("KafkaTopic", "shop-nce-billing-invoices-v1").at("metadata", "labels", "strimzi.io/cluster"));
        assertEquals("shop", worker.getSpec().getTemplate().getMetadata().getLabels().get("app.kubernetes.io/instance"));
        // the billing pods may reach their own release's database only
        NetworkPolicy billing = shop.typed(NetworkPolicy.class, "shop-billing-service");
        Map<String, String> ownDb = Map.of("cnpg.io/cluster", "shop-billing-db", "cnpg.io/instanceRole", "primary");
        Map<String, String> otherDb = Map.of("cnpg.io/cluster", "nce-billing-db", "cnpg.io/instanceRole", "primary");
        Map<String, String> pods = WorkloadTest.podLabels(shop.typed(Deployment.class, "shop-billing-service"));
        assertTrue(Net.egressAllowed(List.of(billing), pods, Net.Endpoint.pod(ownDb), 5432, "TCP"));
        assertTrue(!Net.egressAllowed(List.of(billing), pods, Net.Endpoint.pod(otherDb), 5432, "TCP"), "not the other release's");
    }

    @Test
    void fullnameOverrideReplacesTheReleaseNameInEveryName() {
        Manifest manifest = render("nce", Map.of("fullnameOverride", "commerce"));
        assertEquals(43, manifest.docs.size());
        manifest.docs.forEach(d -> assertTrue(d.name().startsWith("commerce-"), d.toString()));
        assertTrue(manifest.has("Cluster", "commerce-catalog-db"));
        assertTrue(manifest.has("Kafka", "commerce-kafka"));
        assertEquals("http://commerce-catalog-service:8081", manifest.typed(ConfigMap.class, "commerce-subscription-service-config")
                .getData().get("QUARKUS_REST_CLIENT_CATALOG_URL"));
    }

    @Test
    void databasesAndBrokersOutliveTheRelease() {
        // a rename or helm uninstall must not delete a database or the brokers' volumes
        Manifest manifest = Chart.rendered(Chart.Variant.PRODUCTION);
        List<Manifest.Doc> stateful = manifest.docs.stream()
                .filter(d -> Set.of("Cluster", "Kafka", "KafkaNodePool").contains(d.kind())).toList();
        assertEquals(6, stateful.size());
        stateful.forEach(d -> assertEquals("keep", d.at("metadata", "annotations", "helm.sh/resource-policy"), d.toString()));
        manifest.docs.stream().filter(d -> !stateful.contains(d)).forEach(d -> assertTrue(
                !String.valueOf(d.raw().get("metadata")).contains("resource-policy"), d + " goes with the release"));
    }

    @Test
    void theDefaultReleaseKeepsItsKafkaClusterName() {
        // release "nce": the Strimzi cluster is nce-kafka, as before release-scoped names
        assertTrue(Chart.rendered(Chart.Variant.DEFAULT).has("Kafka", "nce-kafka"));
        assertTrue(Chart.rendered(Chart.Variant.DEFAULT).has("ServiceAccount", "nce-platform"));
    }
}
