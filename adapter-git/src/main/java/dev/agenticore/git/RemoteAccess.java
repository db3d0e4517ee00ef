package dev.agenticore.git;

import dev.agenticore.core.workspace.GitException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * Connection settings of one operation on one remote, and the translation of JGit's exceptions into
 * {@link GitException}s whose messages contain neither the token nor URL user info. The token is sent
 * only to {@code http://} and {@code https://} remotes, as the password of user {@code x-access-token}.
 *
 * @param url the remote's URL as configured
 * @param token the token for HTTPS, or empty
 * @param timeoutSeconds JGit's network timeout
 */
record RemoteAccess(String url, Optional<String> token, int timeoutSeconds) {
    /** User name that GitHub and similar hosts accept with a token as password. */
    static final String TOKEN_USER = "x-access-token";

    private static final Pattern USER_INFO = Pattern.compile("(?<=://)[^/@\\s]*@");

    /** Kind of remote failure, as far as callers handle the kinds differently. */
    enum Failure {
        NOT_FOUND,
        NOT_AUTHORIZED,
        NETWORK,
        OTHER
    }

    /** Sets the credentials (for HTTP remotes with a token) and the timeout on a JGit command. */
    <C extends TransportCommand<C, ?>> C configure(C command) {
        command.setTimeout(timeoutSeconds);
        if (token.isPresent() && isHttp(url)) {
            command.setCredentialsProvider(new UsernamePasswordCredentialsProvider(TOKEN_USER, token.get()));
        }
        return command;
    }

    /** Returns the URL without user info, for messages and logs. */
    String displayUrl() {
        return USER_INFO.matcher(url).replaceAll("");
    }

    /**
     * Builds the exception for a failed remote operation.
     *
     * @param action what failed, for example {@code "fetch from"}
     */
    GitException failure(String action, Exception cause) {
        String message = action + " " + displayUrl() + " failed: " + reason(cause);
        return new GitException(scrub(message), cause);
    }

    /** Returns a short reason for the exception, such as {@code connection refused}. */
    String reason(Throwable cause) {
        return switch (classify(cause)) {
            case NOT_FOUND -> "repository not found";
            case NOT_AUTHORIZED -> "not authorized; check the token's access to the repository";
            case NETWORK -> networkReason(cause);
            case OTHER -> scrub(deepestMessage(cause));
        };
    }

    /** Sorts a JGit exception chain into the cases callers handle differently. */
    static Failure classify(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof NoRemoteRepositoryException) {
                return Failure.NOT_FOUND;
            }
            if (t instanceof UnknownHostException
                    || t instanceof ConnectException
                    || t instanceof NoRouteToHostException
                    || t instanceof InterruptedIOException) {
                return Failure.NETWORK;
            }
            String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
            if (message.contains("not authorized")
                    || message.contains("authentication is required")
                    || message.contains("not permitted")) {
                return Failure.NOT_AUTHORIZED;
            }
        }
        return Failure.OTHER;
    }

    /** Replaces the token and any URL user info in a text. */
    String scrub(String text) {
        String result = USER_INFO.matcher(String.valueOf(text)).replaceAll("");
        if (token.isPresent() && !token.get().isEmpty()) {
            result = result.replace(token.get(), "***");
        }
        return result;
    }

    static boolean isHttp(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    private String networkReason(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof UnknownHostException) {
                return "unknown host " + scrub(t.getMessage());
            }
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to host";
            }
            if (t instanceof SocketTimeoutException) {
                return "timed out after " + timeoutSeconds + " s";
            }
        }
        return scrub(deepestMessage(cause));
    }

    private static String deepestMessage(Throwable cause) {
        String message = cause.getMessage();
        for (Throwable t = cause.getCause(); t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                message = t.getMessage();
            }
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
