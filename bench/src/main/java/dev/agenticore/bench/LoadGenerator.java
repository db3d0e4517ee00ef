package dev.agenticore.bench;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A closed-loop HTTP load generator: each of {@code clients} threads sends one request, waits for
 * the answer, and sends the next, for a fixed time or a fixed count. Every thread has its own
 * client and therefore its own keep-alive connection.
 */
final class LoadGenerator {
    private LoadGenerator() {}

    static LoadResult forDuration(int clients, Duration duration, Supplier<HttpRequest> requests, int expectedStatus)
            throws InterruptedException {
        long end = System.nanoTime() + duration.toNanos();
        return run(clients, () -> System.nanoTime() < end, Integer.MAX_VALUE, requests, expectedStatus);
    }

    static LoadResult forCount(int clients, int perClient, Supplier<HttpRequest> requests, int expectedStatus)
            throws InterruptedException {
        return run(clients, () -> true, perClient, requests, expectedStatus);
    }

    private static LoadResult run(
            int clients,
            java.util.function.BooleanSupplier running,
            int perClient,
            Supplier<HttpRequest> requests,
            int expectedStatus)
            throws InterruptedException {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < clients; i++) {
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .build();
                List<Long> own = new ArrayList<>();
                for (int n = 0; n < perClient && running.getAsBoolean(); n++) {
                    long sent = System.nanoTime();
                    try {
                        int status = client.send(requests.get(), HttpResponse.BodyHandlers.discarding())
                                .statusCode();
                        if (status != expectedStatus) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    own.add(System.nanoTime() - sent);
                }
                latencies.addAll(own);
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return LoadResult.of(errors.get(), (System.nanoTime() - start) / 1e9, latencies);
    }
}
