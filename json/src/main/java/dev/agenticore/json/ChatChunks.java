package dev.agenticore.json;

import dev.agenticore.core.agent.AgentUsage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the OpenAI chat completion wire format of one response: the {@code chat.completion.chunk}
 * objects of a stream as server-sent event frames, and the {@code chat.completion} object of a
 * response that is not streamed. Every object of one response carries the same id, model and
 * creation time. Thread-safe.
 */
public final class ChatChunks {
    /** Frame that ends a stream. */
    public static final String DONE = "data: [DONE]\n\n";

    /** Comment frame that keeps a quiet stream open; clients ignore it. */
    public static final String KEEP_ALIVE = ": keep-alive\n\n";

    private final String id;
    private final String model;
    private final long created;

    /**
     * Creates the renderer of one response.
     *
     * @param id the response id, such as {@code chatcmpl-<request id>}
     * @param model the model name reported to the client
     * @param created creation time in seconds since the epoch
     */
    public ChatChunks(String id, String model, long created) {
        this.id = id;
        this.model = model;
        this.created = created;
    }

    /** Returns the first chunk of a stream, which opens the assistant message. */
    public String role() {
        return frame(chunk(delta("role", "assistant"), null, null));
    }

    /** Returns a chunk of the reply text. */
    public String content(String text) {
        return frame(chunk(delta("content", text), null, null));
    }

    /** Returns a chunk of reasoning, which clients show apart from the reply text. */
    public String reasoning(String text) {
        return frame(chunk(delta("reasoning_content", text), null, null));
    }

    /** Returns the chunk that ends the message with {@code finish_reason} {@code stop} and the usage. */
    public String stop(AgentUsage usage) {
        return frame(chunk(Map.of(), "stop", usage));
    }

    /** Returns the separate usage chunk with no choices that {@code stream_options.include_usage} requests. */
    public String usageOnly(AgentUsage usage) {
        Map<String, Object> chunk = envelope("chat.completion.chunk");
        chunk.put("choices", List.of());
        chunk.put("usage", usage(usage));
        return frame(chunk);
    }

    /** Returns an error event, which OpenAI's SDKs raise as an API error, in place of a stop chunk. */
    public String error(String message) {
        return frame(ChatErrors.body(message, "server_error", null, "agent_error"));
    }

    /** Returns the complete response of a request that is not streamed. */
    public Map<String, Object> completion(String text, AgentUsage usage) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("role", "assistant");
        message.put("content", text);
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("message", message);
        choice.put("finish_reason", "stop");
        Map<String, Object> body = envelope("chat.completion");
        body.put("choices", List.of(choice));
        body.put("usage", usage(usage));
        return body;
    }

    /**
     * Returns OpenAI's usage object. Prompt tokens include the tokens read from and written to the
     * prompt cache, as OpenAI counts cached tokens as prompt tokens.
     */
    public static Map<String, Object> usage(AgentUsage usage) {
        long prompt = usage.inputTokens() + usage.cacheReadInputTokens() + usage.cacheCreationInputTokens();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("prompt_tokens", prompt);
        body.put("completion_tokens", usage.outputTokens());
        body.put("total_tokens", prompt + usage.outputTokens());
        return body;
    }

    /** Returns the model list of {@code GET /v1/models}, which contains the agent's model only. */
    public static Map<String, Object> models(String model, long created) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", "list");
        body.put("data", List.of(model(model, created)));
        return body;
    }

    /** Returns one model object of {@code GET /v1/models}. */
    public static Map<String, Object> model(String model, long created) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("id", model);
        entry.put("object", "model");
        entry.put("created", created);
        entry.put("owned_by", "agenticore");
        return entry;
    }

    private Map<String, Object> chunk(Map<String, Object> delta, String finishReason, AgentUsage usage) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finishReason);
        Map<String, Object> chunk = envelope("chat.completion.chunk");
        chunk.put("choices", List.of(choice));
        if (usage != null) {
            chunk.put("usage", usage(usage));
        }
        return chunk;
    }

    private Map<String, Object> envelope(String object) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("object", object);
        body.put("created", created);
        body.put("model", model);
        return body;
    }

    private static Map<String, Object> delta(String field, String value) {
        return Map.of(field, value);
    }

    private static String frame(Map<String, Object> body) {
        return "data: " + Json.write(body) + "\n\n";
    }
}
