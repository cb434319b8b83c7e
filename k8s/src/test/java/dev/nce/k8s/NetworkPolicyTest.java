package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The NetworkPolicies allow what DESIGN.md's map needs and nothing else, asked as connections between pods:
 * ingress controller -> REST ports; subscription -> catalog; everyone -> DNS, Kafka, its own PostgreSQL;
 * notification -> SMTP and public HTTPS webhooks.
 */
class NetworkPolicyTest {

    private static final Map<String, String> INGRESS_NS = Map.of("kubernetes.io/metadata.name", "ingress-nginx");
    private static final Map<String, String> INGRESS_POD = Map.of("app.kubernetes.io/name", "ingress-nginx");
    private static final Map<String, String> DNS_NS = Map.of("kubernetes.io/metadata.name", "kube-system");
    private static final Map<String, String> DNS_POD = Map.of("k8s-app", "kube-dns");
    private static final Map<String, String> MONITORING_NS = Map.of("kubernetes.io/metadata.name", "monitoring");
    private static final Map<String, String> PROMETHEUS_POD = Map.of("app.kubernetes.io/name", "prometheus");
    private static final Map<String, String> STRIMZI_BROKER =
            Map.of("strimzi.io/cluster", "nce-kafka", "strimzi.io/kind", "Kafka", "strimzi.io/broker-role", "true");
    /** An address in values-external.yaml's Kafka and PostgreSQL ranges. */
    private static final String EXTERNAL_KAFKA_IP = "10.20.3.4";
    private static final String EXTERNAL_PG_IP = "10.30.3.4";
    private static final String PUBLIC_IP = "203.0.113.10";
    private static final String PRIVATE_IP = "10.1.2.3";

    private static Map<String, String> pods(Manifest manifest, String deployment) {
        return WorkloadTest.podLabels(manifest.typed(Deployment.class, Chart.n(deployment)));
    }

    private static Map<String, String> cnpgPrimary(String service) {
        return Map.of("cnpg.io/cluster", Chart.n(service.replace("-service", "") + "-db"), "cnpg.io/instanceRole", "primary");
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void everyPlatformPodIsIsolatedByExactlyOnePolicy(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<NetworkPolicy> policies = manifest.typed(NetworkPolicy.class);
        for (Deployment d : manifest.typed(Deployment.class)) {
            List<NetworkPolicy> selecting = Net.selecting(policies, WorkloadTest.podLabels(d));
            assertEquals(1, selecting.size(), d.getMetadata().getName());
            assertEquals(List.of("Ingress", "Egress"), selecting.get(0).getSpec().getPolicyTypes());
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void ingressReachesOnlyTheRestPorts(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<NetworkPolicy> policies = manifest.typed(NetworkPolicy.class);
        Net.Endpoint controller = Net.Endpoint.pod(INGRESS_NS, INGRESS_POD);
        for (String service : Repo.SERVICES) {
            int port = Repo.conventionPort(service);
            assertTrue(Net.ingressAllowed(policies, pods(manifest, service), controller, port, "TCP"), service);
            assertFalse(Net.ingressAllowed(policies, pods(manifest, service), controller, port + 1000, "TCP"), service);
            assertFalse(Net.ingressAllowed(policies, pods(manifest, service),
                    Net.Endpoint.pod(Map.of("kubernetes.io/metadata.name", "other"), INGRESS_POD), port, "TCP"),
                    service + ": only from the ingress controller's namespace");
        }
        assertFalse(Net.ingressAllowed(policies, pods(manifest, WorkloadTest.WORKER), controller, 8083, "TCP"),
                "the invoice workers take no requests");
        boolean scraped = variant == Chart.Variant.PRODUCTION;
        Net.Endpoint prometheus = Net.Endpoint.pod(MONITORING_NS, PROMETHEUS_POD);
        assertEquals(scraped, Net.ingressAllowed(policies, pods(manifest, "billing-service"), prometheus, 8083, "TCP"));
        assertEquals(scraped, Net.ingressAllowed(policies, pods(manifest, WorkloadTest.WORKER), prometheus, 8083, "TCP"));
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void onlySubscriptionCallsCatalog(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<NetworkPolicy> policies = manifest.typed(NetworkPolicy.class);
        int catalogPort = Repo.conventionPort("catalog-service");
        Net.Endpoint catalog = Net.Endpoint.pod(pods(manifest, "catalog-service"));
        assertTrue(Net.egressAllowed(policies, pods(manifest, "subscription-service"), catalog, catalogPort, "TCP"));
        assertTrue(Net.ingressAllowed(policies, pods(manifest, "catalog-service"),
                Net.Endpoint.pod(pods(manifest, "subscription-service")), catalogPort, "TCP"));
        for (String caller : List.of("billing-service", "notification-service", WorkloadTest.WORKER)) {
            assertFalse(Net.egressAllowed(policies, pods(manifest, caller), catalog, catalogPort, "TCP"), caller);
            assertFalse(Net.ingressAllowed(policies, pods(manifest, "catalog-service"),
                    Net.Endpoint.pod(pods(manifest, caller)), catalogPort, "TCP"), caller);
        }
        // notification -> subscription: GET /v1/renewals for the price in NOTICE_* reminders (issue 21)
        int subscriptionPort = Repo.conventionPort("subscription-service");
        Net.Endpoint subscription = Net.Endpoint.pod(pods(manifest, "subscription-service"));
        assertTrue(Net.egressAllowed(policies, pods(manifest, "notification-service"), subscription, subscriptionPort, "TCP"));
        assertTrue(Net.ingressAllowed(policies, pods(manifest, "subscription-service"),
                Net.Endpoint.pod(pods(manifest, "notification-service")), subscriptionPort, "TCP"));
        // no other service-to-service call exists in the map
        for (String caller : Repo.SERVICES) {
            for (String callee : Repo.SERVICES) {
                boolean renewals = caller.equals("notification-service") && callee.equals("subscription-service");
                if (!callee.equals("catalog-service") && !callee.equals(caller) && !renewals) {
                    assertFalse(Net.egressAllowed(policies, pods(manifest, caller),
                            Net.Endpoint.pod(pods(manifest, callee)), Repo.conventionPort(callee), "TCP"),
                            caller + " -> " + callee);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void everyPodReachesDnsKafkaAndItsOwnDatabaseOnly(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<NetworkPolicy> policies = manifest.typed(NetworkPolicy.class);
        Map<String, Object> values = Chart.values(variant);
        String bootstrap = manifest.typed(ConfigMap.class, Chart.n("catalog-service-config"))
                .getData().get("KAFKA_BOOTSTRAP_SERVERS");
        int kafkaPort = Integer.parseInt(bootstrap.split(",")[0].replaceAll(".*:", ""));
        boolean external = variant == Chart.Variant.EXTERNAL;
        Net.Endpoint broker = external ? Net.Endpoint.ip(EXTERNAL_KAFKA_IP) : Net.Endpoint.pod(STRIMZI_BROKER);
        for (String deployment : List.of("catalog-service", "subscription-service", "billing-service",
                "notification-service", WorkloadTest.WORKER)) {
            Map<String, String> from = pods(manifest, deployment);
            String service = WorkloadTest.imageOf(deployment);
            assertTrue(Net.egressAllowed(policies, from, Net.Endpoint.pod(DNS_NS, DNS_POD), 53, "UDP"), deployment);
            assertTrue(Net.egressAllowed(policies, from, Net.Endpoint.pod(DNS_NS, DNS_POD), 53, "TCP"), deployment);
            assertFalse(Net.egressAllowed(policies, from, Net.Endpoint.pod(DNS_NS, Map.of("k8s-app", "other")), 53, "UDP"));
            assertTrue(Net.egressAllowed(policies, from, broker, kafkaPort, "TCP"), deployment + " -> Kafka");
            assertFalse(Net.egressAllowed(policies, from, broker, 2181, "TCP"), deployment);

            Object dbPort = ((Map<?, ?>) Chart.value(values, "services", service, "database")).get("port");
            int pgPort = dbPort == null ? 5432 : ((Number) dbPort).intValue();
            if (external) {
                assertTrue(Net.egressAllowed(policies, from, Net.Endpoint.ip(EXTERNAL_PG_IP), pgPort, "TCP"), deployment);
                assertFalse(Net.egressAllowed(policies, from, Net.Endpoint.ip(PUBLIC_IP), pgPort, "TCP"), deployment);
            } else {
                assertTrue(Net.egressAllowed(policies, from, Net.Endpoint.pod(cnpgPrimary(service)), pgPort, "TCP"),
                        deployment + " -> its database");
                for (String other : Repo.SERVICES) {
                    if (!other.equals(service)) {
                        assertFalse(Net.egressAllowed(policies, from, Net.Endpoint.pod(cnpgPrimary(other)), pgPort, "TCP"),
                                deployment + " must not reach the database of " + other);
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void onlyNotificationLeavesTheClusterForSmtpAndWebhooks(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<NetworkPolicy> policies = manifest.typed(NetworkPolicy.class);
        Map<String, String> notification = pods(manifest, "notification-service");
        int smtpPort = Integer.parseInt(manifest.typed(ConfigMap.class, Chart.n("notification-service-config")).getData().get("QUARKUS_MAILER_PORT"));
        assertTrue(Net.egressAllowed(policies, notification, Net.Endpoint.ip(PUBLIC_IP), 443, "TCP"), "webhooks");
        assertFalse(Net.egressAllowed(policies, notification, Net.Endpoint.ip(PRIVATE_IP), 443, "TCP"),
                "webhooks may not target private addresses");
        assertFalse(Net.egressAllowed(policies, notification, Net.Endpoint.ip(PUBLIC_IP), 80, "TCP"), "HTTPS only");
        assertTrue(Net.egressAllowed(policies, notification, Net.Endpoint.ip(PUBLIC_IP), smtpPort, "TCP"), "SMTP");
        for (String deployment : List.of("catalog-service", "subscription-service", "billing-service", WorkloadTest.WORKER)) {
            assertFalse(Net.egressAllowed(policies, pods(manifest, deployment), Net.Endpoint.ip(PUBLIC_IP), 443, "TCP"),
                    deployment);
            assertFalse(Net.egressAllowed(policies, pods(manifest, deployment), Net.Endpoint.ip(PUBLIC_IP), smtpPort, "TCP"),
                    deployment);
        }
    }
}
