package dev.agenticore.redis;

import java.util.Set;

/** The part of a node's job worker that {@link RedisNode} and the cancel signals drive. */
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
