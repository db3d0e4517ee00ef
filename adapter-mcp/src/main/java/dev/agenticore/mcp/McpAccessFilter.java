package dev.agenticore.mcp;

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
 * Host} or {@code Origin} with 403, then a missing or wrong API key with 401.
 */
final class McpAccessFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(McpAccessFilter.class);
    private static final Map<String, String> UNAUTHORIZED_BODY = Map.of("error", "Invalid or missing API key");

    private final transient ApiKeyCheck apiKeyCheck;
    private final transient OriginPolicy originPolicy;

    McpAccessFilter(McpHttpSettings settings) {
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
        if (!apiKeyCheck.admits(request.getHeader("X-Api-Key"), request.getHeader("Authorization"), queryKey)) {
            log.debug("Rejected {} {} without a valid API key", request.getMethod(), request.getRequestURI());
            send(response, HttpServletResponse.SC_UNAUTHORIZED, UNAUTHORIZED_BODY);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String queryKey(String queryString) {
        if (queryString == null) {
            return null;
        }
        for (String pair : queryString.split("&")) {
            if (pair.startsWith("api_key=")) {
                try {
                    return URLDecoder.decode(pair.substring("api_key=".length()), StandardCharsets.UTF_8);
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
