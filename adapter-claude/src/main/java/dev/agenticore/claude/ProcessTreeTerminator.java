package dev.agenticore.claude;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends a process and all its descendants: SIGTERM first, then SIGKILL to whatever is still alive
 * after the grace period. Thread-safe and idempotent: only the first {@link #terminate} acts.
 *
 * <p>A descendant whose parent dies is re-parented and drops out of {@link
 * ProcessHandle#descendants()}. The tree is therefore collected before the SIGTERM, and the
 * handles collected then are kept and searched again for new children before the SIGKILL. A
 * process that detaches between the two collections and whose ancestors are all gone can escape.
 */
final class ProcessTreeTerminator {
    private static final Logger log = LoggerFactory.getLogger(ProcessTreeTerminator.class);

    private final ProcessHandle root;
    private final Duration gracePeriod;
    private final String runId;
    private final AtomicBoolean started = new AtomicBoolean();

    /** Creates a terminator for the tree under {@code root}; {@code runId} names it in logs. */
    ProcessTreeTerminator(ProcessHandle root, Duration gracePeriod, String runId) {
        this.root = root;
        this.gracePeriod = gracePeriod;
        this.runId = runId;
    }

    /** Returns whether {@link #terminate} has been called. */
    boolean isStarted() {
        return started.get();
    }

    /**
     * Sends SIGTERM to the tree at once and leaves the SIGKILL escalation to a daemon thread, so
     * the caller does not wait for the grace period. Calls after the first do nothing.
     */
    void terminate() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        Set<ProcessHandle> tree = collect(List.of(root));
        log.info("Run {}: sending SIGTERM to {} process(es) {}", runId, tree.size(), pids(tree));
        tree.forEach(ProcessHandle::destroy);
        Thread escalation = new Thread(() -> escalate(tree), "claude-kill-" + runId);
        escalation.setDaemon(true);
        escalation.start();
    }

    private void escalate(Set<ProcessHandle> signalled) {
        CompletableFuture<?>[] exits =
                signalled.stream().map(ProcessHandle::onExit).toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(exits).get(gracePeriod.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            log.debug("Run {}: grace period of {} ms ended", runId, gracePeriod.toMillis());
        } catch (ExecutionException e) {
            log.warn("Run {}: waiting for the process tree to exit failed", runId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Set<ProcessHandle> survivors = collect(signalled).stream()
                .filter(ProcessHandle::isAlive)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (survivors.isEmpty()) {
            return;
        }
        log.warn(
                "Run {}: {} process(es) {} outlived SIGTERM by {} ms, sending SIGKILL",
                runId,
                survivors.size(),
                pids(survivors),
                gracePeriod.toMillis());
        survivors.forEach(ProcessHandle::destroyForcibly);
    }

    /** Returns the given processes and every current descendant of each, roots first. */
    static Set<ProcessHandle> collect(Iterable<ProcessHandle> roots) {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        for (ProcessHandle handle : roots) {
            tree.add(handle);
            handle.descendants().forEach(tree::add);
        }
        return tree;
    }

    private static String pids(Set<ProcessHandle> handles) {
        return handles.stream().map(handle -> Long.toString(handle.pid())).collect(Collectors.joining(",", "[", "]"));
    }
}
