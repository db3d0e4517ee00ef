package dev.agenticore.redis;

import java.util.Set;

/** What {@link RedisNode} needs from the node's job worker. */
public interface LocalWorker {

    /** Returns the number of jobs this node is running. */
    int runningCount();

    /** Returns the ids of the jobs this node is running. */
    Set<String> runningJobIds();

    /** Stops or resumes taking new jobs; running jobs go on either way. */
    void setDraining(boolean draining);

    /** Ends the agent of a job running on this node; does nothing for other jobs. */
    void stop(String jobId);
}
