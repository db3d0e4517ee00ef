package dev.agenticore.mcp;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Protection against DNS rebinding: a web page whose host name an attacker re-points at this
 * machine must not reach the MCP endpoints from a browser. Loopback names are always accepted;
 * other {@code Host} values and origins only when configured. A request without {@code Origin}
 * comes from a non-browser client and passes the origin check. Thread-safe.
 */
final class OriginPolicy {
    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "::1", "[::1]");

    private final boolean enabled;
    private final Set<String> allowedHosts;
    private final Set<String> allowedOrigins;

    OriginPolicy(boolean enabled, List<String> allowedHosts, List<String> allowedOrigins) {
        this.enabled = enabled;
        this.allowedHosts = allowedHosts.stream().map(OriginPolicy::normalize).collect(Collectors.toSet());
        this.allowedOrigins = allowedOrigins.stream()
                .map(origin -> normalize(origin).replaceAll("/+$", ""))
                .collect(Collectors.toSet());
    }

    /**
     * Returns why a request is rejected, or empty when it passes.
     *
     * @param host the {@code Host} header, or null
     * @param origin the {@code Origin} header, or null
     */
    Optional<String> problem(String host, String origin) {
        if (!enabled) {
            return Optional.empty();
        }
        if (host != null && !isAllowedHost(host)) {
            return Optional.of("Host '" + host + "' is not allowed; add it to the MCP allowed hosts to accept it");
        }
        if (origin != null && !isAllowedOrigin(origin)) {
            return Optional.of(
                    "Origin '" + origin + "' is not allowed; add it to the MCP allowed origins to accept it");
        }
        return Optional.empty();
    }

    private boolean isAllowedHost(String host) {
        String value = normalize(host);
        return allowedHosts.contains(value) || isLoopback(hostName(value)) || allowedHosts.contains(hostName(value));
    }

    private boolean isAllowedOrigin(String origin) {
        String value = normalize(origin).replaceAll("/+$", "");
        if (allowedOrigins.contains(value)) {
            return true;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            String name = uri.getHost();
            if (name == null || !("http".equals(scheme) || "https".equals(scheme))) {
                return false;
            }
            return isLoopback(name) || allowedHosts.contains(name) || allowedHosts.contains(uri.getRawAuthority());
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Returns the host name of a {@code Host} value without its port, keeping IPv6 brackets off. */
    private static String hostName(String host) {
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end < 0 ? host : host.substring(1, end);
        }
        int colon = host.indexOf(':');
        return colon >= 0 && colon == host.lastIndexOf(':') ? host.substring(0, colon) : host;
    }

    private static boolean isLoopback(String name) {
        String bare = name.startsWith("[") && name.endsWith("]") ? name.substring(1, name.length() - 1) : name;
        return LOOPBACK_NAMES.contains(bare) || bare.matches("127(\\.\\d{1,3}){3}");
    }

    private static String normalize(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }
}
