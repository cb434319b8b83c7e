package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What an operator configures by values (issue 14, part 7): workload identity on the ServiceAccount, CloudNativePG
 * backups (off by default, on in production), the PrometheusRule, and webhook egress agreeing with the service's
 * URL validation.
 */
class OperatorValuesTest {

    private static Manifest operator;

    /** values.yaml + src/test/resources/values-operator.yaml. */
    static synchronized Manifest operator() {
        if (operator == null) {
            operator = Manifest.parse(Chart.template(Repo.chartDir(), List.of(Chart.testResource("values-operator.yaml")), Map.of()));
        }
        return operator;
    }

    @Test
    void theServiceAccountCarriesTheWorkloadIdentity() {
        Manifest manifest = operator();
        ServiceAccount sa = manifest.typed(ServiceAccount.class).get(0);
        assertEquals(Map.of("iam.gke.io/gcp-service-account", "nce@example-project.iam.gserviceaccount.com"),
                sa.getMetadata().getAnnotations());
        assertEquals(Boolean.FALSE, sa.getAutomountServiceAccountToken(), "the services never call the Kubernetes API");
        for (Deployment d : manifest.typed(Deployment.class)) {
            assertEquals(sa.getMetadata().getName(), d.getSpec().getTemplate().getSpec().getServiceAccountName());
        }
        Map<String, String> none = Chart.rendered(Chart.Variant.DEFAULT).typed(ServiceAccount.class).get(0).getMetadata().getAnnotations();
        assertTrue(none == null || none.isEmpty(), String.valueOf(none));
    }

    @Test
    void aSecretCanBeMountedAsFilesIntoOneService() {
        Deployment subscription = operator().typed(Deployment.class, Chart.n("subscription-service"));
        var mount = WorkloadTest.container(subscription).getVolumeMounts().stream()
                .filter(m -> m.getName().equals("service-token-key")).findFirst().orElseThrow();
        assertEquals("/etc/nce/service-token", mount.getMountPath());
        assertEquals(Boolean.TRUE, mount.getReadOnly());
        assertEquals("nce-service-token-key", subscription.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getName().equals("service-token-key")).findFirst().orElseThrow().getSecret().getSecretName());
        for (String other : List.of("catalog-service", "billing-service", "notification-service", "billing-worker")) {
            assertTrue(WorkloadTest.container(operator().typed(Deployment.class, Chart.n(other))).getVolumeMounts().stream()
                    .noneMatch(m -> m.getName().equals("service-token-key")), other);
        }
    }

    @Test
    void backupsAreOffByDefault() {
        Manifest manifest = Chart.rendered(Chart.Variant.DEFAULT);
        assertEquals(List.of(), manifest.ofKind("ScheduledBackup"));
        manifest.ofKind("Cluster").forEach(c -> assertFalse(((Map<?, ?>) c.at("spec")).containsKey("backup"), c.toString()));
    }

    @Test
    void productionBacksUpEveryDatabaseToS3Daily() {
        Manifest manifest = Chart.rendered(Chart.Variant.PRODUCTION);
        assertEquals(4, manifest.ofKind("Cluster").size());
        for (Manifest.Doc cluster : manifest.ofKind("Cluster")) {
            Map<String, Object> backup = cluster.at("spec", "backup");
            assertEquals("30d", backup.get("retentionPolicy"));
            assertEquals("s3://nce-backups/postgresql/" + cluster.name(), Chart.value(backup, "barmanObjectStore", "destinationPath"));
            assertEquals(Map.of("accessKeyId", Map.of("name", "nce-backup-credentials", "key", "ACCESS_KEY_ID"),
                            "secretAccessKey", Map.of("name", "nce-backup-credentials", "key", "ACCESS_SECRET_KEY")),
                    Chart.value(backup, "barmanObjectStore", "s3Credentials"));
            Manifest.Doc scheduled = manifest.one("ScheduledBackup", cluster.name());
            assertEquals(cluster.name(), scheduled.at("spec", "cluster", "name"));
            assertEquals("0 0 2 * * *", scheduled.at("spec", "schedule"));
            assertEquals(Boolean.TRUE, scheduled.at("spec", "immediate"));
        }
    }

    @Test
    void backupsToGcsUseThePostgresPodsIdentity() {
        Manifest.Doc cluster = operator().one("Cluster", Chart.n("billing-db"));
        assertEquals("gs://nce-backups/pg/nce-billing-db", cluster.at("spec", "backup", "barmanObjectStore", "destinationPath"));
        assertEquals(Map.of("gkeEnvironment", true), cluster.at("spec", "backup", "barmanObjectStore", "googleCredentials"));
        assertEquals(Map.of("iam.gke.io/gcp-service-account", "nce-db@example-project.iam.gserviceaccount.com"),
                cluster.at("spec", "serviceAccountTemplate", "metadata", "annotations"));
        assertEquals(4, operator().ofKind("ScheduledBackup").size());
    }

    private static Map<String, Map<String, Object>> alerts(Manifest manifest) {
        List<Map<String, Object>> groups = manifest.one("PrometheusRule", "nce-platform").at("spec", "groups");
        assertEquals(1, groups.size());
        List<Map<String, Object>> rules = Chart.value(groups.get(0), "rules");
        return rules.stream().collect(Collectors.toMap(
                r -> r.get("alert") + (r.get("alert").equals("NceConsumerLag") ? "/" + Chart.value(r, "labels", "consumergroup") : ""),
                r -> r));
    }

    @Test
    void productionAlertsOnMissingCustomersOutboxAgeDeadLettersAndLagOfEachGroup() {
        Manifest manifest = Chart.rendered(Chart.Variant.PRODUCTION);
        Map<String, Map<String, Object>> alerts = alerts(manifest);
        assertEquals("max by (namespace) (nce_invoice_run_missing_customers{namespace=\"nce\"}) > 0",
                alerts.get("NceInvoiceRunMissingCustomers").get("expr"), "D12");
        assertEquals("max by (namespace, job) (nce_outbox_oldest_unsent_seconds{namespace=\"nce\"}) > 60",
                alerts.get("NceOutboxNotPublished").get("expr"));
        assertEquals("sum by (namespace, job) (nce_dead_letters{namespace=\"nce\"}) > 0", alerts.get("NceDeadLetters").get("expr"));

        // one lag rule per consumer group the services declare in application.properties
        Set<String> groups = new TreeSet<>();
        for (String service : Repo.SERVICES) {
            var p = Repo.applicationProperties(service).orElseThrow();
            p.stringPropertyNames().stream().filter(k -> k.matches("(%[\\w-]+\\.)?mp\\.messaging\\.incoming\\.[\\w-]+\\.group\\.id"))
                    .forEach(k -> groups.add(p.getProperty(k)));
        }
        assertEquals(8, groups.size(), groups.toString());
        Set<String> lagRules = alerts.keySet().stream().filter(k -> k.startsWith("NceConsumerLag/"))
                .map(k -> k.substring("NceConsumerLag/".length())).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(groups, lagRules);
        assertEquals(3 + 8, alerts.size());
        Map<String, Object> offers = alerts.get("NceConsumerLag/notification-catalog-offers");
        assertEquals("sum by (namespace, consumergroup, topic) (kafka_consumergroup_lag{namespace=\"nce\", "
                + "consumergroup=\"notification-catalog-offers\"}) > 1000", offers.get("expr"));
        assertEquals("10m", offers.get("for"));
        Map<String, Object> workers = alerts.get("NceConsumerLag/billing-invoice-workers");
        assertTrue(((String) workers.get("expr")).endsWith(") > 5000"), workers.toString());
        assertEquals("30m", workers.get("for"));

        // the lag comes from Strimzi's Kafka Exporter, limited to the platform's topics
        Pattern topics = Pattern.compile(manifest.one("Kafka", "nce-kafka").at("spec", "kafkaExporter", "topicRegex"));
        Repo.conventionTopics().keySet().forEach(t -> assertTrue(topics.matcher(t).matches(), t));
        assertFalse(topics.matcher("nceXcatalogXoffersXv1").matches(), "dots are literal");
        assertTrue(manifest.has("PodMonitor", "nce-kafka-kafka-exporter"));
    }

    @Test
    void noAlertsOrExporterByDefault() {
        Manifest manifest = Chart.rendered(Chart.Variant.DEFAULT);
        assertEquals(List.of(), manifest.ofKind("PrometheusRule"));
        assertFalse(((Map<?, ?>) manifest.one("Kafka", "nce-kafka").at("spec")).containsKey("kafkaExporter"));
    }

    /** notification-service may post to a private address exactly when its URL validation is told so. */
    @Test
    void webhookEgressAndUrlValidationReadOneValue() {
        record Case(Manifest manifest, boolean allowPrivate) {}
        for (Case c : List.of(new Case(Chart.rendered(Chart.Variant.DEFAULT), false),
                new Case(Chart.rendered(Chart.Variant.PRODUCTION), false), new Case(operator(), true))) {
            Map<String, String> data = c.manifest().typed(ConfigMap.class, Chart.n("notification-service-config")).getData();
            assertEquals(String.valueOf(c.allowPrivate()), data.get("NCE_WEBHOOKS_ALLOW_PRIVATE_TARGETS"));
            List<NetworkPolicy> policies = c.manifest().typed(NetworkPolicy.class);
            Map<String, String> notification = WorkloadTest.podLabels(c.manifest().typed(Deployment.class, Chart.n("notification-service")));
            for (String privateIp : List.of("10.1.2.3", "172.20.0.9", "192.168.1.1", "169.254.169.254", "100.64.0.7")) {
                assertEquals(c.allowPrivate(), Net.egressAllowed(policies, notification, Net.Endpoint.ip(privateIp), 443, "TCP"),
                        privateIp + " with NCE_WEBHOOKS_ALLOW_PRIVATE_TARGETS=" + c.allowPrivate());
            }
            assertTrue(Net.egressAllowed(policies, notification, Net.Endpoint.ip("203.0.113.10"), 443, "TCP"));
            for (String port : data.get("NCE_WEBHOOK_PORTS").split(",")) {
                assertTrue(Net.egressAllowed(policies, notification, Net.Endpoint.ip("203.0.113.10"), Integer.parseInt(port), "TCP"));
            }
            assertFalse(Net.egressAllowed(policies, notification, Net.Endpoint.ip("203.0.113.10"), 8443, "TCP"));
        }
    }
}
