package dev.agenticore.claude;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.agent.AgentRun;
import dev.agenticore.core.agent.AgentStartException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs the runner against shell scripts that stand in for the claude executable. */
class ClaudeCodeRunnerProcessTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String INIT =
            "{\"type\":\"system\",\"subtype\":\"init\",\"session_id\":\"sess-1\",\"model\":\"m\"}";
    private static final String RESULT = "{\"type\":\"result\",\"subtype\":\"success\",\"is_error\":false,"
            + "\"result\":\"All done.\",\"session_id\":\"sess-1\",\"num_turns\":3,\"duration_ms\":1500,"
            + "\"total_cost_usd\":0.25,\"usage\":{\"input_tokens\":10,\"output_tokens\":20}}";

    @TempDir
    Path temp;

    private final BlockingQueue<AgentEvent> events = new LinkedBlockingQueue<>();
    private final List<ProcessHandle> trees = new ArrayList<>();

    /** Kills what a failed test left running, so one failure does not leak sleeping processes. */
    @AfterEach
    void killLeftovers() {
        trees.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private List<ProcessHandle> tree(AgentRun run) {
        ProcessHandle root = ProcessHandle.of(run.pid().orElseThrow()).orElseThrow();
        List<ProcessHandle> tree = List.copyOf(ProcessTreeTerminator.collect(List.of(root)));
        trees.addAll(tree);
        return tree;
    }

    private Path script(String body) throws IOException {
        Path file = temp.resolve("fake-claude");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file;
    }

    private AgentInvocation invocation() throws IOException {
        Path work = Files.createDirectories(temp.resolve("work"));
        return Invocations.invocation(Invocations.plainProfile(), work, temp.resolve("config"));
    }

    private ClaudeCodeRunner runner(String binary, Duration grace) {
        Map<String, String> server = Map.of("PATH", System.getenv("PATH"), "AGENTICORE_API_KEYS", "do-not-pass");
        ClaudeCodeSettings settings =
                ClaudeCodeSettings.defaults().withBinary(binary).withGracePeriod(grace);
        return new ClaudeCodeRunner(settings, server, Clock.systemUTC());
    }

    private AgentRun start(Path script, Duration grace) throws IOException {
        return runner(script.toString(), grace).start(invocation(), events::add);
    }

    private static AgentOutcome awaitOutcome(AgentRun run) throws InterruptedException {
        return run.await(WAIT).orElseThrow(() -> new AssertionError("run did not end within " + WAIT));
    }

    private AgentEvent nextEvent() throws InterruptedException {
        AgentEvent event = events.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(event).as("event within %s", WAIT).isNotNull();
        return event;
    }

    @Test
    @Timeout(30)
    void successfulRunStreamsEvents() throws Exception {
        Path script = script("printf '%s\\n' \"$@\" > args.txt\n"
                + "pwd > cwd.txt\n"
                + "cat > stdin.txt\n"
                + "echo \"key=$AGENTICORE_API_KEYS\" > env.txt\n"
                + "echo '" + INIT + "'\n"
                + "echo 'plain progress line'\n"
                + "echo '" + RESULT + "'");
        Instant before = Instant.now();

        AgentRun run = start(script, Duration.ofSeconds(1));
        AgentOutcome outcome = awaitOutcome(run);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.result()).isEqualTo("All done.");
        assertThat(outcome.sessionId()).isEqualTo("sess-1");
        assertThat(outcome.numTurns()).isEqualTo(3);
        assertThat(outcome.durationMs()).isEqualTo(1500L);
        assertThat(outcome.costUsd()).isEqualTo(0.25);
        assertThat(outcome.usage().outputTokens()).isEqualTo(20);
        assertThat(outcome.errorText()).isEmpty();
        assertThat(List.copyOf(events))
                .containsExactly(
                        new AgentEvent.SessionStarted("sess-1", "m"),
                        new AgentEvent.Output("plain progress line"),
                        events.stream()
                                .filter(AgentEvent.Result.class::isInstance)
                                .findFirst()
                                .orElseThrow());
        assertThat(run.pid()).isPresent();
        assertThat(run.lastActivity()).isAfterOrEqualTo(before);
        Path work = temp.resolve("work");
        assertThat(Files.readAllLines(work.resolve("args.txt"))).endsWith("-p", "--", "fix the build");
        assertThat(work.resolve("cwd.txt")).hasContent(work.toRealPath().toString());
        assertThat(work.resolve("stdin.txt")).isEmptyFile();
        assertThat(work.resolve("env.txt")).hasContent("key=");
    }

    @Test
    @Timeout(30)
    void nonZeroExitFailsWithStderr() throws Exception {
        Path script = script("echo '" + INIT + "'\necho 'API Error: 401 invalid x-api-key' >&2\nexit 3");

        AgentOutcome outcome = awaitOutcome(start(script, Duration.ofSeconds(1)));

        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.isError()).isTrue();
        assertThat(outcome.errorText()).isEqualTo("API Error: 401 invalid x-api-key");
        assertThat(outcome.sessionId()).isEqualTo("sess-1");
    }

    @Test
    @Timeout(30)
    void errorResultTextWins() throws Exception {
        String errorResult = "{\"type\":\"result\",\"subtype\":\"error_max_turns\",\"is_error\":true,"
                + "\"session_id\":\"sess-2\",\"errors\":[\"Reached maximum number of turns (5)\"]}";
        Path script = script("echo 'noise' >&2\necho '" + errorResult + "'\nexit 1");

        AgentOutcome outcome = awaitOutcome(start(script, Duration.ofSeconds(1)));

        assertThat(outcome.exitCode()).isEqualTo(1);
        assertThat(outcome.isError()).isTrue();
        assertThat(outcome.errorText()).isEqualTo("Reached maximum number of turns (5)");
        assertThat(outcome.sessionId()).isEqualTo("sess-2");
    }

    @Test
    @Timeout(30)
    void missingResultIsError() throws Exception {
        Path script = script("echo '" + INIT + "'\nexit 0");

        AgentOutcome outcome = awaitOutcome(start(script, Duration.ofSeconds(1)));

        assertThat(outcome.exitCode()).isZero();
        assertThat(outcome.isError()).isTrue();
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.errorText()).contains("without reporting a result");
    }

    @Test
    @Timeout(30)
    void failingListenerKeepsReading() throws Exception {
        Path script = script("echo '" + INIT + "'\necho '" + RESULT + "'");
        AgentRun run = runner(script.toString(), Duration.ofSeconds(1)).start(invocation(), event -> {
            throw new IllegalStateException("listener broke");
        });

        AgentOutcome outcome = awaitOutcome(run);

        assertThat(outcome.succeeded()).isTrue();
        assertThat(outcome.result()).isEqualTo("All done.");
    }

    @Test
    @Timeout(30)
    void missingBinaryPathGivesHint() throws IOException {
        AgentInvocation invocation = invocation();
        ClaudeCodeRunner runner = runner(temp.resolve("no/such/claude").toString(), Duration.ofSeconds(1));

        assertThatThrownBy(() -> runner.start(invocation, events::add))
                .isInstanceOf(AgentStartException.class)
                .hasMessageContaining(temp.resolve("no/such/claude").toString())
                .hasMessageContaining("npm install -g @anthropic-ai/claude-code")
                .hasMessageContaining("AGENTICORE_CLAUDE_BINARY");
    }

    @Test
    @Timeout(30)
    void binaryNotOnPathGivesHint() throws IOException {
        AgentInvocation invocation = invocation();
        ClaudeCodeRunner runner = new ClaudeCodeRunner(
                ClaudeCodeSettings.defaults().withBinary("claude-not-installed-here"),
                Map.of("PATH", temp.toString()),
                Clock.systemUTC());

        assertThatThrownBy(() -> runner.start(invocation, events::add))
                .isInstanceOf(AgentStartException.class)
                .hasMessageContaining("claude-not-installed-here")
                .hasMessageContaining("PATH")
                .hasMessageContaining("npm install -g @anthropic-ai/claude-code");
    }

    @Test
    @Timeout(30)
    void bareNameIsFoundOnPath() throws Exception {
        Path script = script("echo '" + RESULT + "'");
        ClaudeCodeRunner runner = new ClaudeCodeRunner(
                ClaudeCodeSettings.defaults().withBinary(script.getFileName().toString()),
                Map.of("PATH", "/nonexistent:" + temp),
                Clock.systemUTC());

        AgentOutcome outcome = awaitOutcome(runner.start(invocation(), events::add));

        assertThat(outcome.succeeded()).isTrue();
    }

    @Test
    @Timeout(30)
    void cancelEndsProcessTree() throws Exception {
        Path script = script("sleep 300 &\nsleep 300 &\necho '" + INIT + "'\nwait");
        AgentRun run = start(script, Duration.ofSeconds(10));
        assertThat(nextEvent()).isInstanceOf(AgentEvent.SessionStarted.class);
        List<ProcessHandle> tree = tree(run);
        assertThat(tree).hasSize(3);

        long started = System.nanoTime();
        run.cancel();
        long cancelMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        AgentOutcome outcome = awaitOutcome(run);

        assertThat(cancelMillis).isLessThan(2_000);
        assertThat(outcome.succeeded()).isFalse();
        assertThat(outcome.exitCode()).isEqualTo(143);
        assertThat(outcome.errorText()).contains("stopped");
        assertAllEnd(tree);
    }

    @Test
    @Timeout(30)
    void ignoredSigtermEscalatesToSigkill() throws Exception {
        Path script = script("trap '' TERM\nsleep 300 &\necho '" + INIT + "'\nwait\nwait");
        Duration grace = Duration.ofMillis(700);
        AgentRun run = start(script, grace);
        assertThat(nextEvent()).isInstanceOf(AgentEvent.SessionStarted.class);
        List<ProcessHandle> tree = tree(run);

        long started = System.nanoTime();
        run.cancel();
        assertThat(run.await(Duration.ofMillis(300)))
                .as("outcome before the grace period ended")
                .isEmpty();
        AgentOutcome outcome = awaitOutcome(run);
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(outcome.exitCode()).isEqualTo(137);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(grace.toMillis());
        assertAllEnd(tree);
    }

    @Test
    @Timeout(30)
    void cancelIsIdempotentAndSafeAfterExit() throws Exception {
        Path script = script("echo '" + RESULT + "'");
        AgentRun run = start(script, Duration.ofSeconds(1));
        AgentOutcome outcome = awaitOutcome(run);

        run.cancel();
        run.cancel();

        assertThat(run.await(Duration.ofMillis(10))).contains(outcome);
    }

    @Test
    @Timeout(30)
    void concurrentCancelsSignalOnce() throws Exception {
        Path script = script("sleep 300 &\necho '" + INIT + "'\nwait");
        AgentRun run = start(script, Duration.ofSeconds(10));
        assertThat(nextEvent()).isInstanceOf(AgentEvent.SessionStarted.class);
        List<ProcessHandle> tree = tree(run);
        List<Thread> threads = List.of(new Thread(run::cancel), new Thread(run::cancel), new Thread(run::cancel));

        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(awaitOutcome(run).exitCode()).isEqualTo(143);
        assertAllEnd(tree);
    }

    private static void assertAllEnd(List<ProcessHandle> tree) throws Exception {
        for (ProcessHandle handle : tree) {
            handle.onExit().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertThat(handle.isAlive()).as("process %d alive", handle.pid()).isFalse();
        }
    }
}
