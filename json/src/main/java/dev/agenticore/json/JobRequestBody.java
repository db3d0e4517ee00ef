package dev.agenticore.json;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agenticore.core.job.JobRequest;

/**
 * The JSON body of {@code POST /jobs} and the arguments of {@code run_task}. Missing fields take
 * the defaults of {@link JobRequest}; {@code private} defaults to true.
 */
public record JobRequestBody(
        String task,
        String repoUrl,
        String profile,
        String baseRef,
        String sessionId,
        String filePath,
        Boolean createRepo,
        @JsonProperty("private") Boolean privateRepo,
        String worktreeId,
        @JsonProperty("wait") Boolean waitForResult) {

    /** Converts the body to a core request. */
    public JobRequest toRequest() {
        return new JobRequest(
                task,
                repoUrl,
                profile,
                baseRef,
                sessionId,
                filePath,
                Boolean.TRUE.equals(createRepo),
                !Boolean.FALSE.equals(privateRepo),
                worktreeId,
                Boolean.TRUE.equals(waitForResult));
    }
}
