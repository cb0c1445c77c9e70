package dev.portmoneconnect.ops;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifest the build writes runs each pod under a UTF-8 locale, so the JVM reads
 * non-ASCII settings as they are written, and gives each pod's name to the app as its instance id,
 * so the run history names the pod that ran each run.
 */
class KubernetesManifestIT {

    @Test
    void podsRunUnderAUtf8LocaleAndAreNamedInTheRunHistory() throws IOException {
        String manifest = Files.readString(Path.of("target/kubernetes/kubernetes.yml")).replaceAll("\\s+", " ");
        assertThat(manifest).contains("- name: LANG value: C.UTF-8 ")
                .contains("- name: CONNECT_INSTANCE_ID valueFrom: fieldRef: fieldPath: metadata.name ");
    }
}
