package dev.agenticore.app.cli;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback HTTP proxy in front of the server that records request headers and cuts the first
 * event stream it relays right after the first event, as a restarted server or proxy would.
 */
final class DroppingProxy implements AutoCloseable {
    /** Headers of one relayed request; a missing header is an empty string. */
    record Seen(String method, String path, String requestId, String lastEventId) {}

    final List<Seen> requests = new CopyOnWriteArrayList<>();
    private final HttpServer server;
    private final String upstream;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean dropped = new AtomicBoolean();

    DroppingProxy(String upstream) throws IOException {
        this.upstream = upstream;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::relay);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void relay(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().toString();
        String lastEventId = header(exchange, "Last-Event-ID");
        requests.add(new Seen(exchange.getRequestMethod(), path, header(exchange, "X-Request-Id"), lastEventId));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstream + path))
                .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(readAll(exchange)));
        for (String name : List.of("Content-Type", "X-Api-Key", "X-Request-Id", "Last-Event-ID")) {
            if (!header(exchange, name).isEmpty()) {
                request.header(name, header(exchange, name));
            }
        }
        try {
            HttpResponse<InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            response.headers()
                    .firstValue("Content-Type")
                    .ifPresent(type -> exchange.getResponseHeaders().set("Content-Type", type));
            exchange.sendResponseHeaders(response.statusCode(), 0);
            boolean cut = path.endsWith("/events") && dropped.compareAndSet(false, true);
            try (InputStream in = response.body();
                    OutputStream out = exchange.getResponseBody()) {
                copy(in, out, cut);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    /** Copies the body; with {@code cut}, stops after the first event that has an id. */
    private static void copy(InputStream in, OutputStream out, boolean cut) throws IOException {
        if (!cut) {
            in.transferTo(out);
            return;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean inEvent = false;
        String line;
        while ((line = reader.readLine()) != null) {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            inEvent |= line.startsWith("id:");
            if (inEvent && line.isEmpty()) {
                return;
            }
        }
    }

    private static byte[] readAll(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            return body.readAllBytes();
        }
    }

    private static String header(HttpExchange exchange, String name) {
        String value = exchange.getRequestHeaders().getFirst(name);
        return value == null ? "" : value;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
