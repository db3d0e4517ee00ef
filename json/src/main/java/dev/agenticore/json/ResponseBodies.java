package dev.agenticore.json;

import dev.agenticore.core.job.Job;
import dev.agenticore.core.profile.Profile;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response envelopes shared by every interface: {@code {"success": true, "job": {...}}} and
 * friends. Returned maps keep insertion order and serialize with {@link Json#mapper()}.
 */
public final class ResponseBodies {
    private ResponseBodies() {}

    /** Returns {@code {"success": true, "job": job}}. */
    public static Map<String, Object> job(Job job) {
        Map<String, Object> body = success();
        body.put("job", job);
        return body;
    }

    /** Returns {@code {"success": true, "count": n, "jobs": [...]}}. */
    public static Map<String, Object> jobs(List<Job> jobs) {
        Map<String, Object> body = success();
        body.put("count", jobs.size());
        body.put("jobs", jobs);
        return body;
    }

    /** Returns {@code {"success": true, "count": n, "profiles": [...]}}. */
    public static Map<String, Object> profiles(List<Profile> profiles) {
        Map<String, Object> body = success();
        body.put("count", profiles.size());
        body.put("profiles", profiles.stream().map(ResponseBodies::profile).toList());
        return body;
    }

    /** Returns the wire form of a profile. */
    public static Map<String, Object> profile(Profile profile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", profile.name());
        body.put("description", profile.description());
        body.put("model", profile.model());
        body.put("max_turns", profile.maxTurns());
        body.put("worktree", profile.worktree());
        body.put("auto_pr", profile.autoPr());
        body.put("permission_mode", profile.permissionMode());
        body.put("extends", profile.extendsName().isEmpty() ? null : profile.extendsName());
        body.put("effort", profile.effort().isEmpty() ? null : profile.effort());
        body.put("timeout_seconds", profile.timeout().toSeconds());
        body.put("claude_flags", profile.claudeFlags());
        return body;
    }

    /** Returns {@code {"success": false, "error": message}}. */
    public static Map<String, Object> error(String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", false);
        body.put("error", message);
        return body;
    }

    /** Returns a new ordered map holding {@code "success": true}, for adding further fields. */
    public static Map<String, Object> success() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        return body;
    }
}
