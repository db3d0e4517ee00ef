package dev.agenticore.core.agent;

/**
 * Something an agent did or said while running. Each kind has a stable {@link #type()} used on the
 * wire and in event logs.
 */
public sealed interface AgentEvent {

    /** Returns the stable wire name of this kind of event. */
    String type();

    /** The agent started or resumed a session. */
    record SessionStarted(String sessionId, String model) implements AgentEvent {
        @Override
        public String type() {
            return "session_started";
        }
    }

    /** A piece of visible assistant text, streamed as it is generated. */
    record TextDelta(String text) implements AgentEvent {
        @Override
        public String type() {
            return "text_delta";
        }
    }

    /** A piece of the model's reasoning, streamed as it is generated. */
    record ThinkingDelta(String text) implements AgentEvent {
        @Override
        public String type() {
            return "thinking_delta";
        }
    }

    /** A complete block of assistant text. */
    record AssistantText(String text) implements AgentEvent {
        @Override
        public String type() {
            return "text";
        }
    }

    /** The agent called a tool; {@code inputJson} is the argument object as JSON text. */
    record ToolCall(String id, String name, String inputJson) implements AgentEvent {
        @Override
        public String type() {
            return "tool_call";
        }
    }

    /** A tool returned; {@code toolUseId} matches the {@link ToolCall#id()}. */
    record ToolResult(String toolUseId, String content, boolean isError) implements AgentEvent {
        @Override
        public String type() {
            return "tool_result";
        }
    }

    /** The agent finished and reported its final answer with usage and cost. */
    record Result(
            String text,
            boolean isError,
            String sessionId,
            Integer numTurns,
            Long durationMs,
            Double costUsd,
            AgentUsage usage)
            implements AgentEvent {
        @Override
        public String type() {
            return "result";
        }
    }

    /** A line of agent output that is not a structured event, kept as text. */
    record Output(String line) implements AgentEvent {
        @Override
        public String type() {
            return "output";
        }
    }
}
