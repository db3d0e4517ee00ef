package dev.agenticore.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.agent.AgentUsage;
import dev.agenticore.core.chat.Completion;
import dev.agenticore.core.chat.CompletionRequest;
import dev.agenticore.core.chat.TurnResult;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CompletionBodiesTest {
    private static final Instant T0 = Instant.parse("2026-03-03T12:00:00Z");

    private static JsonNode tree(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    @Test
    void requestReadsEveryParameter() throws Exception {
        CompletionRequest request = CompletionBodies.request(tree("{\"message\":\"fix\",\"uuid\":\"req-1\","
                + "\"wait\":false,\"stateless\":true,\"model\":\"opus\",\"max_turns\":3,\"system_prompt\":\"S\","
                + "\"effort\":\"low\",\"timeout\":60,\"meta\":{\"a\":1},\"unknown\":true}"));

        assertThat(request)
                .isEqualTo(new CompletionRequest("fix", "req-1", false, true, "opus", 3, "S", "low", 60, "{\"a\":1}"));
    }

    @Test
    void requestDefaultsToWaiting() throws Exception {
        CompletionRequest request = CompletionBodies.request(tree("{\"message\":\"m\",\"uuid\":\"u\",\"meta\":\"x\"}"));

        assertThat(request.waitForResult()).isTrue();
        assertThat(request.stateless()).isFalse();
        assertThat(request.meta()).isEqualTo("x");
    }

    @Test
    void missingMessageOrUuidIsRejected() {
        assertThatThrownBy(() -> CompletionBodies.request(tree("{\"uuid\":\"u\"}")))
                .hasMessageContaining("message is required");
        assertThatThrownBy(() -> CompletionBodies.request(tree("{\"message\":\"m\"}")))
                .hasMessageContaining("uuid is required");
        assertThatThrownBy(() -> CompletionBodies.request(tree("{\"message\":\"m\",\"uuid\":\"u\",\"wait\":1}")))
                .hasMessageContaining("wait must be a boolean");
    }

    @Test
    void queuedSubmissionHasPollUrl() {
        JsonNode body = Json.mapper().valueToTree(CompletionBodies.submitted(Completion.queued("req-1", "m", "", T0)));

        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("status").asText()).isEqualTo("queued");
        assertThat(body.path("uuid").asText()).isEqualTo("req-1");
        assertThat(body.path("poll_url").asText()).isEqualTo("/completions/req-1");
    }

    @Test
    void endedCompletionRoundTrips() {
        TurnResult result = new TurnResult("done", false, "", "s-1", new AgentUsage(1, 2, 0, 0), 0.12, 45_000L, 5);
        Completion completion = Completion.queued("req-1", "m", "{\"a\":1}", "node-a", T0)
                .running(T0.plusSeconds(1))
                .ended(result, T0.plusSeconds(45));

        JsonNode wire = Json.mapper().valueToTree(CompletionBodies.envelope(completion));

        assertThat(wire.path("success").asBoolean()).isTrue();
        assertThat(wire.path("completion").path("status").asText()).isEqualTo("completed");
        assertThat(wire.path("completion").path("meta").path("a").asInt()).isEqualTo(1);
        assertThat(wire.path("completion").path("created_at").asText()).startsWith("2026-03-03T12:00:00");
        assertThat(wire.path("completion").path("pod_name").asText()).isEqualTo("node-a");
        assertThat(CompletionBodies.fromJson(wire.path("completion"))).isEqualTo(completion);
    }

    @Test
    void failedCompletionIsNotSuccess() {
        Completion failed = Completion.queued("req-2", "m", "", T0).ended(TurnResult.failure("boom", "", 1), T0);

        JsonNode wire = Json.mapper().valueToTree(CompletionBodies.envelope(failed));

        assertThat(wire.path("success").asBoolean()).isFalse();
        assertThat(wire.path("error").asText()).isEqualTo("boom");
        assertThat(wire.path("completion").path("status").asText()).isEqualTo("failed");
        assertThat(wire.path("completion").path("is_error").asBoolean()).isTrue();
    }
}
