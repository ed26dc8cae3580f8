package vn.tincoso.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The manifests checked in under deploy/kubernetes are the ones quarkus-kubernetes generates from
 * application.properties and src/main/kubernetes at package time (compared as Kubernetes objects: the
 * generator does not keep the order of labels from one build to the next). After changing either, regenerate
 * with {@code ./mvnw verify -Dkubernetes.write=true} and commit deploy/kubernetes/tincoso.yml.
 */
class KubernetesManifestsIT {

    private static final Path GENERATED = Path.of("target", "kubernetes", "kubernetes.yml");
    private static final Path CHECKED_IN = Path.of("deploy", "kubernetes", "tincoso.yml");

    @Test
    void theCheckedInManifestsAreTheGeneratedOnes() throws IOException {
        String generated = Files.readString(GENERATED);
        if (Boolean.getBoolean("kubernetes.write")) {
            Files.writeString(CHECKED_IN, generated);
        }
        KubernetesSerialization serialization = new KubernetesSerialization();
        assertEquals((Object) serialization.unmarshal(generated), serialization.unmarshal(Files.readString(CHECKED_IN)),
                CHECKED_IN + " differs from " + GENERATED + ": regenerate it with ./mvnw verify -Dkubernetes.write=true");
    }
}
