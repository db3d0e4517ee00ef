package dev.agenticore.rest;

import dev.agenticore.core.job.Job;
import dev.agenticore.json.Json;
import dev.agenticore.json.ResponseBodies;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The serialized {@code {"success": true, "job": ...}} body of recently read jobs. Clients poll
 * {@code GET /jobs/{id}} while a job runs and mostly read an unchanged job, so the body is reused
 * while the stored job equals the one it was written from. Thread-safe.
 */
final class JobBodyCache {
    /** Jobs kept at most; the cache is emptied when it is full, so it never grows past this. */
    static final int MAX_ENTRIES = 1024;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Job job, byte[] body) {}

    /** Returns the response body for a job, serialized now or earlier from an equal job. */
    byte[] body(Job job) {
        Entry entry = entries.get(job.id());
        // The file store returns the same instance until the job changes; other stores return copies.
        if (entry != null && (entry.job() == job || entry.job().equals(job))) {
            return entry.body();
        }
        byte[] body = Json.writeBytes(ResponseBodies.job(job));
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(job.id(), new Entry(job, body));
        return body;
    }

    /** Returns the number of cached jobs. */
    int size() {
        return entries.size();
    }
}
