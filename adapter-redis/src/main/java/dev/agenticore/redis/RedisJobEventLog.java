package dev.agenticore.redis;

import dev.agenticore.core.agent.AgentEvent;
import dev.agenticore.core.event.JobEvent;
import dev.agenticore.core.event.JobEventLog;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import redis.clients.jedis.resps.StreamEntry;

/**
 * {@link JobEventLog} with one Redis stream per job. An entry's id is {@code <sequence>-0}, so a
 * read after a sequence number is one {@code XRANGE}. A script picks the next sequence number
 * (stream length plus one), appends the entry and publishes the job id on the event channel, so the
 * readers of every node wake up at once instead of at their next poll.
 */
public final class RedisJobEventLog implements JobEventLog {
    private static final String TIME = "time";
    private static final String EVENT = "event";
    private static final LuaScript APPEND = LuaScript.of("""
            local sequence = redis.call('XLEN', KEYS[1]) + 1
            redis.call('XADD', KEYS[1], sequence .. '-0', 'time', ARGV[1], 'event', ARGV[2])
            redis.call('PUBLISH', ARGV[3], ARGV[4])
            return sequence
            """);

    private final RedisGateway redis;
    private final RedisKeys keys;
    private final Clock clock;

    /**
     * Creates a log over a gateway.
     *
     * @param clock clock whose time stamps each event, truncated to microseconds
     */
    public RedisJobEventLog(RedisGateway redis, Clock clock) {
        this.redis = redis;
        this.keys = redis.keys();
        this.clock = clock;
    }

    @Override
    public JobEvent append(String jobId, AgentEvent event) {
        Objects.requireNonNull(event, "event must not be null");
        Instant time = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Object sequence = redis.eval(
                "append an event of job " + jobId,
                APPEND,
                List.of(keys.events(jobId)),
                List.of(time.toString(), RedisRecords.write(event), keys.eventChannel(), jobId));
        return new JobEvent((Long) sequence, time, event);
    }

    @Override
    public List<JobEvent> read(String jobId, long afterSequence, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        String key = keys.events(jobId);
        String from = (Math.max(afterSequence, 0) + 1) + "-0";
        List<StreamEntry> entries =
                redis.call("read the events of job " + jobId, client -> client.xrange(key, from, "+", limit));
        return entries.stream().map(entry -> toEvent(entry, key)).toList();
    }

    @Override
    public void delete(String jobId) {
        String key = keys.events(jobId);
        redis.call("delete the events of job " + jobId, client -> client.del(key));
    }

    private static JobEvent toEvent(StreamEntry entry, String key) {
        Map<String, String> fields = entry.getFields();
        AgentEvent event = RedisRecords.read(fields.get(EVENT), AgentEvent.class, key);
        return new JobEvent(entry.getID().getTime(), Instant.parse(fields.get(TIME)), event);
    }
}
