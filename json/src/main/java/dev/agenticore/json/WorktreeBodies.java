package dev.agenticore.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.workspace.Worktree;
import dev.agenticore.core.workspace.WorktreeDetails;
import dev.agenticore.core.workspace.WorktreeInfo;
import dev.agenticore.core.workspace.WorktreeListing;
import dev.agenticore.core.workspace.WorktreeRemoval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Request parsing and response shapes of the worktree operations, shared by REST and MCP. */
public final class WorktreeBodies {
    private static final Set<String> PREPARE_FIELDS = Set.of("repo_url", "base_ref");
    private static final Set<String> CLEANUP_FIELDS = Set.of("paths", "max_age_hours");

    private WorktreeBodies() {}

    /**
     * The arguments of {@code prepare_worktree}.
     *
     * @param repoUrl repository URL
     * @param baseRef branch to start from; empty for the remote's default branch
     */
    public record PrepareRequest(String repoUrl, String baseRef) {}

    /**
     * The arguments of {@code cleanup_worktrees}.
     *
     * @param paths worktree paths to remove
     * @param maxAgeHours remove worktrees at least this old; 0 disables
     */
    public record CleanupRequest(List<String> paths, int maxAgeHours) {}

    /** Reads {@code {"repo_url": "...", "base_ref": "main"}}; {@code base_ref} defaults to {@code main}. */
    public static PrepareRequest prepareRequest(JsonNode body) {
        rejectUnknown(body, PREPARE_FIELDS);
        return new PrepareRequest(text(body, "repo_url", ""), text(body, "base_ref", "main"));
    }

    /** Reads {@code {"paths": [...] or "a,b", "max_age_hours": 0}}. */
    public static CleanupRequest cleanupRequest(JsonNode body) {
        rejectUnknown(body, CLEANUP_FIELDS);
        List<String> paths = new ArrayList<>();
        JsonNode node = body.path("paths");
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isTextual()) {
                    throw new InvalidRequestException(
                            "paths", "field 'paths' must be an array of strings or a comma-separated string");
                }
                addPath(paths, item.asText());
            }
        } else if (node.isTextual()) {
            Arrays.stream(node.asText().split(",")).forEach(path -> addPath(paths, path));
        } else if (!node.isMissingNode() && !node.isNull()) {
            throw new InvalidRequestException(
                    "paths", "field 'paths' must be an array of strings or a comma-separated string");
        }
        JsonNode age = body.path("max_age_hours");
        if (!age.isMissingNode() && !age.isNull() && !(age.isIntegralNumber() && age.canConvertToInt())) {
            throw new InvalidRequestException(
                    "max_age_hours", "field 'max_age_hours' must be a whole number of hours, got " + age);
        }
        return new CleanupRequest(paths, age.isMissingNode() || age.isNull() ? 0 : age.asInt());
    }

    /** Returns the wire form of a worktree record. */
    public static Map<String, Object> worktree(Worktree worktree) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("worktree_id", worktree.id());
        body.put("repo_url", worktree.repoUrl());
        body.put("base_ref", worktree.baseRef());
        body.put("branch", worktree.branch());
        body.put("path", worktree.path());
        body.put("repo_key", worktree.repoKey());
        body.put("status", worktree.status().wireName());
        body.put("created_at", WireTimestamps.format(worktree.createdAt()));
        body.put("error", worktree.error());
        body.put("job_id", worktree.jobId().isEmpty() ? null : worktree.jobId());
        return body;
    }

    /**
     * Returns the wire form of a worktree record with {@code exists} and the {@code age_hours}, {@code
     * size_bytes} and {@code pushed} that a listing shows. These three are null when {@code exists} is
     * false.
     */
    public static Map<String, Object> details(WorktreeDetails details) {
        Map<String, Object> body = worktree(details.record());
        body.put("exists", details.exists());
        if (details.exists()) {
            putDiskState(body, details.info());
        } else {
            body.put("age_hours", null);
            body.put("size_bytes", null);
            body.put("pushed", null);
        }
        return body;
    }

    /** Returns the wire form of a listed worktree. */
    public static Map<String, Object> listing(WorktreeListing listing) {
        WorktreeInfo info = listing.info();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "worktree_id",
                listing.record() == null ? null : listing.record().id());
        body.put(
                "status",
                listing.record() == null ? null : listing.record().status().wireName());
        body.put("path", info.path().toString());
        body.put("repo_key", info.repoKey());
        body.put("branch", info.branch());
        body.put("created_at", WireTimestamps.format(info.createdAt()));
        putDiskState(body, info);
        return body;
    }

    private static void putDiskState(Map<String, Object> body, WorktreeInfo info) {
        body.put("age_hours", info.ageHours());
        body.put("size_bytes", info.sizeBytes());
        body.put("pushed", info.pushed());
    }

    /** Returns {@code {"success": true, "count": n, "worktrees": [...]}}. */
    public static Map<String, Object> listings(List<WorktreeListing> listings) {
        Map<String, Object> body = ResponseBodies.success();
        body.put("count", listings.size());
        body.put("worktrees", listings.stream().map(WorktreeBodies::listing).toList());
        return body;
    }

    /** Returns {@code {"success": any removed, "removed": n, "results": [...]}}. */
    public static Map<String, Object> removals(List<WorktreeRemoval> removals) {
        long removed = removals.stream().filter(WorktreeRemoval::success).count();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", removed == removals.size());
        body.put("removed", removed);
        body.put(
                "results",
                removals.stream()
                        .map(r -> {
                            Map<String, Object> item = new LinkedHashMap<>();
                            item.put("path", r.path());
                            item.put("success", r.success());
                            item.put("error", r.error());
                            return item;
                        })
                        .toList());
        return body;
    }

    private static void addPath(List<String> paths, String path) {
        if (!path.isBlank()) {
            paths.add(path.trim());
        }
    }

    private static String text(JsonNode body, String field, String fallback) {
        JsonNode node = body.path(field);
        if (node.isMissingNode() || node.isNull()) {
            return fallback;
        }
        if (!node.isTextual()) {
            throw new InvalidRequestException(field, "field '" + field + "' must be a string");
        }
        return node.asText().strip();
    }

    private static void rejectUnknown(JsonNode body, Set<String> accepted) {
        body.fieldNames().forEachRemaining(name -> {
            if (!accepted.contains(name)) {
                throw new InvalidRequestException(
                        name,
                        "unknown field '" + name + "'; accepted fields: "
                                + String.join(", ", accepted.stream().sorted().toList()));
            }
        });
    }
}
