package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import dev.agenticore.testkit.git.TestRepositories;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ContentSyncTest {
    private static final String PROFILE = """
            name: from-bundle
            description: Profile shipped in the bundle
            auto_pr: false
            claude:
              model: haiku
              max_turns: 5
            """;

    @TempDir
    Path temp;

    private Path bundle;
    private OpsServer api;

    @BeforeEach
    void startServer() throws IOException {
        bundle = TestRepositories.createBare(temp.resolve("bundle.git"));
        api = new OpsServer(
                temp.resolve("home"),
                Map.of(
                        "AGENTICORE_ALLOW_FILE_URLS",
                        "true",
                        "AGENTICORE_BUNDLE_URL",
                        TestRepositories.fileUrl(bundle),
                        "AGENTICORE_AGENTIHUB_URL",
                        "http://127.0.0.1:" + closedPort() + "/hub.git"));
    }

    @AfterEach
    void stopServer() {
        api.close();
    }

    @Test
    void syncReportsEveryTarget() throws Exception {
        HttpResponse<String> response = api.call("POST", "/admin/sync", null);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(response.body());
        assertThat(names(body)).containsExactly("agentihooks", "bundle", "agentihub");
        assertThat(body.get("agentihooks").asText()).isEqualTo("skipped (no url)");
        assertThat(body.get("bundle").asText()).isEqualTo("ok");
        assertThat(body.get("agentihub").asText()).startsWith("error: ").contains("hub.git");
    }

    @Test
    void bundleProfileJoinsCatalog() throws Exception {
        TestRepositories.commit(bundle, "main", "Add a profile", Map.of("profiles/from-bundle/profile.yml", PROFILE));

        JsonNode result = api.json("POST", "/admin/sync?target=bundle", null);
        JsonNode profile = awaitProfile("from-bundle");

        assertThat(result.get("bundle").asText()).isEqualTo("ok");
        assertThat(profile).isNotNull();
        assertThat(profile.get("description").asText()).isEqualTo("Profile shipped in the bundle");
        assertThat(profile.get("model").asText()).isEqualTo("haiku");
        assertThat(names(api.json("GET", "/profiles", null).get("profiles"))).contains("code", "review");
    }

    @Test
    void startupSyncClonesBundle() throws Exception {
        Path checkout = temp.resolve("home/sync/bundle/README.md");
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!Files.exists(checkout) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(checkout).exists();
    }

    @Test
    void unknownTargetIsBadRequest() throws Exception {
        HttpResponse<String> response = api.call("POST", "/admin/sync?target=hooks", null);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(Json.mapper().readTree(response.body()).get("error").asText())
                .isEqualTo("invalid target 'hooks'; expected one of: all, agentihooks, bundle, agentihub");
    }

    @Test
    void syncNeedsApiKey() throws Exception {
        assertThat(api.send("POST", "/admin/sync", null, Map.of()).statusCode()).isEqualTo(401);
    }

    private JsonNode awaitProfile(String name) throws Exception {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (JsonNode profile : api.json("GET", "/profiles", null).get("profiles")) {
                if (profile.get("name").asText().equals(name)) {
                    return profile;
                }
            }
            Thread.sleep(100);
        }
        return null;
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(item -> names.add(item.get("name").asText()));
        } else {
            node.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
