package dev.agenticore.core.workspace;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.profile.Profile;

/** Gives each job a working directory before the agent starts, and handles it after the job. */
public interface JobWorkspace {

    /**
     * Prepares the working directory of a job.
     *
     * @throws WorkspaceException with a message for the job's {@code error} when preparation fails
     */
    PreparedWorkspace prepare(Job job, Profile profile);

    /**
     * Publishes the work of a job that succeeded, for example as a pull request. The default does
     * nothing.
     *
     * @return what publishing produced
     */
    default Publication publish(Job job, Profile profile, PreparedWorkspace workspace) {
        return Publication.NOTHING;
    }

    /**
     * Releases what {@link #prepare} claimed once the job has ended, whatever its outcome. The
     * default does nothing.
     */
    default void release(Job job, PreparedWorkspace workspace) {}
}
