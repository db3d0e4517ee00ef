import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.agent.AgentOutcome;
import dev.agenticore.core.event.JobEventFeed;
import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobRequest;
import dev.agenticore.core.job.JobService;
import dev.agenticore.core.job.JobSettings;
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
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Runs Agenticore's job lifecycle inside a plain Java program, with in-memory adapters and an
 * agent written in Java. Swap InMemoryAgentRunner for dev.agenticore.claude.ClaudeCodeRunner to
 * run the Claude Code CLI, and the in-memory stores for the file or Redis adapters to keep jobs.
 */
public final class EmbeddedAgenticore {
    public static void main(String[] args) throws Exception {
        Clock clock = Clock.systemUTC();
        InMemoryJobStore store = new InMemoryJobStore();
        InMemoryJobQueue queue = new InMemoryJobQueue();
        InMemoryProfileCatalog profiles = new InMemoryProfileCatalog(
                List.of(ProfileResolver.resolve("code", name -> ProfileDefinition.named("code"))));
        JobSettings settings = JobSettings.defaults("embedded").withMaxParallelJobs(2);

        InMemoryAgentRunner agent = new InMemoryAgentRunner((invocation, events) -> {
            events.onEvent(new AgentEvent.AssistantText("Reading the task: " + invocation.prompt()));
            return new AgentOutcome(0, "Done: " + invocation.prompt(), false, "", "", 0.0, 1, 1L, null);
        }, clock);

        JobWorker worker = new JobWorker(store, queue, agent, profiles,
                new ScratchWorkspace(Files.createTempDirectory("agenticore-embedded")),
                new JobEventFeed(new InMemoryJobEventLog(clock)), settings, clock);
        JobService jobs = new JobService(store, queue, new ProfileRouter(profiles, "code"), worker,
                new InMemoryWorktreeStore(), settings, clock);

        worker.start();
        try {
            Job submitted = jobs.submit(JobRequest.of("count the files"));
            Job finished = jobs.await(submitted.id(), Duration.ofSeconds(10));
            System.out.println(finished.status().wireName() + ": " + finished.output());
        } finally {
            worker.close();
        }
    }
}
