package dev.agenticore.core.job;

import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.event.JobEventFeed;
import dev.agenticore.core.memory.InMemoryAgentRunner;
import dev.agenticore.core.memory.InMemoryJobEventLog;
import dev.agenticore.core.memory.InMemoryJobQueue;
import dev.agenticore.core.memory.InMemoryJobStore;
import dev.agenticore.core.memory.InMemoryProfileCatalog;
import dev.agenticore.core.memory.InMemoryWorktreeStore;
import dev.agenticore.core.profile.Profile;
import dev.agenticore.core.profile.ProfileDefinition;
import dev.agenticore.core.profile.ProfileResolver;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.core.workspace.ScratchWorkspace;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A job service and worker over in-memory adapters, with the agent given by the test. */
final class WorkerHarness implements AutoCloseable {
    final InMemoryJobStore store = new InMemoryJobStore();
    final InMemoryJobQueue queue = new InMemoryJobQueue();
    final InMemoryJobEventLog events = new InMemoryJobEventLog(Clock.systemUTC());
    final InMemoryWorktreeStore worktrees = new InMemoryWorktreeStore();
    final JobWorker worker;
    final JobService service;

    WorkerHarness(InMemoryAgentRunner.Agent agent, JobSettings settings, long timeoutSeconds) throws IOException {
        Clock clock = Clock.systemUTC();
        ProfileDefinition code = new ProfileDefinition(
                "code", null, null, null, null, null, null, null, null, timeoutSeconds, Map.of(), null);
        Profile profile = ProfileResolver.resolve("code", name -> code);
        InMemoryProfileCatalog profiles = new InMemoryProfileCatalog(List.of(profile));
        worker = new JobWorker(
                store,
                queue,
                new InMemoryAgentRunner(agent, clock),
                profiles,
                new ScratchWorkspace(Files.createTempDirectory("worker-harness")),
                new JobEventFeed(events),
                settings,
                clock);
        service = new JobService(store, queue, new ProfileRouter(profiles, "code"), worker, worktrees, settings, clock);
    }

    static AgentOutcome success(String text) {
        return new AgentOutcome(0, text, false, "", "", 0.5, 2, 100L, null);
    }

    Job awaitTerminal(String id) {
        return service.await(id, Duration.ofSeconds(20));
    }

    @Override
    public void close() {
        worker.close();
    }
}
