package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Static checks of the Dockerfile and the Kubernetes manifests under {@code docs/deploy}: no Docker
 * engine or cluster is needed, so these checks stand in for a build and a dry run.
 */
class DeployFilesTest {
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path DEPLOY = ROOT.resolve("docs/deploy");

    @Test
    void everyManifestHasKindAndName() throws IOException {
        List<JsonNode> objects = manifests();

        assertThat(objects).hasSizeGreaterThanOrEqualTo(6);
        for (JsonNode object : objects) {
            assertThat(object.path("apiVersion").asText()).as(object.toString()).isNotEmpty();
            assertThat(object.path("kind").asText()).as(object.toString()).isNotEmpty();
            assertThat(object.path("metadata").path("name").asText())
                    .as(object.toString())
                    .isNotEmpty();
        }
        assertThat(object("Secret", "agenticore-secrets").path("stringData").has("GITHUB_TOKEN"))
                .isTrue();
        assertThat(object("Secret", "agenticore-secrets").path("stringData").has("AGENTICORE_API_KEYS"))
                .isTrue();
        assertThat(object("PersistentVolumeClaim", "agenticore-data")).isNotNull();
    }

    @Test
    void serverDeploymentProbesHealthAndDrains() throws IOException {
        JsonNode pod =
                object("Deployment", "agenticore").path("spec").path("template").path("spec");
        JsonNode container = pod.path("containers").get(0);

        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.path(probe).path("httpGet").path("path").asText())
                    .as(probe)
                    .isEqualTo("/health");
        }
        assertThat(container.path("ports").get(0).path("containerPort").asInt()).isEqualTo(8200);
        JsonNode preStop =
                container.path("lifecycle").path("preStop").path("exec").path("command");
        assertThat(preStop.get(0).asText()).isEqualTo("/usr/local/bin/agenticore");
        assertThat(preStop.get(1).asText()).isEqualTo("drain");
        int drainTimeout = Integer.parseInt(env(container, "AGENTICORE_DRAIN_TIMEOUT"));
        assertThat(pod.path("terminationGracePeriodSeconds").asInt()).isGreaterThan(drainTimeout);
        assertThat(preStop.toString()).contains("\"" + drainTimeout + "\"");
        assertThat(env(container, "REDIS_URL")).isEqualTo("redis://agenticore-redis:6379/0");
        assertThat(env(container, "AGENTICORE_HOST")).isEqualTo("0.0.0.0");
        assertThat(container.path("resources").path("requests").has("cpu")).isTrue();
        assertThat(container.path("resources").path("requests").has("memory")).isTrue();
        assertThat(container
                        .path("envFrom")
                        .get(0)
                        .path("secretRef")
                        .path("name")
                        .asText())
                .isEqualTo("agenticore-secrets");
        assertThat(pod.path("volumes")
                        .get(0)
                        .path("persistentVolumeClaim")
                        .path("claimName")
                        .asText())
                .isEqualTo("agenticore-data");
    }

    @Test
    void servicesSelectTheirDeployments() throws IOException {
        for (String name : List.of("agenticore", "agenticore-redis")) {
            JsonNode selector = object("Service", name).path("spec").path("selector");
            JsonNode labels = object("Deployment", name)
                    .path("spec")
                    .path("template")
                    .path("metadata")
                    .path("labels");

            assertThat(selector.size()).as(name).isPositive();
            for (Map.Entry<String, JsonNode> entry : selector.properties()) {
                assertThat(labels.path(entry.getKey()).asText())
                        .as(name + " label " + entry.getKey())
                        .isEqualTo(entry.getValue().asText());
            }
        }
    }

    @Test
    void kustomizationListsEveryManifest() throws IOException {
        JsonNode kustomization =
                new YAMLMapper().readTree(DEPLOY.resolve("kustomization.yaml").toFile());
        List<String> listed = new ArrayList<>();
        kustomization.path("resources").forEach(resource -> listed.add(resource.asText()));

        assertThat(listed)
                .containsExactlyInAnyOrderElementsOf(manifestFiles().stream()
                        .map(path -> path.getFileName().toString())
                        .toList());
    }

    @Test
    void dockerfileMatchesRuntimeNeeds() throws IOException {
        String dockerfile = Files.readString(ROOT.resolve("Dockerfile"));

        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jdk AS build");
        assertThat(dockerfile).contains("FROM eclipse-temurin:17-jre");
        assertThat(dockerfile).contains("ARG CLAUDE_CODE_VERSION=" + testedClaudeCodeVersion());
        assertThat(dockerfile).contains("@anthropic-ai/claude-code@${CLAUDE_CODE_VERSION}");
        assertThat(dockerfile).contains("EXPOSE 8200");
        assertThat(dockerfile).contains("AGENTICORE_HOST=0.0.0.0");
        assertThat(dockerfile).containsPattern("HEALTHCHECK .*\\n.*/health");
        assertThat(dockerfile).contains("ENTRYPOINT [\"/usr/bin/tini\", \"--\"");
        assertThat(dockerfile).contains("USER agenticore");
        assertThat(dockerfile).contains("> /usr/local/bin/agenticore");
    }

    /** Returns the Claude Code version that the test script installs, which the image must match. */
    private static String testedClaudeCodeVersion() throws IOException {
        Matcher matcher =
                Pattern.compile("CLAUDE_CODE_VERSION=(\\S+)").matcher(Files.readString(ROOT.resolve("scripts/test")));
        assertThat(matcher.find()).as("scripts/test pins CLAUDE_CODE_VERSION").isTrue();
        return matcher.group(1);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.path("name").asText().equals(name)) {
                return variable.path("value").asText();
            }
        }
        throw new AssertionError("the container sets no " + name);
    }

    private static JsonNode object(String kind, String name) throws IOException {
        for (JsonNode object : manifests()) {
            if (object.path("kind").asText().equals(kind)
                    && object.path("metadata").path("name").asText().equals(name)) {
                return object;
            }
        }
        throw new AssertionError("no " + kind + " named " + name + " in " + DEPLOY);
    }

    private static List<Path> manifestFiles() throws IOException {
        try (Stream<Path> files = Files.list(DEPLOY)) {
            return files.filter(path -> path.toString().endsWith(".yaml"))
                    .filter(path -> !path.getFileName().toString().equals("kustomization.yaml"))
                    .sorted()
                    .toList();
        }
    }

    private static List<JsonNode> manifests() throws IOException {
        List<JsonNode> objects = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        for (Path file : manifestFiles()) {
            try (MappingIterator<JsonNode> documents =
                    yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    if (document != null && !document.isNull() && !document.isEmpty()) {
                        objects.add(document);
                    }
                }
            }
        }
        return objects;
    }
}
