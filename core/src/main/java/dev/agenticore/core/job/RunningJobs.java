package dev.agenticore.core.job;

/** Reaches the agent processes of running jobs, wherever they run. */
public interface RunningJobs {

    /**
     * Asks the node running a job to end its agent process tree. Does nothing when no node runs it.
     */
    void stop(String jobId);
}
