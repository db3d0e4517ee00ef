package dev.agenticore.core.workspace;

/**
 * Locks that keep nodes sharing one repository cache from fetching the same mirror at once. The
 * in-process and file locks of a git adapter cover one machine; an implementation backed by a
 * shared store covers a cluster. Thread-safe.
 */
@FunctionalInterface
public interface RepositoryLocks {

    /** Locks that lock nothing, for a single node. */
    RepositoryLocks NONE = repositoryKey -> () -> {};

    /**
     * Takes the lock of one repository, waiting for it.
     *
     * @return a handle whose {@code close()} releases the lock
     * @throws GitException when the lock cannot be taken in time
     */
    Held lock(String repositoryKey);

    /** A held lock. */
    @FunctionalInterface
    interface Held extends AutoCloseable {
        /** Releases the lock. Implementations log a failure to release instead of throwing it. */
        @Override
        void close();
    }
}
