package dev.agenticore.testkit.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loopback fake of the Anthropic Messages API for tests that run the real Claude Code CLI with
 * {@code ANTHROPIC_BASE_URL} set to {@link #baseUrl()}.
 *
 * <p>Routes: {@code POST /v1/messages} returns the scripted {@link Reply}, as server-sent events when the body
 * sets {@code "stream": true} and as one JSON message otherwise. {@code HEAD /} and {@code GET /} return 200,
 * {@code POST /v1/messages/count_tokens} returns {@code {"input_tokens": N}}, and any other request gets a 404
 * with an Anthropic error body. Query strings are ignored for routing.
 *
 * <p>Main turns: a {@code POST /v1/messages} request whose body has a non-empty {@code tools} array is a
 * main-conversation turn and takes the next reply from the queue, or the default reply when the queue is
 * empty. Any other messages request is a side request and gets the side reply without touching the queue.
 * Error replies are consumed like any other, so each retry of the CLI takes one more reply.
 *
 * <p>Thread safety: every public method may be called from any thread, and the server handles concurrent
 * requests on separate threads.
 *
 * <p>Observed with Claude Code 2.1.197, run as {@code claude -p … --output-format stream-json --verbose
 * --permission-mode bypassPermissions --model sonnet} with the environment of {@code ClaudeCodeCli}:
 *
 * <ul>
 *   <li>Requests: {@code HEAD /} at startup, then one streaming {@code POST /v1/messages?beta=true} per turn,
 *       each with 24 tools, {@code "thinking": {"type": "adaptive"}} and model {@code claude-sonnet-5} for the
 *       alias {@code sonnet}. No side request was seen, neither for a text reply nor after a {@code Write} or
 *       {@code Bash} tool call, and no request set {@code "stream": false}.
 *   <li>The {@code messages} array contains a message with role {@code system} after the first user message.
 *       With {@code --resume}, the CLI sends the earlier user and assistant messages before the new prompt.
 *   <li>First stdout line: {@code {"type":"system","subtype":"init","cwd":…,"session_id":…,"tools":[…],
 *       "model":"claude-sonnet-5","permissionMode":"bypassPermissions","claude_code_version":"2.1.197",…}}.
 *   <li>Last stdout line: {@code {"type":"result","subtype":"success","is_error":false,"api_error_status":null,
 *       "num_turns":1,"result":<last text>,"stop_reason":"end_turn","session_id":…,"total_cost_usd":…,
 *       "usage":{…},"modelUsage":{…},"permission_denials":[],"terminal_reason":"completed",…}}. The cost
 *       follows the reply {@code usage}: 100 input and 5 output tokens cost 0.000375 USD.
 *   <li>Errors: a 400 ends the run at once with exit code 1 and a last line with {@code "subtype":"success"},
 *       {@code "is_error":true}, {@code "api_error_status":400} and {@code "result":"API Error: 400 <message>"}.
 *       A 400 whose message is {@code prompt is too long} gets a CLI-written result text about compaction instead.
 *       A 401, 500 or 529 is retried 10 times, each retry announced by a {@code {"type":"system",
 *       "subtype":"api_retry","attempt":n,"max_retries":10,"retry_delay_ms":…,"error_status":…}} line, with
 *       delays starting near 0.5 s, doubling and capped near 32 to 40 s, so the run fails after about 3 minutes.
 *       A 401 with the response header {@code x-should-retry: false} fails at once, but a 529 with that header
 *       is still retried.
 * </ul>
 */
public final class ScriptedAnthropicApi implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptedAnthropicApi.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

    private final Object lock = new Object();
    private final Deque<Function<RecordedRequest, Reply>> script = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<SentEvent> sent = new ArrayList<>();
    private final CountDownLatch closed = new CountDownLatch(1);
    private Reply defaultReply = Reply.text("Done.");
    private Reply sideReply = Reply.text("OK");
    private HttpServer server;
    private ExecutorService executor;
    private boolean stopped;

    /**
     * Binds 127.0.0.1 on a free port and starts serving requests.
     *
     * @return this server, so a test can write {@code try (var api = new ScriptedAnthropicApi().start())}
     * @throws IllegalStateException when the server was already started
     * @throws UncheckedIOException when the port cannot be bound
     */
    public ScriptedAnthropicApi start() {
        synchronized (lock) {
            if (server != null) {
                throw new IllegalStateException("ScriptedAnthropicApi was already started at " + baseUrl());
            }
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to bind the fake Anthropic API to 127.0.0.1", e);
            }
            executor = Executors.newCachedThreadPool(ScriptedAnthropicApi::newThread);
            server.setExecutor(executor);
            server.createContext("/", new ApiHandler(this, MAPPER));
            server.start();
        }
        LOG.info("Started fake Anthropic API at {}", baseUrl());
        return this;
    }

    /** Returns the URL to put in {@code ANTHROPIC_BASE_URL}, for example {@code http://127.0.0.1:43121}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    /** Returns the bound port. */
    public int port() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("ScriptedAnthropicApi is not started: call start() first");
            }
            return server.getAddress().getPort();
        }
    }

    /** Appends replies to the queue that main turns consume in order. */
    public ScriptedAnthropicApi enqueue(Reply... replies) {
        List<Reply> list = Arrays.asList(replies);
        list.forEach(reply -> Objects.requireNonNull(reply, "reply"));
        synchronized (lock) {
            list.forEach(reply -> script.add(request -> reply));
        }
        return this;
    }

    /**
     * Appends a reply that is built from the request it responds to, for replies that depend on what the
     * CLI sent, such as a path inside its working directory.
     */
    public ScriptedAnthropicApi enqueueComputed(Function<RecordedRequest, Reply> reply) {
        Objects.requireNonNull(reply, "reply");
        synchronized (lock) {
            script.add(reply);
        }
        return this;
    }

    /** Sets the reply for main turns that find the queue empty. It starts as the text {@code Done.}. */
    public ScriptedAnthropicApi setDefaultReply(Reply reply) {
        synchronized (lock) {
            defaultReply = Objects.requireNonNull(reply, "reply");
        }
        return this;
    }

    /** Sets the reply for side requests, which offer no tools. It starts as the text {@code OK}. */
    public ScriptedAnthropicApi setSideReply(Reply reply) {
        synchronized (lock) {
            sideReply = Objects.requireNonNull(reply, "reply");
        }
        return this;
    }

    /** Returns the number of enqueued replies that no main turn has consumed yet. */
    public int pendingReplies() {
        synchronized (lock) {
            return script.size();
        }
    }

    /** Returns a snapshot of every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** Returns a snapshot of every server-sent event written so far, in the order they were flushed. */
    public List<SentEvent> sentEvents() {
        synchronized (lock) {
            return List.copyOf(sent);
        }
    }

    /** Returns a snapshot of the main-turn requests received so far, in arrival order. */
    public List<RecordedRequest> mainTurnRequests() {
        synchronized (lock) {
            return requests.stream().filter(RecordedRequest::mainTurn).toList();
        }
    }

    /**
     * Returns the latest main-turn request.
     *
     * @throws AssertionError when no main-turn request has arrived
     */
    public RecordedRequest lastMainTurnRequest() {
        List<RecordedRequest> main = mainTurnRequests();
        if (main.isEmpty()) {
            throw new AssertionError("No main-turn request arrived. Requests so far: " + describe(requests()));
        }
        return main.get(main.size() - 1);
    }

    /** Returns the {@code messages} array of the latest main-turn request. */
    public List<JsonNode> lastMainTurnMessages() {
        return lastMainTurnRequest().messages();
    }

    /**
     * Waits until at least {@code count} main-turn requests have arrived.
     *
     * @return the {@code count}-th main-turn request
     * @throws AssertionError when {@code timeout} passes first
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public RecordedRequest awaitMainTurnRequest(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                List<RecordedRequest> main =
                        requests.stream().filter(RecordedRequest::mainTurn).toList();
                if (main.size() >= count) {
                    return main.get(count - 1);
                }
                long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (remainingMillis <= 0) {
                    throw new AssertionError("Timed out after " + timeout + " waiting for main-turn request " + count
                            + ". Requests so far: " + describe(requests));
                }
                lock.wait(remainingMillis);
            }
        }
    }

    /** Stops the server, releases hanging and delayed replies, and closes all connections. Idempotent. */
    @Override
    public void close() {
        closed.countDown();
        synchronized (lock) {
            if (server == null || stopped) {
                return;
            }
            stopped = true;
            server.stop(0);
            executor.shutdownNow();
        }
        LOG.info("Stopped fake Anthropic API after {} requests", requests().size());
    }

    void record(RecordedRequest request) {
        synchronized (lock) {
            requests.add(request);
            lock.notifyAll();
        }
    }

    void recordSent(SentEvent event) {
        synchronized (lock) {
            sent.add(event);
        }
    }

    Reply nextReply(RecordedRequest request) {
        Function<RecordedRequest, Reply> next;
        synchronized (lock) {
            if (!request.mainTurn()) {
                return sideReply;
            }
            next = script.pollFirst();
            if (next == null) {
                return defaultReply;
            }
        }
        return Objects.requireNonNull(next.apply(request), "a computed reply must not be null");
    }

    /** Waits up to {@code duration} and returns whether the server closed meanwhile. */
    boolean awaitClose(Duration duration) {
        try {
            return duration.isZero() ? closed.getCount() == 0 : closed.await(duration.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /** Waits until the server closes or the handler thread is interrupted. */
    void awaitClose() {
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(List<RecordedRequest> requests) {
        return requests.stream()
                .map(request -> request.method() + " " + request.path() + (request.mainTurn() ? " (main)" : ""))
                .toList()
                .toString();
    }

    private static Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "scripted-anthropic-api-" + THREAD_NUMBER.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
