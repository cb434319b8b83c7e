package dev.nce.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every rendered core object parses into its typed fabric8 model with no unknown field anywhere in its graph;
 * every other object is one of the custom resources the chart is meant to render (checked in CustomResourceTest).
 */
class StrictParseTest {

    /** The core API versions the chart renders. */
    private static final Set<String> CORE_API_VERSIONS =
            Set.of("v1", "apps/v1", "policy/v1", "autoscaling/v2", "networking.k8s.io/v1");

    @ParameterizedTest
    @EnumSource(Chart.Variant.class)
    void everyCoreObjectIsStrictlyTyped(Chart.Variant variant) {
        Manifest manifest = Chart.rendered(variant);
        List<String> problems = new ArrayList<>();
        int typed = 0;
        for (Manifest.Doc doc : manifest.docs) {
            if (doc.isCustomResource()) {
                if (!Manifest.CUSTOM_KINDS.get(doc.apiVersion()).contains(doc.kind())) {
                    problems.add(doc + ": unexpected kind of " + doc.apiVersion());
                }
                continue;
            }
            if (!CORE_API_VERSIONS.contains(doc.apiVersion())) {
                problems.add(doc + ": unexpected apiVersion " + doc.apiVersion());
                continue;
            }
            Object model = Serialization.unmarshal(doc.yaml());
            if (model instanceof GenericKubernetesResource || !(model instanceof HasMetadata typedModel)) {
                problems.add(doc + ": fabric8 has no model for " + doc.apiVersion() + " " + doc.kind());
                continue;
            }
            if (!typedModel.getKind().equals(model.getClass().getSimpleName())
                    || !typedModel.getApiVersion().equals(doc.apiVersion())) {
                problems.add(doc + ": parsed as " + model.getClass().getName());
            }
            StrictModel.unknownFields(model).forEach(field -> problems.add(doc + ": unknown field " + field));
            typed++;
        }
        assertEquals(List.of(), problems);
        // ServiceAccount + per service ConfigMap, Service, Deployment, PDB, NetworkPolicy (+ worker's three)
        assertTrue(typed >= 1 + 4 * 5 + 3, "typed objects: " + typed);
    }

    @Test
    void theWalkFindsTyposAtAnyDepth() {
        String yaml = """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: typo
                spec:
                  replicass: 2
                  selector:
                    matchLabels: {app: typo}
                  template:
                    metadata:
                      labels: {app: typo}
                    spec:
                      containers:
                        - name: c
                          image: nce/catalog-service:1.0.0-SNAPSHOT
                          imagePullPolicyy: Always
                          resources:
                            limit: {cpu: "1"}
                """;
        Object model = Serialization.unmarshal(yaml);
        assertInstanceOf(Deployment.class, model);
        assertEquals(List.of("spec.replicass", "spec.template.spec.containers[0].imagePullPolicyy",
                        "spec.template.spec.containers[0].resources.limit"),
                StrictModel.unknownFields(model).stream().sorted().toList());
    }

    @Test
    void aMistypedKindIsNotTyped() {
        Object model = Serialization.unmarshal("apiVersion: apps/v1\nkind: Deploymnet\nmetadata: {name: x}\n");
        assertInstanceOf(GenericKubernetesResource.class, model);
        assertEquals(List.of(), StrictModel.unknownFields(Serialization.unmarshal(
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {A: b}\n")));
    }
}
