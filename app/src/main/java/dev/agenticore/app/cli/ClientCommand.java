package dev.agenticore.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Base of the commands that call the server. A {@link CliException} ends the command with {@code
 * Error: <message>} on standard error and the exception's exit code.
 */
public abstract class ClientCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions options;

    @Mixin
    HelpOption help;

    private ApiClient client;

    @Override
    public final Integer call() throws InterruptedException {
        try {
            return execute();
        } catch (CliException e) {
            err().println("Error: " + e.getMessage());
            err().flush();
            return e.exitCode();
        }
    }

    /** Runs the command and returns its exit code. */
    protected abstract int execute() throws InterruptedException;

    /** Returns the client for the configured server, created on first use. */
    protected final ApiClient client() {
        if (client == null) {
            client = options.client();
        }
        return client;
    }

    /**
     * Prints the body with {@code --json}, then returns it.
     *
     * @throws CliException when the request failed, after the body was printed
     */
    protected final JsonNode fetch(ApiResponse response) {
        if (json()) {
            printJson(response);
        }
        return response.requireSuccess();
    }

    /** Prints the response body pretty-printed when it is JSON, or as received when it is not. */
    protected final void printJson(ApiResponse response) {
        new JsonPrinter(out()).print(response);
    }

    /** Returns whether {@code --json} was given. */
    protected final boolean json() {
        return options.json();
    }

    /** Returns standard output, which tests can replace. */
    protected final PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Returns standard error, which tests can replace. */
    protected final PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** Returns {@code value} percent-encoded for use as one path segment, rejecting a blank one. */
    protected static String segment(String name, String value) {
        if (value == null || value.isBlank()) {
            throw CliException.usage(name + " must not be blank");
        }
        return URLEncoder.encode(value.strip(), StandardCharsets.UTF_8).replace("+", "%20");
    }
}
