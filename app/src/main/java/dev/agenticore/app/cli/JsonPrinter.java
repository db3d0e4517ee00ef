package dev.agenticore.app.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.agenticore.json.Json;
import java.io.PrintWriter;

/** Prints response bodies for {@code --json}: pretty-printed JSON, or the text as received when it is not JSON. */
public final class JsonPrinter {
    private final PrintWriter out;

    /** Creates a printer that writes to {@code out}. */
    public JsonPrinter(PrintWriter out) {
        this.out = out;
    }

    /** Prints the body of a response. */
    public void print(ApiResponse response) {
        if (response.body() == null) {
            out.println(response.text());
        } else {
            try {
                out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(response.body()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot print a parsed JSON body", e);
            }
        }
        out.flush();
    }
}
