package dev.agenticore.core.memory;

import dev.agenticore.core.agent.AgentEventListener;
import dev.agenticore.core.agent.AgentInvocation;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.agent.AgentRun;
import dev.agenticore.core.agent.AgentRunner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@link AgentRunner} that runs a Java function on a thread of its own instead of a process: for
 * embedding Agenticore with an agent written in Java, and for tests. Cancelling interrupts the
 * thread; the run then ends with exit code 143, as a process ended by SIGTERM would. Thread-safe.
 */
public final class InMemoryAgentRunner implements AgentRunner {
    /** Exit code of a cancelled run. */
    public static final int CANCELLED_EXIT_CODE = 143;

    private final Agent agent;
    private final Clock clock;

    /** The agent's behaviour. */
    @FunctionalInterface
    public interface Agent {
        /**
         * Runs the agent for one invocation.
         *
         * @param events receives the events of the run
         * @return how the run ended
         * @throws InterruptedException when the run is cancelled
         */
        AgentOutcome run(AgentInvocation invocation, AgentEventListener events) throws InterruptedException;
    }

    /** Creates a runner for the given agent. */
    public InMemoryAgentRunner(Agent agent, Clock clock) {
        this.agent = agent;
        this.clock = clock;
    }

    @Override
    public AgentRun start(AgentInvocation invocation, AgentEventListener listener) {
        ThreadRun run = new ThreadRun(clock);
        Thread thread = new Thread(() -> run.complete(invocation, listener, agent), "agent-" + invocation.runId());
        thread.setDaemon(true);
        run.thread = thread;
        thread.start();
        return run;
    }

    private static final class ThreadRun implements AgentRun {
        private final CompletableFuture<AgentOutcome> outcome = new CompletableFuture<>();
        private final Clock clock;
        private volatile Instant lastActivity;
        private volatile Thread thread;

        ThreadRun(Clock clock) {
            this.clock = clock;
            this.lastActivity = clock.instant();
        }

        void complete(AgentInvocation invocation, AgentEventListener listener, Agent agent) {
            try {
                outcome.complete(agent.run(invocation, event -> {
                    lastActivity = clock.instant();
                    listener.onEvent(event);
                }));
            } catch (InterruptedException e) {
                outcome.complete(new AgentOutcome(
                        CANCELLED_EXIT_CODE, "", true, "the agent was stopped", "", null, null, null, null));
            } catch (RuntimeException e) {
                outcome.complete(new AgentOutcome(1, "", true, e.toString(), "", null, null, null, null));
            }
        }

        @Override
        public OptionalLong pid() {
            return OptionalLong.empty();
        }

        @Override
        public Instant lastActivity() {
            return lastActivity;
        }

        @Override
        public Optional<AgentOutcome> await(Duration timeout) throws InterruptedException {
            try {
                return Optional.of(outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
            } catch (TimeoutException e) {
                return Optional.empty();
            } catch (ExecutionException e) {
                throw new IllegalStateException("the agent thread failed", e.getCause());
            }
        }

        @Override
        public void cancel() {
            thread.interrupt();
        }
    }
}
