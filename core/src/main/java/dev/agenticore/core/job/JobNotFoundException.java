package dev.agenticore.core.job;

import dev.agenticore.core.NotFoundException;

/** Thrown when no job has the requested id. */
public class JobNotFoundException extends NotFoundException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception for the missing id. */
    public JobNotFoundException(String jobId) {
        super("Job not found: " + jobId);
    }
}
