package dev.agenticore.redis;

import dev.agenticore.core.chat.CompletionStatus;
import dev.agenticore.core.job.JobStatus;

/** Names of every key and channel, each starting with the configured prefix. */
final class RedisKeys {
    private final String prefix;

    RedisKeys(String prefix) {
        this.prefix = prefix;
    }

    /** String with a job's wire JSON. */
    String job(String id) {
        return prefix + ":job:" + id;
    }

    /** Sorted set of the ids of every job, scored by creation time. */
    String jobIndex() {
        return prefix + ":jobs";
    }

    /** Sorted set of the ids of jobs in one state, scored by creation time. */
    String jobIndex(JobStatus status) {
        return prefix + ":jobs:" + status.wireName();
    }

    /** Stream of a job's events; entry ids are {@code <sequence>-0}. */
    String events(String jobId) {
        return prefix + ":events:" + jobId;
    }

    /** Stream of queued job ids, read through one consumer group. */
    String queue() {
        return prefix + ":queue";
    }

    /** String with a worktree record's JSON. */
    String worktree(String id) {
        return prefix + ":worktree:" + id;
    }

    /** Sorted set of worktree ids, scored by creation time. */
    String worktreeIndex() {
        return prefix + ":worktrees";
    }

    /** String with a completion's wire JSON. */
    String completion(String uuid) {
        return prefix + ":completion:" + uuid;
    }

    /** Sorted set of the uuids of every completion, scored by creation time. */
    String completionIndex() {
        return prefix + ":completions";
    }

    /** Sorted set of the uuids of completions in one status, scored by creation time. */
    String completionIndex(CompletionStatus status) {
        return prefix + ":completions:" + status.wireName();
    }

    /** String with the JSON of a conversation, under its full conversation key. */
    String conversation(String key) {
        return prefix + ":conversation:" + key;
    }

    /** String with the JSON of an agent's stream settings. */
    String streamSettings(String agentId) {
        return prefix + ":stream-settings:" + agentId;
    }

    /** String with a node's heartbeat, expiring when the node stops refreshing it. */
    String node(String podName) {
        return prefix + ":node:" + podName;
    }

    /** Glob pattern for SCAN that matches every node's heartbeat and drain flag. */
    String nodePattern() {
        return globEscaped(prefix + ":node:") + "*";
    }

    /** Returns the pod name in a heartbeat key, or null when the key is no heartbeat. */
    String podNameOfHeartbeat(String key) {
        String start = prefix + ":node:";
        if (!key.startsWith(start) || key.endsWith(":draining")) {
            return null;
        }
        return key.substring(start.length());
    }

    private static String globEscaped(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }

    /** Flag that makes a node stop taking jobs while it exists. */
    String draining(String podName) {
        return prefix + ":node:" + podName + ":draining";
    }

    /** Lock with the given name. */
    String lock(String name) {
        return prefix + ":lock:" + name;
    }

    /** Channel of job ids whose agents must stop, whichever node runs them. */
    String cancelChannel() {
        return prefix + ":signal:cancel";
    }

    /** String with the name of the node process that owns a client session, such as an MCP event stream. */
    String session(String sessionId) {
        return prefix + ":session:" + sessionId;
    }

    /** Channel of the messages that other nodes forward to the sessions of one node process. */
    String sessionChannel(String instance) {
        return prefix + ":signal:sessions:" + instance;
    }

    /** Channel of job ids that have new events, so readers on every node wake up. */
    String eventChannel() {
        return prefix + ":signal:events";
    }
}
