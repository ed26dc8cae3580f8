package vn.tincoso.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * Every manifest under deploy/kubernetes read into typed Kubernetes objects (fabric8's model): a misspelt field
 * would land in a type's "additional properties" and fails here, as does a reference (ConfigMap, Secret key,
 * selector, scale target) to something the manifests do not define.
 */
class KubernetesManifestsTest {

    private static final Path FOLDER = Path.of("deploy", "kubernetes");
    /** The fields of a CloudNativePG Cluster's spec that deploy/kubernetes/postgres-cluster.yml may use. */
    private static final Set<String> CLUSTER_SPEC_FIELDS = Set.of("instances", "imageName", "primaryUpdateStrategy", "bootstrap",
            "postgresql", "storage", "resources", "affinity", "monitoring", "walStorage", "backup", "enableSuperuserAccess");

    private static List<HasMetadata> resources;

    @BeforeAll
    static void readManifests() throws IOException {
        KubernetesSerialization serialization = new KubernetesSerialization();
        resources = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    Object read = serialization.unmarshal(in);
                    if (read instanceof Collection<?> many) {
                        many.forEach(resource -> resources.add((HasMetadata) resource));
                    } else {
                        resources.add((HasMetadata) read);
                    }
                }
            }
        }
    }

    @Test
    void everyFieldIsOneKubernetesKnows() {
        List<String> unknown = new ArrayList<>();
        for (HasMetadata resource : resources) {
            if (!(resource instanceof GenericKubernetesResource)) {
                collectUnknownFields(resource, resource.getKind() + "/" + resource.getMetadata().getName(), unknown);
            }
        }
        assertTrue(unknown.isEmpty(), "fields no Kubernetes type has: " + unknown);
        assertEquals(Set.of("Deployment", "Service", "ConfigMap", "Secret", "HorizontalPodAutoscaler", "PodDisruptionBudget",
                "Cluster"), Set.copyOf(resources.stream().map(HasMetadata::getKind).toList()));
    }

    @Test
    void theDeploymentProbesHealthLimitsResourcesAndRunsAsNonRoot() {
        Deployment deployment = one(Deployment.class, "tincoso");
        Container api = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals("/q/health/ready", api.getReadinessProbe().getHttpGet().getPath());
        assertEquals("/q/health/live", api.getLivenessProbe().getHttpGet().getPath());
        assertFalse(api.getResources().getRequests().isEmpty());
        assertNotNull(api.getResources().getLimits().get("memory"));
        boolean nonRoot = Boolean.TRUE.equals(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsNonRoot());
        assertTrue(nonRoot, "runAsNonRoot");
        assertTrue(deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser() > 0);
        assertTrue(api.getImage().contains("tincoso/tincoso-api:"), api.getImage());
    }

    @Test
    void everythingTheDeploymentNamesIsDefined() {
        Deployment deployment = one(Deployment.class, "tincoso");
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        Container api = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        api.getEnvFrom().forEach(source -> one(ConfigMap.class, source.getConfigMapRef().getName()));
        for (EnvVar variable : api.getEnv()) {
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                Secret secret = one(Secret.class, variable.getValueFrom().getSecretKeyRef().getName());
                assertTrue(secret.getStringData().containsKey(variable.getValueFrom().getSecretKeyRef().getKey()), variable.getName());
            }
        }
        assertTrue(podLabels.entrySet().containsAll(one(Service.class, "tincoso").getSpec().getSelector().entrySet()));
        assertTrue(podLabels.entrySet().containsAll(one(PodDisruptionBudget.class, "tincoso").getSpec().getSelector().getMatchLabels().entrySet()));
        HorizontalPodAutoscaler autoscaler = one(HorizontalPodAutoscaler.class, "tincoso");
        assertEquals("Deployment", autoscaler.getSpec().getScaleTargetRef().getKind());
        assertEquals(deployment.getMetadata().getName(), autoscaler.getSpec().getScaleTargetRef().getName());
        assertTrue(autoscaler.getSpec().getMinReplicas() >= 2);
    }

    @Test
    void thePostgresClusterHasAPrimaryAndTwoReplicasBehindTheServicesTheApiUses() {
        GenericKubernetesResource cluster = resources.stream().filter(r -> r.getKind().equals("Cluster"))
                .map(GenericKubernetesResource.class::cast).findFirst().orElseThrow();
        assertEquals("postgresql.cnpg.io/v1", cluster.getApiVersion());
        Map<String, Object> spec = cluster.get("spec");
        assertTrue(CLUSTER_SPEC_FIELDS.containsAll(spec.keySet()), "unknown Cluster fields: " + spec.keySet());
        assertEquals(3, (Integer) cluster.get("spec", "instances"));
        one(Secret.class, cluster.get("spec", "bootstrap", "initdb", "secret", "name"));
        Map<String, String> settings = one(ConfigMap.class, "tincoso-config").getData();
        String name = cluster.getMetadata().getName();
        assertTrue(settings.get("QUARKUS_DATASOURCE_JDBC_URL").contains("//" + name + "-rw:"));
        assertTrue(settings.get("QUARKUS_DATASOURCE_REPLICA_JDBC_URL").contains("//" + name + "-ro:"));
    }

    private static <T extends HasMetadata> T one(Class<T> type, String name) {
        return resources.stream().filter(type::isInstance).map(type::cast).filter(r -> r.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + name));
    }

    /** Walks a typed object and its parts, recording the path of every field its type did not know. */
    private static void collectUnknownFields(Object node, String path, List<String> unknown) {
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                collectUnknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> collectUnknownFields(value, path + "." + key, unknown));
            return;
        }
        if (!(node instanceof KubernetesResource)) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value = invoke(getter, node);
            if (getter.getName().equals("getAdditionalProperties")) {
                ((Map<?, ?>) value).keySet().forEach(field -> unknown.add(path + "." + field));
            } else if (value != null) {
                collectUnknownFields(value, path + "." + Objects.requireNonNull(getter.getName().substring(3)), unknown);
            }
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter.toString(), e);
        }
    }
}
