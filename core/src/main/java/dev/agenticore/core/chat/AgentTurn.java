package dev.agenticore.core.chat;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.agent.AgentRun;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat turn that a running agent replies to. The agent's events become {@link ChatUpdate}s on a
 * queue, so a slow client never holds up the agent's output. A waiter thread ends the run when the
 * timeout passes, runs the end action and then queues the {@link ChatUpdate.Finished} update.
 *
 * <p>Text is sent once: the {@link AgentEvent.TextDelta}s carry it, and a complete {@link
 * AgentEvent.AssistantText} is sent only when no delta came before it. When no text came at all,
 * the final result text is sent before the end.
 */
final class AgentTurn implements ChatTurn {
    private static final Logger log = LoggerFactory.getLogger(AgentTurn.class);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final String runId;
    private final StreamSettings visibility;
    private final Consumer<String> onSession;
    private final BlockingQueue<ChatUpdate> updates = new LinkedBlockingQueue<>();
    private final long startNanos = System.nanoTime();
    private volatile AgentRun run;
    private boolean deltaSinceBlock;
    private volatile boolean textSent;

    /**
     * Creates a turn; {@link #attach} connects its run.
     *
     * @param onSession called on the runner's thread with the session id when the agent starts one
     */
    AgentTurn(String runId, StreamSettings visibility, Consumer<String> onSession) {
        this.runId = runId;
        this.visibility = visibility;
        this.onSession = onSession;
    }

    /** Handles one event of the run; called by the runner on its output thread. */
    void onEvent(AgentEvent event) {
        if (event instanceof AgentEvent.TextDelta delta) {
            deltaSinceBlock = true;
            content(delta.text());
        } else if (event instanceof AgentEvent.AssistantText text) {
            if (!deltaSinceBlock) {
                content(text.text());
            }
            deltaSinceBlock = false;
        } else if (event instanceof AgentEvent.ThinkingDelta thinking && visibility.showThinking()) {
            reasoning(thinking.text());
        } else if (event instanceof AgentEvent.ToolCall call && visibility.showTools()) {
            reasoning(ToolBlocks.call(call.name(), call.inputJson()));
        } else if (event instanceof AgentEvent.ToolResult result && visibility.showTools()) {
            reasoning(ToolBlocks.result(result.content(), result.isError()));
        } else if (event instanceof AgentEvent.SessionStarted started
                && !started.sessionId().isEmpty()) {
            onSession.accept(started.sessionId());
        }
    }

    /**
     * Connects the started run and starts the waiter thread.
     *
     * @param onEnd runs once with the result, before the {@link ChatUpdate.Finished} update is queued
     */
    void attach(AgentRun started, Duration timeout, Consumer<TurnResult> onEnd) {
        this.run = started;
        Thread waiter = new Thread(() -> awaitEnd(timeout, onEnd), "agent-turn-" + runId);
        waiter.setDaemon(true);
        waiter.start();
    }

    @Override
    public Optional<ChatUpdate> next(Duration timeout) throws InterruptedException {
        return Optional.ofNullable(updates.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public void cancel() {
        AgentRun current = run;
        if (current != null) {
            current.cancel();
        }
    }

    private void awaitEnd(Duration timeout, Consumer<TurnResult> onEnd) {
        TurnResult result;
        try {
            result = outcome(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.cancel();
            result = TurnResult.failure("the server stopped before the agent finished", "", elapsedMillis());
        } catch (RuntimeException e) {
            log.error("Run {}: waiting for the agent failed", runId, e);
            result = TurnResult.failure("internal error while waiting for the agent: " + e, "", elapsedMillis());
        }
        if (!result.isError() && !textSent && !result.text().isEmpty()) {
            content(result.text());
        }
        try {
            onEnd.accept(result);
        } catch (RuntimeException e) {
            log.error("Run {}: the end action failed", runId, e);
        }
        updates.add(new ChatUpdate.Finished(result));
    }

    private TurnResult outcome(Duration timeout) throws InterruptedException {
        Optional<AgentOutcome> outcome = run.await(timeout);
        if (outcome.isEmpty()) {
            log.info("Run {}: timed out after {} s; stopping the agent", runId, timeout.toSeconds());
            run.cancel();
            run.await(STOP_GRACE);
            return TurnResult.failure(
                    "the agent timed out after " + timeout.toSeconds() + " s and was stopped", "", elapsedMillis());
        }
        AgentOutcome ended = outcome.get();
        String error = "";
        if (!ended.succeeded()) {
            error = ended.errorText().isBlank()
                    ? "the agent failed with exit code " + ended.exitCode()
                    : ended.errorText();
        }
        return new TurnResult(
                ended.result(),
                !ended.succeeded(),
                error,
                ended.sessionId(),
                ended.usage(),
                ended.costUsd(),
                elapsedMillis(),
                ended.numTurns());
    }

    private void content(String text) {
        if (!text.isEmpty()) {
            textSent = true;
            updates.add(new ChatUpdate.Content(text));
        }
    }

    private void reasoning(String text) {
        if (!text.isEmpty()) {
            updates.add(new ChatUpdate.Reasoning(text));
        }
    }

    private long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
