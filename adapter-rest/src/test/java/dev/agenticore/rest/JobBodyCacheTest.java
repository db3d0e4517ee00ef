package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.json.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobBodyCacheTest {
    private final JobBodyCache cache = new JobBodyCache();

    @Test
    void equalJobReusesBody() {
        Job job = job("j-1", "first output");

        byte[] first = cache.body(job);
        byte[] second = cache.body(job("j-1", "first output"));

        assertThat(second).isSameAs(first);
    }

    @Test
    void changedJobGetsNewBody() throws Exception {
        cache.body(job("j-2", "before"));

        byte[] changed = cache.body(job("j-2", "after"));

        assertThat(Json.mapper().readTree(changed).at("/job/output").asText()).isEqualTo("after");
        assertThat(Json.mapper().readTree(changed).path("success").asBoolean()).isTrue();
    }

    @Test
    void fullCacheStartsOver() {
        for (int i = 0; i < JobBodyCache.MAX_ENTRIES; i++) {
            cache.body(job("j-" + i, "x"));
        }
        assertThat(cache.size()).isEqualTo(JobBodyCache.MAX_ENTRIES);

        cache.body(job("one-more", "x"));

        assertThat(cache.size()).isEqualTo(1);
    }

    private static Job job(String id, String output) {
        return Job.builder()
                .id(id)
                .task("task")
                .createdAt(Instant.parse("2026-12-04T10:00:00Z"))
                .status(JobStatus.SUCCEEDED)
                .output(output)
                .build();
    }
}
