package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class OpenApiRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    private final JsonNode document = OpenApiRoutes.load();

    @Test
    void servedDocumentIsOpenApi31WithVersion() throws Exception {
        try (RestServer server = RestServer.builder(RestSettings.loopback(0))
                .routes(new OpenApiRoutes("9.8.7"))
                .build()
                .start()) {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/openapi.json"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode served = Json.mapper().readTree(response.body());
            assertThat(served.get("openapi").asText()).startsWith("3.1.");
            assertThat(served.get("info").get("version").asText()).isEqualTo("9.8.7");
            assertThat(served.get("paths").has("/jobs")).isTrue();
        }
    }

    @Test
    void everyReferenceResolves() {
        List<String> references = new ArrayList<>();
        collectReferences(document, references);

        assertThat(references).isNotEmpty();
        for (String reference : references) {
            assertThat(reference).as(reference).startsWith("#/");
            assertThat(document.at(reference.substring(1)).isMissingNode())
                    .as(reference)
                    .isFalse();
        }
    }

    @Test
    void everyOperationHasIdAndResponses() {
        Set<String> ids = new java.util.HashSet<>();
        for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                String where = operation.getKey() + " " + path.getKey();
                assertThat(operation.getValue().path("operationId").asText())
                        .as(where)
                        .isNotEmpty();
                assertThat(ids.add(operation.getValue().get("operationId").asText()))
                        .as(where + " has a unique operationId")
                        .isTrue();
                assertThat(operation.getValue().path("responses").size())
                        .as(where)
                        .isPositive();
            }
        }
    }

    @Test
    void securitySchemesCoverThreeKeyForms() {
        JsonNode schemes = document.get("components").get("securitySchemes");

        assertThat(schemes.get("ApiKeyHeader").get("name").asText()).isEqualTo("X-Api-Key");
        assertThat(schemes.get("ApiKeyHeader").get("in").asText()).isEqualTo("header");
        assertThat(schemes.get("BearerAuth").get("scheme").asText()).isEqualTo("bearer");
        assertThat(schemes.get("ApiKeyQuery").get("name").asText()).isEqualTo("api_key");
        assertThat(schemes.get("ApiKeyQuery").get("in").asText()).isEqualTo("query");
        assertThat(document.get("paths")
                        .get("/health")
                        .get("get")
                        .get("security")
                        .size())
                .isZero();
    }

    @Test
    void envelopesAreDescribed() {
        JsonNode schemas = document.get("components").get("schemas");

        for (String name : List.of("Job", "Profile", "Worktree", "Error", "JobRequest", "SyncResults")) {
            assertThat(schemas.has(name)).as(name).isTrue();
        }
        assertThat(schemas.get("Job").get("properties").has("pr_url")).isTrue();
        assertThat(schemas.get("Error").get("required").toString()).contains("success", "error");
    }

    @Test
    void agentModeRoutesAreMarked() {
        JsonNode paths = document.get("paths");

        for (String path : List.of("/v1/chat/completions", "/v1/models", "/completions")) {
            Iterator<Map.Entry<String, JsonNode>> operations =
                    paths.get(path).properties().iterator();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                assertThat(operation.getValue().path("x-agent-mode-only").asBoolean())
                        .as(operation.getKey() + " " + path)
                        .isTrue();
            }
        }
    }

    private static void collectReferences(JsonNode node, List<String> references) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().equals("$ref")) {
                    references.add(field.getValue().asText());
                } else {
                    collectReferences(field.getValue(), references);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectReferences(child, references));
        }
    }
}
