package dev.agenticore.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A load balancer on loopback for cluster tests: it sends each HTTP request to the next node in
 * turn, with no affinity, and skips a node that refuses the connection, as a balancer with health
 * checks would. Request bodies are buffered; response bodies are passed on as they arrive, so an
 * event stream flows through.
 */
final class RoundRobinProxy implements AutoCloseable {
    /** Headers that belong to one connection, or that the JDK client sets itself. */
    private static final Set<String> SKIPPED_HEADERS =
            Set.of("host", "connection", "content-length", "transfer-encoding", "expect", "upgrade", "keep-alive");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();
    private final Map<Integer, AtomicInteger> served = new ConcurrentHashMap<>();
    private final List<Integer> order = new CopyOnWriteArrayList<>();
    private final List<String> routes = new CopyOnWriteArrayList<>();

    private RoundRobinProxy(List<Integer> ports) throws IOException {
        this.ports = List.copyOf(ports);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::forward);
        server.start();
    }

    /** Starts a proxy in front of nodes listening on these loopback ports. */
    static RoundRobinProxy start(List<Integer> ports) throws IOException {
        return new RoundRobinProxy(ports);
    }

    /** Returns the proxy's base URL, such as {@code http://127.0.0.1:41234}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Returns how many requests each node port served. */
    Map<Integer, Integer> servedPerPort() {
        Map<Integer, Integer> copy = new ConcurrentHashMap<>();
        served.forEach((port, count) -> copy.put(port, count.get()));
        return copy;
    }

    /** Returns the node port of every served request, in order. */
    List<Integer> order() {
        return List.copyOf(order);
    }

    /** Returns {@code "<method> <path> -> <port>"} for every served request, in order. */
    List<String> routes() {
        return List.copyOf(routes);
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            for (int attempt = 0; attempt < ports.size(); attempt++) {
                int port = ports.get(Math.floorMod(next.getAndIncrement(), ports.size()));
                HttpResponse<InputStream> response;
                try {
                    response = client.send(request(exchange, port, body), HttpResponse.BodyHandlers.ofInputStream());
                } catch (ConnectException e) {
                    // The node is down: try the next one.
                    continue;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                served.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
                order.add(port);
                routes.add(exchange.getRequestMethod() + " "
                        + exchange.getRequestURI().getPath() + " -> " + port);
                reply(exchange, response);
                return;
            }
            exchange.sendResponseHeaders(502, -1);
        }
    }

    private static HttpRequest request(HttpExchange exchange, int port, byte[] body) {
        URI uri = URI.create("http://127.0.0.1:" + port + exchange.getRequestURI());
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> request.header(name, value));
            }
        });
        return request.build();
    }

    /** Copies the status, the headers and the body, flushing after each read so that events flow. */
    private static void reply(HttpExchange exchange, HttpResponse<InputStream> response) throws IOException {
        response.headers().map().forEach((name, values) -> {
            if (!SKIPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        OptionalLong declared = response.headers().firstValueAsLong("Content-Length");
        // HttpServer takes -1 for no body and 0 for a body of unknown length, sent in chunks.
        long length = declared.isEmpty() ? 0 : declared.getAsLong() == 0 ? -1 : declared.getAsLong();
        exchange.sendResponseHeaders(response.statusCode(), length);
        try (InputStream in = response.body();
                OutputStream out = exchange.getResponseBody()) {
            byte[] buffer = new byte[8192];
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
