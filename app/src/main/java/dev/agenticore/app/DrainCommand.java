package dev.agenticore.app;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.redis.NodeStatus;
import dev.agenticore.redis.RedisGateway;
import dev.agenticore.redis.RedisJobStore;
import dev.agenticore.redis.RedisNode;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code agenticore drain}: sets the drain flag of a node of a Redis cluster, so it stops taking
 * jobs, and waits until it runs none. The node resumes taking jobs when the drain flag expires after {@code --timeout}, or
 * at once with {@code --cancel}.
 */
@Command(
        mixinStandardHelpOptions = true,
        name = "drain",
        description = "Stop a node of a Redis cluster from taking jobs and wait until its running jobs end.")
final class DrainCommand implements Callable<Integer> {
    private static final Duration POLL = Duration.ofSeconds(2);

    @Spec
    CommandSpec spec;

    @Option(
            names = "--timeout",
            defaultValue = "300",
            description = "Seconds to wait; the node stays drained this long (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Option(
            names = "--node",
            description = "Pod name of the node to drain (default: AGENTICORE_POD_NAME or the host name).")
    String node;

    @Option(names = "--cancel", description = "Remove the drain flag so the node takes jobs again, and exit.")
    boolean cancel;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config = ServerConfig.load(System.getenv(), null);
        if (config.redis() == null) {
            err.println("Error: drain needs REDIS_URL: a server on the file store drains when it receives SIGTERM");
            return 1;
        }
        String target = node != null ? node : config.jobs().podName();
        try (RedisGateway gateway = new RedisGateway(config.redis())) {
            RedisNode nodes = new RedisNode(gateway, target, RedisNode.DEFAULT_INTERVAL, Clock.systemUTC());
            RedisJobStore store = new RedisJobStore(gateway);
            if (!cancel && !isKnown(nodes, store, target)) {
                err.println("Error: node " + target
                        + " not found: it sends no heartbeat and runs no jobs. Nodes with a heartbeat: "
                        + describe(nodes.liveNodes()) + ". Check the name given to --node.");
                return 1;
            }
            if (cancel) {
                nodes.cancelDrain(target);
                out.println("Node " + target + " takes jobs again");
                return 0;
            }
            nodes.requestDrain(target, Duration.ofSeconds(timeoutSeconds));
            out.println("Draining node " + target + " for up to " + timeoutSeconds + " s");
            return awaitIdle(nodes, store, target, out);
        }
    }

    /**
     * Returns whether the node sends heartbeats or has running jobs recorded under its name. A node
     * that stopped with running jobs counts as known, so draining it waits until those jobs end.
     */
    private static boolean isKnown(RedisNode nodes, RedisJobStore store, String target) {
        return nodes.status(target).isPresent() || runningOn(store, target) > 0;
    }

    private static String describe(Set<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    private int awaitIdle(RedisNode nodes, RedisJobStore store, String target, PrintWriter out)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        while (true) {
            long running = runningOn(store, target);
            Optional<NodeStatus> status = nodes.status(target);
            boolean idle = running == 0
                    && status.map(s -> s.draining() && s.running() == 0).orElse(true);
            if (idle) {
                out.println("Node " + target + " is drained: it runs no jobs");
                return 0;
            }
            if (System.nanoTime() - deadline >= 0) {
                out.println("Node " + target + " still runs " + running + " jobs after " + timeoutSeconds + " s");
                return 1;
            }
            out.println("Waiting for " + running + " running jobs on node " + target);
            out.flush();
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Counts every running job recorded under the node, not only the newest ones. */
    private static long runningOn(RedisJobStore store, String target) {
        return store.list(JobStatus.RUNNING, Integer.MAX_VALUE).stream()
                .map(Job::podName)
                .filter(target::equals)
                .count();
    }
}
