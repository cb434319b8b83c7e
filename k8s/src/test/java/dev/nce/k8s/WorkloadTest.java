package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Deployments, Services, ConfigMaps, HPAs and PDBs of the four services and the billing workers. */
class WorkloadTest {

    static final String WORKER = "billing-worker";
    private static final Pattern SENSITIVE = Pattern.compile("(?i).*(PASSWORD|USERNAME|SECRET|TOKEN|CREDENTIAL).*");

    /** The service whose image and port a Deployment runs. */
    static String imageOf(String deployment) {
        String component = deployment.startsWith(Chart.RELEASE + "-") ? deployment.substring(Chart.RELEASE.length() + 1) : deployment;
        return component.equals(WORKER) ? "billing-service" : component;
    }

    static Container container(Deployment d) {
        List<Container> containers = d.getSpec().getTemplate().getSpec().getContainers();
        assertEquals(1, containers.size(), d.getMetadata().getName() + " runs one container");
        return containers.get(0);
    }

    static Map<String, String> podLabels(Deployment d) {
        return d.getSpec().getTemplate().getMetadata().getLabels();
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void oneDeploymentPerServicePlusTheWorkers(Chart.Variant variant) {
        Set<String> names = Chart.rendered(variant).typed(Deployment.class).stream()
                .map(d -> d.getMetadata().getName()).collect(Collectors.toSet());
        Set<String> expected = Repo.SERVICES.stream().map(Chart::n).collect(Collectors.toSet());
        expected.add(Chart.n(WORKER));
        assertEquals(expected, names);
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void everyDeploymentHasProbesResourcesAndARestrictedSecurityContext(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        for (Deployment d : manifest.typed(Deployment.class)) {
            String name = d.getMetadata().getName();
            Container c = container(d);
            int port = Repo.conventionPort(imageOf(name));
            ContainerPort http = c.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(name + " has no port named http"));
            assertEquals(port, http.getContainerPort(), name + " container port");

            assertProbe(name, "startup", c.getStartupProbe(), "/q/health/started", c, port);
            assertProbe(name, "liveness", c.getLivenessProbe(), "/q/health/live", c, port);
            assertProbe(name, "readiness", c.getReadinessProbe(), "/q/health/ready", c, port);
            Probe startup = c.getStartupProbe();
            assertTrue(startup.getPeriodSeconds() * startup.getFailureThreshold() >= 120,
                    name + ": the startup probe leaves at least 2 minutes for Flyway migrations");

            for (String resource : List.of("cpu", "memory")) {
                Quantity request = c.getResources().getRequests().get(resource);
                Quantity limit = c.getResources().getLimits().get(resource);
                assertNotNull(request, name + " requests " + resource);
                assertNotNull(limit, name + " limits " + resource);
                assertTrue(Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) <= 0,
                        name + ": " + resource + " request " + request + " <= limit " + limit);
            }
            assertTrue(Quantity.getAmountInBytes(c.getResources().getLimits().get("memory"))
                    .compareTo(new BigDecimal(512L * 1024 * 1024)) >= 0, name + ": a JVM needs >= 512Mi");

            PodSpec pod = d.getSpec().getTemplate().getSpec();
            PodSecurityContext psc = pod.getSecurityContext();
            assertEquals(Boolean.TRUE, psc.getRunAsNonRoot(), name);
            assertEquals(185L, psc.getRunAsUser(), name);
            assertEquals("RuntimeDefault", psc.getSeccompProfile().getType(), name);
            SecurityContext sc = c.getSecurityContext();
            assertEquals(Boolean.TRUE, sc.getRunAsNonRoot(), name);
            assertEquals(185L, sc.getRunAsUser(), name);
            assertEquals(Boolean.FALSE, sc.getAllowPrivilegeEscalation(), name);
            assertEquals(Boolean.TRUE, sc.getReadOnlyRootFilesystem(), name);
            assertNull(sc.getPrivileged(), name);
            assertEquals(List.of("ALL"), sc.getCapabilities().getDrop(), name);
            assertTrue(sc.getCapabilities().getAdd() == null || sc.getCapabilities().getAdd().isEmpty(), name);

            VolumeMount tmp = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals("/tmp")).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": /tmp is not mounted (read-only root)"));
            Volume tmpVolume = volume(pod, tmp.getName());
            assertNotNull(tmpVolume.getEmptyDir(), name + ": /tmp is an emptyDir");

            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name);
            manifest.typed(ServiceAccount.class, pod.getServiceAccountName());
            assertTrue(d.getSpec().getTemplate().getMetadata().getAnnotations().get("checksum/config")
                    .matches("[0-9a-f]{64}"), name + " rolls on config changes");
            String configMap = c.getEnvFrom().get(0).getConfigMapRef().getName();
            assertEquals(Chart.n(imageOf(name) + "-config"), configMap, name);
            assertTrue(manifest.has("ConfigMap", configMap), name + " reads a rendered ConfigMap");
        }
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no volume " + name));
    }

    private static void assertProbe(String deployment, String kind, Probe probe, String path, Container c, int port) {
        assertNotNull(probe, deployment + " has a " + kind + " probe");
        assertEquals(path, probe.getHttpGet().getPath(), deployment + " " + kind + " path");
        IntOrString probePort = probe.getHttpGet().getPort();
        int resolved = probePort.getIntVal() != null ? probePort.getIntVal()
                : c.getPorts().stream().filter(p -> probePort.getStrVal().equals(p.getName()))
                        .findFirst().orElseThrow(() -> new AssertionError(deployment + ": probe port " + probePort))
                        .getContainerPort();
        assertEquals(port, resolved, deployment + " " + kind + " port");
        assertTrue(probe.getPeriodSeconds() > 0 && probe.getFailureThreshold() > 0 && probe.getTimeoutSeconds() > 0);
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void secretsComeOnlyFromSecretReferences(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        Map<String, Object> values = Chart.values(variant);
        for (Deployment d : manifest.typed(Deployment.class)) {
            String name = d.getMetadata().getName();
            List<EnvVar> env = container(d).getEnv();
            Map<String, EnvVar> byName = env.stream().collect(Collectors.toMap(EnvVar::getName, e -> e));
            for (EnvVar e : env) {
                if (e.getName().equals("KAFKA_SASL_JAAS_CONFIG")) {
                    Matcher m = Pattern.compile("username=\"\\$\\((\\w+)\\)\" password=\"\\$\\((\\w+)\\)\";$").matcher(e.getValue());
                    assertTrue(m.find(), name + ": the JAAS config only references variables: " + e.getValue());
                    for (String ref : List.of(m.group(1), m.group(2))) {
                        assertTrue(env.indexOf(byName.get(ref)) >= 0 && env.indexOf(byName.get(ref)) < env.indexOf(e),
                                name + ": " + ref + " is defined before the JAAS config");
                    }
                    assertNotNull(byName.get(m.group(2)).getValueFrom().getSecretKeyRef(), name + ": " + m.group(2));
                } else if (e.getName().equals("NCE_KAFKA_USERNAME") && manifest.has("KafkaUser", Chart.n(imageOf(name)))) {
                    // the service's own KafkaUser: its name is the user name, its Secret holds only the password
                    assertEquals(Chart.n(imageOf(name)), e.getValue(), name);
                    assertEquals(Chart.n(imageOf(name)), byName.get("NCE_KAFKA_PASSWORD").getValueFrom().getSecretKeyRef().getName());
                    assertEquals("password", byName.get("NCE_KAFKA_PASSWORD").getValueFrom().getSecretKeyRef().getKey());
                } else if (SENSITIVE.matcher(e.getName()).matches()) {
                    assertNull(e.getValue(), name + ": " + e.getName() + " has a clear-text value");
                    assertNotNull(e.getValueFrom().getSecretKeyRef().getName(), name + ": " + e.getName());
                    assertNotNull(e.getValueFrom().getSecretKeyRef().getKey(), name + ": " + e.getName());
                }
            }
            String existing = Chart.value(values, "services", imageOf(name), "database", "existingSecret");
            // empty: the Secret CloudNativePG writes for the service's own cluster
            String db = existing.isEmpty() ? Chart.n(imageOf(name).replace("-service", "") + "-db-app") : existing;
            assertEquals(db, byName.get("QUARKUS_DATASOURCE_USERNAME").getValueFrom().getSecretKeyRef().getName());
            assertEquals(db, byName.get("QUARKUS_DATASOURCE_PASSWORD").getValueFrom().getSecretKeyRef().getName());
            if (name.equals(Chart.n("subscription-service"))) {
                // nce.catalog.token: the bearer token of the catalog calls (CONVENTIONS.md, service-to-service)
                assertEquals("nce-catalog-token", byName.get("NCE_CATALOG_TOKEN").getValueFrom().getSecretKeyRef().getName());
            } else {
                assertFalse(byName.containsKey("NCE_CATALOG_TOKEN"), name);
            }
            boolean sasl = ((String) Chart.value(values, "kafka", "securityProtocol")).startsWith("SASL_");
            assertEquals(sasl, byName.containsKey("KAFKA_SASL_JAAS_CONFIG"), name + " authenticates to Kafka");

            // the JWT public key: a file of a mounted Secret, where the ConfigMap points
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            ConfigMap config = manifest.typed(ConfigMap.class, Chart.n(imageOf(name) + "-config"));
            String location = config.getData().get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");
            Volume jwt = pod.getVolumes().stream().filter(v -> v.getSecret() != null
                    && v.getSecret().getSecretName().equals(Chart.value(values, "jwt", "publicKeySecret", "name")))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " mounts no JWT key Secret"));
            VolumeMount mount = container(d).getVolumeMounts().stream()
                    .filter(m -> m.getName().equals(jwt.getName())).findFirst().orElseThrow();
            assertEquals(Boolean.TRUE, mount.getReadOnly());
            assertEquals("file:" + mount.getMountPath() + "/" + jwt.getSecret().getItems().get(0).getPath(), location);
        }
        for (ConfigMap cm : manifest.typed(ConfigMap.class)) {
            cm.getData().keySet().forEach(key -> assertFalse(SENSITIVE.matcher(key).matches(),
                    cm.getMetadata().getName() + " holds " + key));
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void everyServiceLogsInToItsDatabaseWithItsOwnSecret(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        Map<String, Set<String>> secretsByService = new java.util.TreeMap<>();
        for (Deployment d : manifest.typed(Deployment.class)) {
            for (EnvVar e : container(d).getEnv()) {
                if (e.getName().startsWith("QUARKUS_DATASOURCE_")) {
                    secretsByService.computeIfAbsent(imageOf(d.getMetadata().getName()), k -> new java.util.TreeSet<>())
                            .add(e.getValueFrom().getSecretKeyRef().getName());
                }
            }
        }
        assertEquals(new java.util.TreeSet<>(Repo.SERVICES), secretsByService.keySet());
        secretsByService.forEach((service, secrets) -> assertEquals(1, secrets.size(), service + ": " + secrets));
        assertEquals(4, secretsByService.values().stream().flatMap(Set::stream).distinct().count(),
                "no two services share a database login: " + secretsByService);
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void configMapsCarryTheConfigurationEveryServiceReads(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        Map<String, Object> values = Chart.values(variant);
        String expectedClock = variant == Chart.Variant.SIMULATED ? "simulated" : "system";
        Set<String> bootstraps = new HashSet<>();
        for (String service : Repo.SERVICES) {
            Map<String, String> data = manifest.typed(ConfigMap.class, Chart.n(service + "-config")).getData();
            String db = service.replace("-service", "");
            assertEquals(String.valueOf(Repo.conventionPort(service)), data.get("QUARKUS_HTTP_PORT"), service);
            assertEquals(expectedClock, data.get("NCE_CLOCK_MODE"), service);
            assertEquals("nce", data.get("MP_JWT_VERIFY_ISSUER"), service);
            assertEquals("true", data.get("QUARKUS_FLYWAY_MIGRATE_AT_START"), service);
            bootstraps.add(data.get("KAFKA_BOOTSTRAP_SERVERS"));

            Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(\\w+)").matcher(data.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertTrue(jdbc.matches(), service + ": " + data.get("QUARKUS_DATASOURCE_JDBC_URL"));
            assertEquals(db, jdbc.group(3), service + " uses its own database");
            if (manifest.has("Cluster", Chart.n(db + "-db"))) {
                assertEquals(Chart.n(db + "-db-rw"), jdbc.group(1), service + " writes to its CloudNativePG primary");
                assertEquals("5432", jdbc.group(2));
                assertEquals(Chart.n(db + "-db-app"), WorkloadTest.container(manifest.typed(Deployment.class, Chart.n(service)))
                        .getEnv().stream().filter(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")).findFirst().orElseThrow()
                        .getValueFrom().getSecretKeyRef().getName(), service + " reads the credentials CloudNativePG generates");
            } else {
                assertEquals(Chart.value(values, "services", service, "database", "host"), jdbc.group(1), service);
            }
            // the services run JDBC only (blocking Hibernate ORM): no reactive datasource to configure
            assertFalse(data.keySet().stream().anyMatch(k -> k.contains("REACTIVE")), service + ": " + data.keySet());
            if (service.equals("subscription-service")) {
                int catalogPort = Repo.conventionPort("catalog-service");
                assertEquals("http://" + Chart.n("catalog-service") + ":" + catalogPort, data.get("QUARKUS_REST_CLIENT_CATALOG_URL"));
                assertEquals(catalogPort, manifest.typed(Service.class, Chart.n("catalog-service")).getSpec().getPorts().get(0).getPort());
            } else {
                assertFalse(data.containsKey("QUARKUS_REST_CLIENT_CATALOG_URL"), service);
            }
            if (service.equals("notification-service")) {
                assertEquals(Chart.value(values, "services", service, "mailer", "host"), data.get("QUARKUS_MAILER_HOST"));
                assertTrue(data.get("QUARKUS_MAILER_PORT").matches("\\d+"));
                assertTrue(data.get("QUARKUS_MAILER_FROM").contains("@"));
                assertEquals("REQUIRED", data.get("QUARKUS_MAILER_START_TLS"), "SMTP submission over STARTTLS");
                assertEquals("false", data.get("NCE_WEBHOOKS_ALLOW_PRIVATE_TARGETS"), "webhooks to public addresses only");
                assertEquals("443", data.get("NCE_WEBHOOK_PORTS"));
            } else {
                assertFalse(data.containsKey("QUARKUS_MAILER_HOST"), service);
                assertFalse(data.containsKey("NCE_WEBHOOKS_ALLOW_PRIVATE_TARGETS"), service);
            }
        }
        assertEquals(1, bootstraps.size(), "one Kafka for all: " + bootstraps);
        String bootstrap = bootstraps.iterator().next();
        if (manifest.has("Kafka", "nce-kafka")) {
            List<Map<String, Object>> listeners = manifest.one("Kafka", "nce-kafka").at("spec", "kafka", "listeners");
            assertEquals(1, listeners.size());
            assertEquals("nce-kafka-kafka-bootstrap:" + listeners.get(0).get("port"), bootstrap);
        } else {
            assertEquals(Chart.value(values, "kafka", "bootstrapServers"), bootstrap);
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void servicesSelectTheirOwnPodsOnly(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<Deployment> deployments = manifest.typed(Deployment.class);
        assertEquals(4, manifest.ofKind("Service").size());
        for (String service : Repo.SERVICES) {
            Service s = manifest.typed(Service.class, Chart.n(service));
            ServicePort port = s.getSpec().getPorts().get(0);
            assertEquals("http", port.getName());
            assertEquals(Repo.conventionPort(service), port.getPort());
            assertEquals("http", port.getTargetPort().getStrVal());
            List<String> selected = deployments.stream()
                    .filter(d -> podLabels(d).entrySet().containsAll(s.getSpec().getSelector().entrySet()))
                    .map(d -> d.getMetadata().getName()).toList();
            assertEquals(List.of(Chart.n(service)), selected, "Service " + service + " routes to");
        }
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void restServicesAutoscaleOnlyWithTheSystemClock(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<HorizontalPodAutoscaler> hpas = manifest.typed(HorizontalPodAutoscaler.class);
        if (variant == Chart.Variant.SIMULATED) {
            assertEquals(List.of(), hpas, "the simulated clock runs one replica per service");
            assertEquals(List.of(), manifest.ofKind("ScaledObject"));
            manifest.typed(Deployment.class).forEach(d ->
                    assertEquals(1, d.getSpec().getReplicas(), d.getMetadata().getName()));
            return;
        }
        assertEquals(Repo.SERVICES.stream().map(Chart::n).collect(Collectors.toSet()),
                hpas.stream().map(h -> h.getSpec().getScaleTargetRef().getName()).collect(Collectors.toSet()));
        int minimum = variant == Chart.Variant.PRODUCTION ? 2 : 1;
        for (HorizontalPodAutoscaler hpa : hpas) {
            var target = hpa.getSpec().getScaleTargetRef();
            assertEquals("Deployment", target.getKind());
            assertEquals("apps/v1", target.getApiVersion());
            Deployment d = manifest.typed(Deployment.class, target.getName());
            assertNull(d.getSpec().getReplicas(), target.getName() + ": the HPA owns the replica count");
            assertTrue(hpa.getSpec().getMinReplicas() >= minimum, target.getName());
            assertTrue(hpa.getSpec().getMaxReplicas() > hpa.getSpec().getMinReplicas(), target.getName());
            var metric = hpa.getSpec().getMetrics().get(0);
            assertEquals("cpu", metric.getResource().getName());
            assertEquals("Utilization", metric.getResource().getTarget().getType());
            int utilization = metric.getResource().getTarget().getAverageUtilization();
            assertTrue(utilization > 0 && utilization <= 100, target.getName() + " " + utilization);
        }
        assertNull(manifest.typed(Deployment.class, Chart.n(WORKER)).getSpec().getReplicas(), "KEDA owns the worker count");
    }

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void everyDeploymentHasOneDisruptionBudget(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<PodDisruptionBudget> pdbs = manifest.typed(PodDisruptionBudget.class);
        for (Deployment d : manifest.typed(Deployment.class)) {
            List<PodDisruptionBudget> covering = pdbs.stream()
                    .filter(p -> Net.matches(p.getSpec().getSelector(), podLabels(d))).toList();
            assertEquals(1, covering.size(), d.getMetadata().getName() + " is covered by one PDB");
            PodDisruptionBudget pdb = covering.get(0);
            assertTrue(pdb.getSpec().getMinAvailable() != null ^ pdb.getSpec().getMaxUnavailable() != null,
                    pdb.getMetadata().getName() + " sets minAvailable or maxUnavailable");
        }
        if (variant == Chart.Variant.PRODUCTION) {
            for (String service : Repo.SERVICES) {
                assertEquals(1, manifest.typed(PodDisruptionBudget.class, Chart.n(service)).getSpec().getMinAvailable().getIntVal());
            }
        }
    }
}
