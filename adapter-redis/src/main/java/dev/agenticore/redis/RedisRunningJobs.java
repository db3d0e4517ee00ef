package dev.agenticore.redis;

import dev.agenticore.core.StorageException;
import dev.agenticore.core.job.RunningJobs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link RunningJobs} across nodes: stopping a job stops it here if it runs here, and publishes a
 * cancel message that the node running it acts on. A message sent while Redis is unreachable is
 * lost; the job is already marked cancelled in the store then, and the heartbeat of the node
 * running it ({@link RedisNode}) stops its agent within a few seconds.
 */
public final class RedisRunningJobs implements RunningJobs {
    private static final Logger log = LoggerFactory.getLogger(RedisRunningJobs.class);

    private final RunningJobs local;
    private final RedisSignals signals;

    /**
     * Creates the cross-node view.
     *
     * @param local the jobs of this node, usually the job worker
     * @param signals the node's subscription, which also publishes
     */
    public RedisRunningJobs(RunningJobs local, RedisSignals signals) {
        this.local = local;
        this.signals = signals;
    }

    @Override
    public void stop(String jobId) {
        local.stop(jobId);
        try {
            signals.publishCancel(jobId);
        } catch (StorageException e) {
            log.warn("Job {}: the cancel could not reach the other nodes: {}", jobId, e.getMessage());
        }
    }
}
