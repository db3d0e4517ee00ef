package dev.agenticore.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.json.Json;
import dev.agenticore.rest.ApiKeyAuthentication;
import dev.agenticore.rest.JobRoutes;
import dev.agenticore.rest.ProfileRoutes;
import dev.agenticore.rest.RestServer;
import dev.agenticore.rest.RestSettings;
import dev.agenticore.rest.WorktreeRoutes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.component.LifeCycle;

/**
 * A real REST server on a loopback port with the MCP endpoints mounted on its Jetty, over {@link
 * InMemoryServices}, wired the way the app wires them.
 */
final class McpFixture implements AutoCloseable {
    static final String KEY = "mcp-test-key";

    final InMemoryServices services;
    final RestServer server;
    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * Starts the server.
     *
     * @param apiKeys accepted keys; empty turns authentication off
     * @param jettyIdleTimeout the connectors' idle timeout, or null for Jetty's default
     */
    McpFixture(InMemoryServices services, List<String> apiKeys, Duration jettyIdleTimeout) {
        this.services = services;
        ApiKeyAuthentication authentication = new ApiKeyAuthentication(apiKeys);
        RestSettings restSettings = RestSettings.loopback(0).withApiKeys(apiKeys);
        McpHttpSettings mcpSettings =
                McpHttpSettings.defaults(authentication::admits).withMaxBodyBytes(restSettings.maxBodyBytes());
        server = RestServer.builder(restSettings)
                .routes(new JobRoutes(services.jobs))
                .routes(new ProfileRoutes(services.profiles))
                .routes(new WorktreeRoutes(services.worktrees))
                .customize(config -> config.jetty.modifyServletContextHandler(
                        handler -> McpEndpoints.mount(handler, services.tools, mcpSettings)))
                .customize(config -> {
                    if (jettyIdleTimeout != null) {
                        config.jetty.modifyServer(jetty -> jetty.addEventListener(new LifeCycle.Listener() {
                            @Override
                            public void lifeCycleStarting(LifeCycle event) {
                                for (Connector connector : jetty.getConnectors()) {
                                    ((ServerConnector) connector).setIdleTimeout(jettyIdleTimeout.toMillis());
                                }
                            }
                        }));
                    }
                })
                .build()
                .start();
    }

    /** Starts a server with one API key, {@link #KEY}, and quick in-memory services. */
    static McpFixture withKey() throws IOException {
        return new McpFixture(InMemoryServices.quick(), List.of(KEY), null);
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Returns the parsed body of a REST {@code GET}, sent with {@link #KEY}. */
    JsonNode restGet(String path) throws IOException, InterruptedException {
        HttpResponse<String> response =
                send(HttpRequest.newBuilder(URI.create(url(path))).header("X-Api-Key", KEY));
        return Json.mapper().readTree(response.body());
    }

    @Override
    public void close() {
        server.close();
        services.close();
    }
}
