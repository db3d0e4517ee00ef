package dev.agenticore.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.core.AgenticoreException;
import dev.agenticore.core.CapacityExceededException;
import dev.agenticore.core.InvalidRequestException;
import dev.agenticore.core.NotFoundException;
import dev.agenticore.core.StorageException;
import dev.agenticore.json.Json;
import dev.agenticore.json.ResponseBodies;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolResultsTest {
    @Test
    void successCarriesEnvelopeAsTextAndStructure() {
        Map<String, Object> body = ResponseBodies.success();
        body.put("count", 0);

        McpSchema.CallToolResult result = ToolResults.of(body);

        assertThat(result.isError()).isFalse();
        assertThat(result.structuredContent()).isEqualTo(Map.of("success", true, "count", 0));
        assertThat(text(result)).isEqualTo("{\"success\":true,\"count\":0}");
    }

    @Test
    void bodyWithSuccessFalseIsError() {
        McpSchema.CallToolResult result = ToolResults.of(Map.of("success", false, "removed", 0));

        assertThat(result.isError()).isTrue();
    }

    @Test
    void knownExceptionsKeepTheirMessage() {
        assertThat(errorOf(new InvalidRequestException("limit", "limit must be between 1 and 1000, got 0")))
                .isEqualTo("limit must be between 1 and 1000, got 0");
        assertThat(errorOf(new NotFoundException("job j-1 not found"))).isEqualTo("job j-1 not found");
        assertThat(errorOf(new AgenticoreException("worktree w-1 is failed, not ready")))
                .isEqualTo("worktree w-1 is failed, not ready");
    }

    @Test
    void capacityErrorSaysWhenToRetry() {
        String error = errorOf(new CapacityExceededException("the job queue is full", Duration.ofSeconds(30)));

        assertThat(error).isEqualTo("the job queue is full (retry after 30 seconds)");
    }

    @Test
    void storageErrorAsksForRetry() {
        String error = errorOf(new StorageException("disk full", new IOException("no space")));

        assertThat(error).isEqualTo("storage is unavailable: disk full; retry later");
    }

    @Test
    void unexpectedErrorHidesDetails() {
        String error = errorOf(new IllegalStateException("secret internal state"));

        assertThat(error).isEqualTo("internal error in get_job; the server log has the details");
    }

    private static String errorOf(RuntimeException exception) {
        McpSchema.CallToolResult result = ToolResults.failure("get_job", exception);
        assertThat(result.isError()).isTrue();
        Map<?, ?> structured = (Map<?, ?>) result.structuredContent();
        assertThat(structured.keySet().stream().map(String::valueOf).toList()).containsExactly("success", "error");
        assertThat(structured.get("success")).isEqualTo(false);
        assertThat(text(result)).isEqualTo(Json.write(structured));
        return (String) structured.get("error");
    }

    private static String text(McpSchema.CallToolResult result) {
        assertThat(result.content()).hasSize(1);
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
