package dev.agenticore.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agenticore.core.StorageException;
import dev.agenticore.json.Json;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** JSON and score conversions shared by the Redis stores. */
final class RedisRecords {
    private RedisRecords() {}

    /** Writes a record as wire JSON. */
    static String write(Object record) {
        try {
            return Json.mapper().writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new StorageException(
                    "failed to serialize " + record.getClass().getSimpleName() + ": " + e, e);
        }
    }

    /** Reads a record from wire JSON; a value that is not a valid record is a storage failure. */
    static <T> T read(String json, Class<T> type, String key) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new StorageException("the Redis value at " + key + " is not a valid " + type.getSimpleName(), e);
        }
    }

    /**
     * Returns a sorted-set score for a time: microseconds since the epoch, which a double
     * represents exactly until the year 2255.
     */
    static String score(Instant time) {
        return Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, time));
    }
}
