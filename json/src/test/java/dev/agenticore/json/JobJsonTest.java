package dev.agenticore.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobJsonTest {
    private static final Job JOB = Job.builder()
            .id("a1b2c3d4-e5f6-7890-abcd-ef1234567890")
            .task("fix the auth bug")
            .repoUrl("https://github.com/org/repo")
            .baseRef("main")
            .profile("code")
            .status(JobStatus.RUNNING)
            .createdAt(Instant.parse("2025-01-15T10:30:00.123456Z"))
            .privateRepo(false)
            .build();

    @Test
    void jobHasEverySchemaFieldWithNullWhereUnset() throws Exception {
        JsonNode node = Json.mapper().readTree(Json.write(JOB));

        assertThat(node.fieldNames())
                .toIterable()
                .contains(
                        "id",
                        "repo_url",
                        "base_ref",
                        "task",
                        "profile",
                        "status",
                        "mode",
                        "exit_code",
                        "session_id",
                        "pr_url",
                        "output",
                        "error",
                        "created_at",
                        "started_at",
                        "ended_at",
                        "ttl_seconds",
                        "pid",
                        "pod_name",
                        "worktree_path",
                        "job_config_dir",
                        "branch",
                        "worktree_id");
        assertThat(node.get("exit_code").isNull()).isTrue();
        assertThat(node.get("started_at").isNull()).isTrue();
        assertThat(node.get("status").asText()).isEqualTo("running");
        assertThat(node.get("mode").asText()).isEqualTo("fire_and_forget");
        assertThat(node.get("private").asBoolean()).isFalse();
    }

    @Test
    void timestampsCarryMicrosecondsAndOffset() throws Exception {
        JsonNode node = Json.mapper().readTree(Json.write(JOB));

        assertThat(node.get("created_at").asText()).isEqualTo("2025-01-15T10:30:00.123456+00:00");
    }

    @Test
    void jobSurvivesRoundTrip() throws Exception {
        Job read = Json.mapper().readValue(Json.write(JOB), Job.class);

        assertThat(read).isEqualTo(JOB);
    }
}
