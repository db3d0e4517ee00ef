package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.rest.OpenApiRoutes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OpenAPI document against the routes the assembled server registers: a route added without
 * documenting it fails here, and so does a documented route that no longer exists. Operations
 * marked {@code x-agent-mode-only} may be missing, because this server does not run in agent mode.
 */
@Timeout(60)
class OpenApiCoverageTest {
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete", "head", "options");

    @TempDir
    Path home;

    private OpsServer api;

    @BeforeEach
    void startServer() {
        api = new OpsServer(home, Map.of());
    }

    @AfterEach
    void stopServer() {
        api.close();
    }

    @Test
    void everyRegisteredRouteIsDocumented() {
        JsonNode paths = OpenApiRoutes.load().get("paths");
        List<String> registered = api.server.restEndpoints();

        assertThat(registered).contains("POST /admin/sync", "GET /metrics", "GET /openapi.json", "GET /health");
        for (String endpoint : registered) {
            String[] parts = endpoint.split(" ", 2);
            JsonNode operation = paths.path(parts[1]).path(parts[0].toLowerCase(Locale.ROOT));
            assertThat(operation.isObject())
                    .as("%s is registered but missing from openapi.json", endpoint)
                    .isTrue();
        }
    }

    @Test
    void everyDocumentedRouteIsRegistered() {
        List<String> registered = api.server.restEndpoints();
        List<String> documented = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path :
                OpenApiRoutes.load().get("paths").properties()) {
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (METHODS.contains(operation.getKey())
                        && !operation.getValue().path("x-agent-mode-only").asBoolean()) {
                    documented.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }

        assertThat(documented).isNotEmpty();
        for (String endpoint : documented) {
            assertThat(registered)
                    .as("%s is documented but not registered", endpoint)
                    .contains(endpoint);
        }
    }

    @Test
    void servedDocumentNamesServerVersion() throws Exception {
        JsonNode served = api.json("GET", "/openapi.json", null);

        assertThat(served.get("openapi").asText()).isEqualTo("3.1.0");
        assertThat(served.get("info").get("version").asText()).isEqualTo(Version.current());
    }
}
