package dev.agenticore.mcp;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.event.JobEventFeed;
import dev.agenticore.core.job.JobQueue;
import dev.agenticore.core.job.JobService;
import dev.agenticore.core.job.JobSettings;
import dev.agenticore.core.job.JobStore;
import dev.agenticore.core.job.JobWorker;
import dev.agenticore.core.memory.InMemoryAgentRunner;
import dev.agenticore.core.memory.InMemoryJobEventLog;
import dev.agenticore.core.memory.InMemoryJobQueue;
import dev.agenticore.core.memory.InMemoryJobStore;
import dev.agenticore.core.memory.InMemoryProfileCatalog;
import dev.agenticore.core.memory.InMemoryWorktreeStore;
import dev.agenticore.core.profile.ProfileDefinition;
import dev.agenticore.core.profile.ProfileResolver;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.core.workspace.ScratchWorkspace;
import dev.agenticore.core.workspace.WorktreeService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The core services over in-memory adapters, a fake git workspace and an agent that ends with the
 * output {@code done: <task>} after {@code agentDelay}. Tests and the stdio test server share it.
 */
final class InMemoryServices implements AutoCloseable {
    final JobStore store = new InMemoryJobStore();
    final JobQueue queue = new InMemoryJobQueue();
    final JobEventFeed feed = new JobEventFeed(new InMemoryJobEventLog(Clock.systemUTC()));
    final InMemoryProfileCatalog profiles;
    final JobService jobs;
    final JobWorker worker;
    final WorktreeService worktrees;
    final McpTools tools;
    final Path workRoot;

    InMemoryServices(Duration agentDelay, Duration waitLimit) throws IOException {
        workRoot = Files.createTempDirectory("mcp-services");
        Clock clock = Clock.systemUTC();
        JobSettings settings = JobSettings.defaults("test-node").withWaitLimit(waitLimit);
        profiles = new InMemoryProfileCatalog(List.of(
                ProfileResolver.resolve("code", name -> ProfileDefinition.named("code")),
                ProfileResolver.resolve("review", name -> ProfileDefinition.named("review"))));
        InMemoryAgentRunner runner = new InMemoryAgentRunner(
                (invocation, events) -> {
                    events.onEvent(new AgentEvent.SessionStarted("session-" + invocation.runId(), "sonnet"));
                    Thread.sleep(agentDelay.toMillis());
                    return new AgentOutcome(0, "done: " + invocation.prompt(), false, "", "", 0.01, 1, 5L, null);
                },
                clock);
        worker = new JobWorker(
                store, queue, runner, profiles, new ScratchWorkspace(workRoot.resolve("jobs")), feed, settings, clock);
        InMemoryWorktreeStore worktreeStore = new InMemoryWorktreeStore();
        jobs = new JobService(
                store, queue, new ProfileRouter(profiles, "code"), worker, worktreeStore, settings, clock);
        worktrees =
                new WorktreeService(new FakeGitWorkspace(), worktreeStore, workRoot.resolve("worktrees"), false, clock);
        tools = new McpTools(jobs, worktrees, profiles);
        worker.start();
    }

    /** Returns services whose agent finishes at once and whose {@code wait} blocks up to 20 seconds. */
    static InMemoryServices quick() throws IOException {
        return new InMemoryServices(Duration.ZERO, Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        worker.close();
    }
}
