package dev.agenticore.mcp;

import dev.agenticore.core.StorageException;
import dev.agenticore.json.Json;
import dev.agenticore.json.ResponseBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Guards the MCP servlets, which Javalin's own before-handlers never see: rejects a foreign {@code
 * Host} or {@code Origin} with 403, then a missing or wrong API key with 401. A message posted to
 * {@link McpEndpoints#MESSAGE_PATH} for an SSE session opened with a valid key, on this node or on
 * another node of the cluster, needs no key itself.
 */
final class McpAccessFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(McpAccessFilter.class);
    private static final Map<String, String> UNAUTHORIZED_BODY = Map.of("error", "Invalid or missing API key");

    private final transient ApiKeyCheck apiKeyCheck;
    private final transient OriginPolicy originPolicy;
    private final transient SseSessions sseSessions;

    McpAccessFilter(McpHttpSettings settings, SseSessions sseSessions) {
        this.sseSessions = sseSessions;
        this.apiKeyCheck = settings.apiKeyCheck();
        this.originPolicy =
                new OriginPolicy(settings.dnsRebindingProtection(), settings.allowedHosts(), settings.allowedOrigins());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<String> problem = originPolicy.problem(request.getHeader("Host"), request.getHeader("Origin"));
        if (problem.isPresent()) {
            log.info("Rejected {} {}: {}", request.getMethod(), request.getRequestURI(), problem.get());
            send(response, HttpServletResponse.SC_FORBIDDEN, ResponseBodies.error(problem.get()));
            return;
        }
        String queryKey = queryKey(request.getQueryString());
        if (apiKeyCheck.admits(request.getHeader("X-Api-Key"), request.getHeader("Authorization"), queryKey)) {
            if (isSseStream(request)) {
                HttpServletResponse recording = sseSessions.recording(response);
                chain.doFilter(request, recording);
                sseSessions.forgetWhenClosed(request, recording);
            } else {
                chain.doFilter(request, response);
            }
            return;
        }
        try {
            if (isMessageOfAuthenticatedSession(request)) {
                chain.doFilter(request, response);
                return;
            }
        } catch (StorageException e) {
            log.warn("Looking up the MCP session of {} failed: {}", request.getRequestURI(), e.getMessage());
            send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, ResponseBodies.error(e.getMessage()));
            return;
        }
        log.debug("Rejected {} {} without a valid API key", request.getMethod(), request.getRequestURI());
        send(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED_BODY);
    }

    private static boolean isSseStream(HttpServletRequest request) {
        return request.getMethod().equals("GET") && path(request).equals(McpEndpoints.SSE_PATH);
    }

    private boolean isMessageOfAuthenticatedSession(HttpServletRequest request) {
        return request.getMethod().equals("POST")
                && path(request).equals(McpEndpoints.MESSAGE_PATH)
                && sseSessions.isOpenAnywhere(queryParameter(request.getQueryString(), "sessionId"));
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static String queryKey(String queryString) {
        return queryParameter(queryString, "api_key");
    }

    /**
     * Returns a decoded query parameter, read from the query string alone: {@code
     * getParameter} would read a form body, which the MCP servlets read as JSON.
     */
    static String queryParameter(String queryString, String name) {
        if (queryString == null) {
            return null;
        }
        String prefix = name + "=";
        for (String pair : queryString.split("&")) {
            if (pair.startsWith(prefix)) {
                try {
                    return URLDecoder.decode(pair.substring(prefix.length()), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return null;
    }

    private static void send(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(Json.write(body));
    }
}
