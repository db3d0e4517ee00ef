package dev.agenticore.rest;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server: Javalin with Agenticore's route groups, API-key authentication, body size limit,
 * JSON errors and request logs. Create with {@link #builder}, then {@link #start()}.
 */
public final class RestServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RestServer.class);

    private final RestSettings settings;
    private final Javalin javalin;

    private RestServer(
            RestSettings settings,
            List<RouteGroup> groups,
            List<Consumer<JavalinConfig>> customizers,
            Set<String> publicPaths,
            List<RequestListener> listeners) {
        this.settings = settings;
        ApiKeyAuthentication authentication = new ApiKeyAuthentication(settings.apiKeys());
        this.javalin = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
            config.http.prefer405over404 = true;
            config.http.compressionStrategy = compression();
            config.router.ignoreTrailingSlashes = true;
            config.requestLogger.http((ctx, millis) -> RequestLog.completed(ctx, millis, listeners));
            config.routes.before(RequestIds::assign);
            config.routes.before(ctx -> checkRequest(ctx, authentication, publicPaths, settings.maxBodyBytes()));
            ApiErrors.register(config.routes, settings.maxBodyBytes());
            groups.forEach(group -> group.register(config.routes));
            customizers.forEach(customizer -> customizer.accept(config));
        });
    }

    /**
     * Returns gzip compression as Javalin's default, with JSON listed as compressible. Javalin checks
     * the allowed types first, so a JSON response skips the case-insensitive scan of the excluded
     * types that it otherwise makes on every response.
     */
    private static CompressionStrategy compression() {
        CompressionStrategy strategy = new CompressionStrategy(null, new Gzip());
        strategy.setAllowedMimeTypes(List.of(JsonResponses.CONTENT_TYPE));
        return strategy;
    }

    /** Returns a builder for a server with the given settings. */
    public static Builder builder(RestSettings settings) {
        return new Builder(settings);
    }

    /** Starts listening; returns once the port is bound. */
    public RestServer start() {
        javalin.start(settings.host(), settings.port());
        log.info("REST API listening on http://{}:{}", settings.host(), port());
        return this;
    }

    /** Returns the bound port, useful when the settings asked for port 0. */
    public int port() {
        return javalin.port();
    }

    /** Returns the registered HTTP routes as {@code "METHOD /path/{param}"}, in registration order. */
    public List<String> endpoints() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .map(parsed -> parsed.endpoint)
                .filter(endpoint -> endpoint.method.isHttpMethod())
                .map(RestServer::describe)
                .toList();
    }

    private static String describe(Endpoint endpoint) {
        return endpoint.method.name() + " " + endpoint.path;
    }

    /** Stops the server, ending open connections. */
    @Override
    public void close() {
        javalin.stop();
    }

    private static void checkRequest(
            Context ctx, ApiKeyAuthentication authentication, Set<String> publicPaths, long maxBodyBytes) {
        boolean isPublic = ApiKeyAuthentication.isPublic(ctx.path()) || publicPaths.contains(ctx.path());
        if (authentication.enabled() && !isPublic && !authentication.admits(ctx)) {
            ctx.skipRemainingHandlers();
            JsonResponses.send(ctx, 401, ApiKeyAuthentication.UNAUTHORIZED_BODY);
            return;
        }
        long length = ctx.req().getContentLengthLong();
        if (length > maxBodyBytes) {
            ctx.skipRemainingHandlers();
            ApiErrors.rejectOversized(ctx, maxBodyBytes);
        }
    }

    /** Collects route groups and server customizations. Not thread-safe. */
    public static final class Builder {
        private final RestSettings settings;
        private final List<RouteGroup> groups = new ArrayList<>();
        private final List<Consumer<JavalinConfig>> customizers = new ArrayList<>();
        private final Set<String> publicPaths = new LinkedHashSet<>();
        private final List<RequestListener> listeners = new ArrayList<>();

        private Builder(RestSettings settings) {
            this.settings = settings;
        }

        /** Adds a group of routes. */
        public Builder routes(RouteGroup group) {
            groups.add(group);
            return this;
        }

        /** Adds a change to the Javalin configuration, for example to mount a servlet. */
        public Builder customize(Consumer<JavalinConfig> customizer) {
            customizers.add(customizer);
            return this;
        }

        /** Exempts an exact path from API-key checks, as {@code /health} always is. */
        public Builder publicPath(String path) {
            publicPaths.add(path);
            return this;
        }

        /** Adds a listener that receives every completed request, for example to record latency. */
        public Builder requestListener(RequestListener listener) {
            listeners.add(listener);
            return this;
        }

        /** Creates the server without starting it. */
        public RestServer build() {
            return new RestServer(
                    settings,
                    List.copyOf(groups),
                    List.copyOf(customizers),
                    Set.copyOf(publicPaths),
                    List.copyOf(listeners));
        }
    }
}
