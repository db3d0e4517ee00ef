package dev.agenticore.core.chat;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fails the queued and running completions that no thread will ever finish, because the node that
 * accepted them has stopped. A record that names no node counts as this node's. Every change goes
 * through {@link CompletionStore#update} and leaves an ended completion as it is, so a completion
 * that its node finishes at the same moment keeps its real result.
 */
final class CompletionRecovery {
    private static final Logger log = LoggerFactory.getLogger(CompletionRecovery.class);

    private final CompletionStore store;
    private final String podName;
    private final NodeLiveness nodes;
    private final Clock clock;

    CompletionRecovery(CompletionStore store, String podName, NodeLiveness nodes, Clock clock) {
        this.store = store;
        this.podName = podName;
        this.nodes = nodes;
        this.clock = clock;
    }

    /**
     * Fails this node's unfinished completions, left by its previous run, and those of other nodes
     * that {@link NodeLiveness} reports as stopped.
     *
     * @return how many completions were failed
     */
    int recover() {
        return failLost(true);
    }

    /**
     * Fails the unfinished completions of other nodes that {@link NodeLiveness} reports as stopped,
     * and leaves this node's own completions alone.
     *
     * @return how many completions were failed
     */
    int sweep() {
        return failLost(false);
    }

    private int failLost(boolean includeOwn) {
        Map<String, Boolean> alive = new HashMap<>();
        int failed = 0;
        int skipped = 0;
        for (CompletionStatus status : List.of(CompletionStatus.QUEUED, CompletionStatus.RUNNING)) {
            for (Completion completion : store.list(status, Integer.MAX_VALUE)) {
                String owner = completion.podName();
                boolean own = owner.isEmpty() || owner.equals(podName);
                if (own ? !includeOwn : alive.computeIfAbsent(owner, nodes::isAlive)) {
                    skipped++;
                    continue;
                }
                String reason = own
                        ? "the server restarted before the completion finished"
                        : "the node " + owner + " that ran the completion stopped before it finished";
                if (fail(completion.uuid(), reason + "; submit it again")) {
                    log.info("Completion {} failed while {}: {}", completion.uuid(), status.wireName(), reason);
                    failed++;
                }
            }
        }
        if (includeOwn && skipped > 0) {
            log.info("Recovery left {} unfinished completions to the running nodes that accepted them", skipped);
        }
        return failed;
    }

    /**
     * Fails a completion unless it has ended meanwhile.
     *
     * @return whether this call failed it
     */
    private boolean fail(String uuid, String error) {
        // The store may apply the change more than once while it retries, and the last call decides.
        AtomicBoolean changed = new AtomicBoolean();
        store.update(uuid, current -> {
            changed.set(!current.status().isTerminal());
            return changed.get() ? current.ended(TurnResult.failure(error, "", 0), clock.instant()) : current;
        });
        return changed.get();
    }
}
