package dev.agenticore.rest;

import dev.agenticore.core.chat.ChatTurn;
import dev.agenticore.core.chat.ChatUpdate;
import dev.agenticore.core.chat.TurnResult;
import dev.agenticore.json.ChatChunks;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one chat turn as a {@code text/event-stream} of {@code chat.completion.chunk}s, flushing
 * each chunk as its update arrives: the role first, then text and reasoning, then either a stop
 * chunk with the usage or, when the agent failed, an error event, and last {@code data: [DONE]}.
 * A keep-alive comment goes out whenever the agent is quiet for the keep-alive interval. A write
 * that fails means the client has gone, so the agent is cancelled.
 */
final class ChatStreamWriter {
    private static final Logger log = LoggerFactory.getLogger(ChatStreamWriter.class);

    private final ChatTurn turn;
    private final ChatChunks chunks;
    private final Duration keepAliveInterval;
    private final String requestId;

    ChatStreamWriter(ChatTurn turn, ChatChunks chunks, Duration keepAliveInterval, String requestId) {
        this.turn = turn;
        this.chunks = chunks;
        this.keepAliveInterval = keepAliveInterval;
        this.requestId = requestId;
    }

    /** Streams the turn until it finishes, the client disconnects or the thread is interrupted. */
    void write(Context ctx, boolean includeUsage) throws InterruptedException {
        ctx.status(200);
        ctx.res().setContentType("text/event-stream;charset=utf-8");
        ctx.res().setHeader("Cache-Control", "no-cache");
        ctx.res().setHeader("X-Accel-Buffering", "no");
        try {
            OutputStream out = ctx.res().getOutputStream();
            send(out, chunks.role());
            relay(out, includeUsage);
        } catch (IOException e) {
            log.info("Request {}: the client disconnected; stopping the agent", requestId);
            turn.cancel();
        } catch (InterruptedException e) {
            turn.cancel();
            throw e;
        }
    }

    private void relay(OutputStream out, boolean includeUsage) throws IOException, InterruptedException {
        while (true) {
            Optional<ChatUpdate> next = turn.next(keepAliveInterval);
            if (next.isEmpty()) {
                send(out, ChatChunks.KEEP_ALIVE);
                continue;
            }
            ChatUpdate update = next.get();
            if (update instanceof ChatUpdate.Content content) {
                send(out, chunks.content(content.text()));
            } else if (update instanceof ChatUpdate.Reasoning reasoning) {
                send(out, chunks.reasoning(reasoning.text()));
            } else if (update instanceof ChatUpdate.Finished finished) {
                finish(out, finished.result(), includeUsage);
                return;
            }
        }
    }

    private void finish(OutputStream out, TurnResult result, boolean includeUsage) throws IOException {
        if (result.isError()) {
            log.info("Request {}: the agent failed: {}", requestId, result.error());
            send(out, chunks.error(result.error()));
        } else {
            send(out, chunks.stop(result.usage()));
            if (includeUsage) {
                send(out, chunks.usageOnly(result.usage()));
            }
        }
        send(out, ChatChunks.DONE);
    }

    private static void send(OutputStream out, String frame) throws IOException {
        out.write(frame.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
