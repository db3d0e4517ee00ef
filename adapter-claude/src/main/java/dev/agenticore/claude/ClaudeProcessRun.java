package dev.agenticore.claude;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentEventListener;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.agent.AgentRun;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Claude Code process. One thread reads standard output and delivers its events, one
 * keeps the end of standard error, and one waits for the exit and completes the outcome after both
 * readers are done. Thread-safe.
 */
final class ClaudeProcessRun implements AgentRun {
    private static final Logger log = LoggerFactory.getLogger(ClaudeProcessRun.class);

    /** Maximum length in bytes of a kept output line. A longer line becomes an {@link AgentEvent.Output} naming its size. */
    static final int MAX_LINE_BYTES = 8 * 1024 * 1024;

    static final int STDERR_TAIL_BYTES = 10 * 1024;

    /**
     * How long the outcome waits for the output to end after the process exited. A descendant that
     * inherited standard output can keep it open after Claude Code itself has exited.
     */
    static final Duration OUTPUT_DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final String runId;
    private final Process process;
    private final AgentEventListener listener;
    private final Clock clock;
    private final ProcessTreeTerminator terminator;
    private final StreamJsonParser parser = new StreamJsonParser();
    private final OutcomeAssembler assembler = new OutcomeAssembler();
    private final TailBuffer stderrTail = new TailBuffer(STDERR_TAIL_BYTES);
    private final CompletableFuture<AgentOutcome> outcome = new CompletableFuture<>();
    private volatile Instant lastActivity;

    private ClaudeProcessRun(
            String runId, Process process, AgentEventListener listener, Clock clock, Duration gracePeriod) {
        this.runId = runId;
        this.process = process;
        this.listener = listener;
        this.clock = clock;
        this.terminator = new ProcessTreeTerminator(process.toHandle(), gracePeriod, runId);
        this.lastActivity = clock.instant();
    }

    /** Starts the reader and waiter threads of a process that has just been started. */
    static ClaudeProcessRun attach(
            String runId, Process process, AgentEventListener listener, Clock clock, Duration gracePeriod) {
        ClaudeProcessRun run = new ClaudeProcessRun(runId, process, listener, clock, gracePeriod);
        Thread stdout = daemon("claude-stdout-" + runId, run::readOutput);
        Thread stderr = daemon("claude-stderr-" + runId, run::readErrors);
        daemon("claude-wait-" + runId, () -> run.awaitExit(stdout, stderr));
        return run;
    }

    @Override
    public OptionalLong pid() {
        return OptionalLong.of(process.pid());
    }

    @Override
    public Instant lastActivity() {
        return lastActivity;
    }

    @Override
    public Optional<AgentOutcome> await(Duration timeout) throws InterruptedException {
        if (timeout.isNegative() || timeout.isZero()) {
            return Optional.ofNullable(outcome.getNow(null));
        }
        try {
            return Optional.of(outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException("run " + runId + " ended without an outcome", e.getCause());
        }
    }

    @Override
    public void cancel() {
        if (!terminator.isStarted() && process.isAlive()) {
            log.info("Run {}: cancelling Claude Code (pid {})", runId, process.pid());
        }
        terminator.terminate();
    }

    private void readOutput() {
        try (InputStream output = process.getInputStream()) {
            LineReader reader = new LineReader(output, MAX_LINE_BYTES);
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                lastActivity = clock.instant();
                if (line.tooLong()) {
                    log.warn("Run {}: skipped an output line of {} bytes", runId, line.length());
                    deliver(new AgentEvent.Output("[output line of " + line.length()
                            + " bytes skipped: longer than the " + MAX_LINE_BYTES + "-byte limit]"));
                    continue;
                }
                for (AgentEvent event : parser.parse(line.text())) {
                    deliver(event);
                }
            }
        } catch (IOException e) {
            log.debug("Run {}: standard output closed: {}", runId, e.toString());
        }
    }

    private void deliver(AgentEvent event) {
        assembler.observe(event);
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.warn("Run {}: the event listener failed on a {} event", runId, event.type(), e);
        }
    }

    private void readErrors() {
        byte[] buffer = new byte[4096];
        try (InputStream errors = process.getErrorStream()) {
            int read;
            while ((read = errors.read(buffer)) >= 0) {
                stderrTail.append(buffer, 0, read);
                lastActivity = clock.instant();
            }
        } catch (IOException e) {
            log.debug("Run {}: standard error closed: {}", runId, e.toString());
        }
    }

    private void awaitExit(Thread stdout, Thread stderr) {
        try {
            int exitCode = process.waitFor();
            stdout.join(OUTPUT_DRAIN_TIMEOUT.toMillis());
            stderr.join(OUTPUT_DRAIN_TIMEOUT.toMillis());
            if (stdout.isAlive() || stderr.isAlive()) {
                log.warn(
                        "Run {}: output still open {} s after the exit; a child process may hold it",
                        runId,
                        OUTPUT_DRAIN_TIMEOUT.toSeconds());
            }
            AgentOutcome result = assembler.outcome(exitCode, stderrTail.text(), terminator.isStarted());
            log.info("Run {}: Claude Code exited with code {}", runId, exitCode);
            outcome.complete(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome.completeExceptionally(e);
        } catch (RuntimeException e) {
            log.error("Run {}: building the outcome failed", runId, e);
            outcome.completeExceptionally(e);
        }
    }

    private static Thread daemon(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
