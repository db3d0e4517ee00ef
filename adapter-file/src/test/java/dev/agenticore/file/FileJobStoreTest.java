package dev.agenticore.file;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileJobStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456Z");

    @TempDir
    Path root;

    @Test
    void reopenedStoreSeesRecords() {
        FileJobStore first = new FileJobStore(root);
        Job kept = job(0);
        Job updated = job(1);
        Job deleted = job(2);
        first.create(kept);
        first.create(updated);
        first.create(deleted);
        first.update(
                updated.id(), job -> job.toBuilder().status(JobStatus.RUNNING).build());
        first.delete(deleted.id());

        FileJobStore reopened = new FileJobStore(root);

        assertThat(reopened.find(kept.id())).contains(kept);
        assertThat(reopened.find(updated.id())).map(Job::status).contains(JobStatus.RUNNING);
        assertThat(reopened.find(deleted.id())).isEmpty();
        assertThat(reopened.list(null, 10)).extracting(Job::id).containsExactly(updated.id(), kept.id());
    }

    @Test
    void recordIsOneWireFormatFilePerJob() throws Exception {
        FileJobStore store = new FileJobStore(root);
        Job job = job(0);

        store.create(job);

        String content = Files.readString(root.resolve(job.id() + ".json"));
        assertThat(content).contains("\"id\":\"" + job.id() + "\"");
        assertThat(content).contains("\"created_at\":\"2026-03-01T10:00:00.123456+00:00\"");
        assertThat(content).contains("\"status\":\"queued\"");
    }

    @Test
    void openSkipsUnreadableFiles() throws Exception {
        Job good = job(0);
        new FileJobStore(root).create(good);
        Path temp = root.resolve("." + UUID.randomUUID() + ".json.12345.tmp");
        Files.writeString(temp, "{\"id\":");
        Files.writeString(root.resolve(UUID.randomUUID() + ".json"), "{\"id\": \"trunc");
        Files.writeString(root.resolve("notes.json"), "{\"title\": \"not a job\"}");
        Files.writeString(root.resolve("empty.json"), "");
        Files.writeString(root.resolve("other-id.json"), Files.readString(root.resolve(good.id() + ".json")));

        FileJobStore reopened = new FileJobStore(root);

        assertThat(reopened.list(null, 10)).containsExactly(good);
        assertThat(reopened.count(JobStatus.QUEUED)).isEqualTo(1);
        assertThat(reopened.find("other-id")).isEmpty();
        assertThat(temp).doesNotExist();
    }

    @Test
    void pathTraversalIdsAreRejected() throws Exception {
        FileJobStore store = new FileJobStore(root.resolve("jobs"));
        Files.writeString(root.resolve("outside.json"), "{}");
        List<String> unsafeIds = List.of("../outside", "..", ".", "a/b", "a\\b", "a\0b", ".hidden", "/etc/passwd");

        for (String id : unsafeIds) {
            Job job = job(0).toBuilder().id(id).build();
            assertThatThrownBy(() -> store.create(job))
                    .as("create %s", id)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.find(id)).as("find %s", id).isEmpty();
            assertThat(store.update(id, current -> current)).as("update %s", id).isEmpty();
            store.delete(id);
        }

        assertThat(root.resolve("outside.json")).exists();
        assertThat(store.list(null, 10)).isEmpty();
    }

    @Test
    void updateReturningSameInstanceWritesNothing() throws Exception {
        FileJobStore store = new FileJobStore(root);
        Job job = job(0);
        store.create(job);
        Path file = root.resolve(job.id() + ".json");
        FileTime old = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(file, old);

        store.update(job.id(), current -> current);

        assertThat(Files.getLastModifiedTime(file)).isEqualTo(old);
    }

    @Test
    void writesLeaveNoTemporaryFiles() throws Exception {
        FileJobStore store = new FileJobStore(root);
        Job job = job(0);
        store.create(job);
        store.update(job.id(), current -> current.toBuilder().numTurns(3).build());

        try (var files = Files.list(root)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly(job.id() + ".json");
        }
        assertThat(Files.readString(root.resolve(job.id() + ".json"), StandardCharsets.UTF_8))
                .contains("\"num_turns\":3");
    }

    private static Job job(long secondsAfterT0) {
        return Job.builder()
                .id(UUID.randomUUID().toString())
                .task("fix the flaky test")
                .status(JobStatus.QUEUED)
                .createdAt(T0.plusSeconds(secondsAfterT0))
                .build();
    }
}
