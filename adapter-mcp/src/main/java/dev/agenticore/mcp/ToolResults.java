package dev.agenticore.mcp;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.agenticore.core.AgenticoreException;
import dev.agenticore.core.CapacityExceededException;
import dev.agenticore.core.ConflictException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.NotFoundException;
import dev.agenticore.core.StorageException;
import dev.agenticore.json.Json;
import dev.agenticore.json.ResponseBodies;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where response bodies and exceptions become tool results. Every result carries the
 * REST API's JSON envelope twice: as text content and as structured content. A failure is a result
 * with {@code isError: true} and the envelope {@code {"success": false, "error": "..."}}.
 */
final class ToolResults {
    private static final Logger log = LoggerFactory.getLogger(ToolResults.class);
    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

    private ToolResults() {}

    /**
     * Returns a result for a response body. A body whose {@code success} is false, such as a cleanup
     * that removed only some worktrees, is marked as an error so that a model notices it.
     */
    static McpSchema.CallToolResult of(Map<String, Object> body) {
        Map<String, Object> structured = Json.mapper().convertValue(body, OBJECT);
        return McpSchema.CallToolResult.builder()
                .addTextContent(Json.write(structured))
                .structuredContent(structured)
                .isError(!Boolean.TRUE.equals(structured.get("success")))
                .build();
    }

    /** Returns the error result for an exception that a tool call raised, logging unexpected ones. */
    static McpSchema.CallToolResult failure(String tool, RuntimeException e) {
        return of(ResponseBodies.error(message(tool, e)));
    }

    private static String message(String tool, RuntimeException e) {
        if (e instanceof InvalidRequestException || e instanceof NotFoundException) {
            log.debug("Tool {} rejected its arguments: {}", tool, e.getMessage());
            return e.getMessage();
        }
        if (e instanceof ConflictException) {
            log.debug("Tool {} rejected for a conflict: {}", tool, e.getMessage());
            return e.getMessage();
        }
        if (e instanceof CapacityExceededException capacity) {
            log.info("Tool {} rejected for capacity: {}", tool, e.getMessage());
            long seconds = Math.max(1, capacity.retryAfter().toSeconds());
            return e.getMessage() + " (retry after " + seconds + " seconds)";
        }
        if (e instanceof StorageException) {
            log.error("Storage failed in tool {}", tool, e);
            return "storage is unavailable: " + e.getMessage() + "; retry later";
        }
        if (e instanceof AgenticoreException) {
            log.warn("Tool {} failed", tool, e);
            return e.getMessage();
        }
        log.error("Unexpected error in tool {}", tool, e);
        return "internal error in " + tool + "; the server log has the details";
    }
}
