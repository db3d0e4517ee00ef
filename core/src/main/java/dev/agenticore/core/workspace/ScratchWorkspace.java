package dev.agenticore.core.workspace;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.profile.Profile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Gives each job an empty directory of its own under a root: {@code <root>/<job id>/work} for the
 * agent and {@code <root>/<job id>/config} for the profile. Used for jobs without a repository.
 */
public final class ScratchWorkspace implements JobWorkspace {
    private final Path root;

    /** Creates a workspace provider that keeps job directories under {@code root}. */
    public ScratchWorkspace(Path root) {
        this.root = root;
    }

    @Override
    public PreparedWorkspace prepare(Job job, Profile profile) {
        Path jobRoot = root.resolve(job.id());
        try {
            Path work = Files.createDirectories(jobRoot.resolve("work"));
            Path config = Files.createDirectories(jobRoot.resolve("config"));
            return new PreparedWorkspace(work, config, "", "");
        } catch (IOException e) {
            throw new WorkspaceException("cannot create the job directory " + jobRoot + ": " + e.getMessage(), e);
        }
    }
}
