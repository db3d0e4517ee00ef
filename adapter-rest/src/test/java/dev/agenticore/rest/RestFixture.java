package dev.agenticore.rest;

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
import dev.agenticore.core.workspace.WorktreeStore;
import dev.agenticore.git.GitSettings;
import dev.agenticore.git.JGitWorkspace;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * A real REST server on a loopback port over in-memory adapters, with an agent whose replies the
 * test controls: it emits one text event, then waits until {@link #release} is called unless
 * {@code instant} is set. Jobs run in scratch directories, and the worktree routes prepare real
 * worktrees with JGit under {@link #workRoot}.
 */
final class RestFixture implements AutoCloseable {
    final JobStore store = new InMemoryJobStore();
    final JobQueue queue = new InMemoryJobQueue();
    final WorktreeStore worktreeStore = new InMemoryWorktreeStore();
    final JobEventFeed feed = new JobEventFeed(new InMemoryJobEventLog(Clock.systemUTC()));
    final CountDownLatch release = new CountDownLatch(1);
    final JobService jobs;
    final JobWorker worker;
    final WorktreeService worktrees;
    final RestServer server;
    final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Path workRoot;
    volatile boolean instant;

    RestFixture(List<String> apiKeys, JobSettings settings) throws IOException {
        workRoot = Files.createTempDirectory("rest-fixture");
        Clock clock = Clock.systemUTC();
        InMemoryProfileCatalog profiles = new InMemoryProfileCatalog(List.of(
                ProfileResolver.resolve("code", name -> ProfileDefinition.named("code")),
                ProfileResolver.resolve("review", name -> ProfileDefinition.named("review"))));
        InMemoryAgentRunner runner = new InMemoryAgentRunner(
                (invocation, events) -> {
                    events.onEvent(new AgentEvent.SessionStarted("session-" + invocation.runId(), "sonnet"));
                    events.onEvent(new AgentEvent.AssistantText("working on " + invocation.prompt()));
                    if (!instant) {
                        release.await();
                    }
                    return new AgentOutcome(0, "done: " + invocation.prompt(), false, "", "", 0.01, 1, 5L, null);
                },
                clock);
        worker = new JobWorker(store, queue, runner, profiles, new ScratchWorkspace(workRoot), feed, settings, clock);
        jobs = new JobService(
                store, queue, new ProfileRouter(profiles, "code"), worker, worktreeStore, settings, clock);
        GitSettings git = new GitSettings(
                workRoot.resolve("repos"),
                workRoot.resolve("worktrees"),
                GitSettings.DEFAULT_AUTHOR_NAME,
                GitSettings.DEFAULT_AUTHOR_EMAIL,
                Duration.ofSeconds(10));
        worktrees = new WorktreeService(
                new JGitWorkspace(git, Optional::empty),
                worktreeStore,
                git.worktreeRoot(),
                settings.allowFileUrls(),
                clock);
        server = RestServer.builder(RestSettings.loopback(0).withApiKeys(apiKeys))
                .routes(new HealthRoutes(() -> Map.of("node", settings.podName())))
                .routes(new JobRoutes(jobs))
                .routes(new JobEventRoutes(jobs, feed, Duration.ofMillis(200)))
                .routes(new ProfileRoutes(profiles))
                .routes(new WorktreeRoutes(worktrees))
                .build()
                .start();
    }

    static RestFixture started(List<String> apiKeys) throws IOException {
        RestFixture fixture =
                new RestFixture(apiKeys, JobSettings.defaults("test-node").withWaitLimit(Duration.ofSeconds(5)));
        fixture.worker.start();
        return fixture;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return client.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    HttpResponse<String> delete(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    @Override
    public void close() {
        release.countDown();
        server.close();
        worker.close();
    }
}
