package dev.agenticore.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.ConflictException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.workspace.Worktree;
import dev.agenticore.core.workspace.WorktreeNotFoundException;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Submission of jobs that name a prepared worktree, checked against the worktree records. */
@Timeout(30)
class WorktreeSubmissionTest {
    private static final String REPO = "http://127.0.0.1:9/acme/widgets.git";

    private WorkerHarness harness;

    @BeforeEach
    void createService() throws Exception {
        harness = new WorkerHarness(
                (invocation, events) -> WorkerHarness.success("done"), JobSettings.defaults("node-a"), 60);
    }

    @AfterEach
    void closeService() {
        harness.close();
    }

    @Test
    void readyWorktreeIsQueued() {
        harness.worktrees.save(worktree("wt-ready", Worktree.Status.READY, ""));

        Job job = harness.service.submit(JobRequest.of("edit").withWorktreeId("wt-ready"));

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.worktreeId()).isEqualTo("wt-ready");
        assertThat(harness.store.find(job.id())).isPresent();
        assertThat(harness.queue.size()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:9/acme/widgets.git",
        "http://127.0.0.1:9/acme/widgets",
        "http://127.0.0.1:9/acme/widgets/",
        "HTTP://127.0.0.1:9/acme/widgets.git"
    })
    void sameRepositorySpelledDifferentlyIsQueued(String repoUrl) {
        harness.worktrees.save(worktree("wt-same", Worktree.Status.READY, ""));

        Job job = harness.service.submit(
                JobRequest.of("edit").withRepoUrl(repoUrl).withWorktreeId("wt-same"));

        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(harness.queue.size()).isEqualTo(1);
    }

    @Test
    void unknownWorktreeIsNotFound() {
        assertThatThrownBy(() -> harness.service.submit(JobRequest.of("edit").withWorktreeId("wt-missing")))
                .isInstanceOf(WorktreeNotFoundException.class)
                .hasMessage("Worktree not found: wt-missing");

        assertNothingStored();
    }

    @Test
    void worktreeInUseIsConflict() {
        harness.worktrees.save(worktree("wt-busy", Worktree.Status.IN_USE, "job-7"));

        assertThatThrownBy(() -> harness.service.submit(JobRequest.of("edit").withWorktreeId("wt-busy")))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("worktree wt-busy is in use by job job-7");

        assertNothingStored();
    }

    @ParameterizedTest
    @CsvSource({
        "PREPARING, is still being prepared",
        "FAILED,    has status failed (fetch failed)",
        "REMOVED,   was removed"
    })
    void worktreeNotReadyIsConflict(Worktree.Status status, String reason) {
        Worktree record = worktree("wt-" + status.wireName(), status, "");
        harness.worktrees.save(status == Worktree.Status.FAILED ? record.failed("fetch failed") : record);

        assertThatThrownBy(() -> harness.service.submit(JobRequest.of("edit").withWorktreeId(record.id())))
                .isInstanceOf(ConflictException.class)
                .hasMessageStartingWith("worktree " + record.id() + " " + reason);

        assertNothingStored();
    }

    @Test
    void otherRepositoryIsInvalid() {
        harness.worktrees.save(worktree("wt-other", Worktree.Status.READY, ""));
        String other = "http://127.0.0.1:9/acme/gadgets.git";

        assertThatThrownBy(() -> harness.service.submit(
                        JobRequest.of("edit").withRepoUrl(other).withWorktreeId("wt-other")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(other)
                .hasMessageContaining(REPO)
                .hasMessageContaining("wt-other")
                .extracting(e -> ((InvalidRequestException) e).field())
                .isEqualTo("repo_url");

        assertNothingStored();
    }

    @Test
    void repositoryMismatchIsReportedFirst() {
        harness.worktrees.save(worktree("wt-both", Worktree.Status.IN_USE, "job-8"));

        assertThatThrownBy(() -> harness.service.submit(JobRequest.of("edit")
                        .withRepoUrl("http://127.0.0.1:9/acme/gadgets.git")
                        .withWorktreeId("wt-both")))
                .isInstanceOf(InvalidRequestException.class);
    }

    private void assertNothingStored() {
        assertThat(harness.store.list(null, 10)).isEmpty();
        assertThat(harness.queue.size()).isZero();
    }

    private static Worktree worktree(String id, Worktree.Status status, String jobId) {
        return new Worktree(
                id,
                REPO,
                "main",
                "agenticore/" + id,
                "/srv/worktrees/" + id,
                "widgets-0123456789ab",
                status,
                Instant.parse("2026-01-02T03:04:05Z"),
                null,
                jobId);
    }
}
