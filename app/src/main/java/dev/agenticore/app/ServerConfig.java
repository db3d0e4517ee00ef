package dev.agenticore.app;

import dev.agenticore.claude.ClaudeCodeSettings;
import dev.agenticore.claude.OtelSettings;
import dev.agenticore.core.job.JobSettings;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.core.sync.SyncTarget;
import dev.agenticore.git.GitSettings;
import dev.agenticore.github.GitHubSettings;
import dev.agenticore.redis.RedisSettings;
import dev.agenticore.rest.RestSettings;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The server's configuration, read once at start-up from environment variables over
 * {@code $AGENTICORE_HOME/config.yml} (or {@code --config}) over defaults.
 *
 * @param home state directory ({@code AGENTICORE_HOME})
 * @param jobsDir job records and event logs ({@code AGENTICORE_JOBS_DIR})
 * @param rest HTTP settings
 * @param jobs job limits and timings
 * @param defaultProfile profile used when a request names none
 * @param profilesDir extra profile directory, or null
 * @param claude how the Claude Code CLI runs
 * @param git where repositories and worktrees live and who commits
 * @param github how pull requests are opened
 * @param mcp which hosts and origins may reach the MCP endpoints
 * @param drainTimeout how long a stopping server lets running jobs finish
 * @param redis the Redis server shared by the nodes of a cluster ({@code REDIS_URL}), or null for
 *     the file store
 * @param operations content sync and metrics access
 * @param agentMode whether and how the server is one named agent for chat clients
 */
public record ServerConfig(
        Path home,
        Path jobsDir,
        RestSettings rest,
        JobSettings jobs,
        String defaultProfile,
        Path profilesDir,
        ClaudeCodeSettings claude,
        GitSettings git,
        GitHubSettings github,
        McpAccess mcp,
        Duration drainTimeout,
        RedisSettings redis,
        OperationsSettings operations,
        AgentModeConfig agentMode) {

    /**
     * Access rules of the MCP endpoints beyond API keys.
     *
     * @param allowedHosts host names accepted in the {@code Host} header besides loopback
     * @param allowedOrigins origins accepted in the {@code Origin} header besides loopback
     * @param dnsRebindingProtection whether {@code Host} and {@code Origin} are checked at all
     */
    public record McpAccess(List<String> allowedHosts, List<String> allowedOrigins, boolean dnsRebindingProtection) {}

    /**
     * Loads the configuration.
     *
     * @param environment the process environment
     * @param configFile an explicit YAML file that must exist, or null for {@code $AGENTICORE_HOME/config.yml} if present
     * @throws ConfigException naming the first invalid variable
     */
    public static ServerConfig load(Map<String, String> environment, Path configFile) {
        Path defaultHome = Path.of(System.getProperty("user.home"), ".agenticore");
        Path home = ConfigSource.load(environment, null, false).path("AGENTICORE_HOME", null, defaultHome);
        ConfigSource source = configFile != null
                ? ConfigSource.load(environment, configFile, true)
                : ConfigSource.load(environment, home.resolve("config.yml"), false);

        validateLogLevel(source.string("AGENTICORE_LOG_LEVEL", null, "INFO"));
        RestSettings rest = new RestSettings(
                host(source.string("AGENTICORE_HOST", "server.host", "127.0.0.1")),
                source.integer("AGENTICORE_PORT", "server.port", 8200, 0, 65_535),
                apiKeys(source, environment),
                source.integer(
                        "AGENTICORE_MAX_BODY_BYTES",
                        "server.max_body_bytes",
                        (int) RestSettings.DEFAULT_MAX_BODY_BYTES,
                        1024,
                        Integer.MAX_VALUE));
        JobSettings jobs = new JobSettings(
                source.integer("AGENTICORE_MAX_PARALLEL_JOBS", "repos.max_parallel_jobs", 3, 1, 1000),
                source.integer("AGENTICORE_MAX_QUEUED_JOBS", "repos.max_queued_jobs", 1000, 1, 1_000_000),
                seconds(source, "AGENTICORE_IDLE_TIMEOUT", "claude.idle_timeout", 600),
                seconds(source, "AGENTICORE_JOB_TTL", "repos.job_ttl_seconds", 86_400),
                seconds(source, "AGENTICORE_WAIT_LIMIT", "server.wait_limit", 3600),
                source.string("AGENTICORE_POD_NAME", "repos.pod_name", hostname()),
                source.bool("AGENTICORE_ALLOW_FILE_URLS", "repos.allow_file_urls", false),
                seconds(source, "AGENTICORE_SWEEP_INTERVAL", "repos.sweep_interval", 60),
                mcpFileRoots(source, home));
        RedisSettings redis = redis(source);
        Duration leaseTimeout = redis != null ? redis.leaseTimeout() : RedisSettings.DEFAULT_LEASE_TIMEOUT;
        return new ServerConfig(
                home,
                source.path("AGENTICORE_JOBS_DIR", "repos.jobs_dir", home.resolve("jobs")),
                rest,
                jobs,
                source.string("AGENTICORE_DEFAULT_PROFILE", "claude.default_profile", ProfileRouter.DEFAULT_PROFILE),
                source.path("AGENTICORE_PROFILES_DIR", "claude.profiles_dir", null),
                claude(source),
                new GitSettings(
                        source.path(
                                "AGENTICORE_REPOS_ROOT",
                                "repos.root",
                                Path.of(System.getProperty("user.home"), "agenticore-repos")),
                        source.path("AGENTICORE_WORKTREE_ROOT", "repos.worktree_root", home.resolve("worktrees")),
                        source.string("AGENTICORE_GIT_AUTHOR_NAME", "git.author_name", GitSettings.DEFAULT_AUTHOR_NAME),
                        source.string(
                                "AGENTICORE_GIT_AUTHOR_EMAIL", "git.author_email", GitSettings.DEFAULT_AUTHOR_EMAIL),
                        Duration.ofSeconds(source.integer("AGENTICORE_GIT_TIMEOUT", "git.timeout", 60, 1, 3600))),
                github(environment),
                new McpAccess(
                        source.list("AGENTICORE_MCP_ALLOWED_HOSTS", "mcp.allowed_hosts"),
                        source.list("AGENTICORE_MCP_ALLOWED_ORIGINS", "mcp.allowed_origins"),
                        source.bool("AGENTICORE_MCP_DNS_REBINDING_PROTECTION", "mcp.dns_rebinding_protection", true)),
                seconds(source, "AGENTICORE_DRAIN_TIMEOUT", "server.drain_timeout", 300),
                redis,
                OperationsSettings.load(source),
                AgentModeConfig.load(source, home, leaseTimeout));
    }

    /** Returns a copy listening on another host and port, for {@code serve --host --port}. */
    public ServerConfig withAddress(String host, Integer port) {
        RestSettings changed = new RestSettings(
                host != null ? host : rest.host(),
                port != null ? port : rest.port(),
                rest.apiKeys(),
                rest.maxBodyBytes());
        return new ServerConfig(
                home,
                jobsDir,
                changed,
                jobs,
                defaultProfile,
                profilesDir,
                claude,
                git,
                github,
                mcp,
                drainTimeout,
                redis,
                operations,
                agentMode);
    }

    /** Returns a copy that runs the Claude Code CLI with other settings. */
    public ServerConfig withClaude(ClaudeCodeSettings settings) {
        return new ServerConfig(
                home,
                jobsDir,
                rest,
                jobs,
                defaultProfile,
                profilesDir,
                settings,
                git,
                github,
                mcp,
                drainTimeout,
                redis,
                operations,
                agentMode);
    }

    /**
     * Returns the profile directories after the bundled ones, in search order: the synced profile
     * bundle, {@code AGENTICORE_PROFILES_DIR} when set, then {@code $AGENTICORE_HOME/profiles}.
     */
    public List<Path> profileDirectories() {
        Path bundle = syncDirectory().resolve(SyncTarget.BUNDLE.wireName()).resolve("profiles");
        return profilesDir == null
                ? List.of(bundle, home.resolve("profiles"))
                : List.of(bundle, profilesDir, home.resolve("profiles"));
    }

    /** Returns the parent directory of the companion repository checkouts. */
    public Path syncDirectory() {
        return home.resolve("sync");
    }

    private static ClaudeCodeSettings claude(ConfigSource source) {
        Set<String> denied = new LinkedHashSet<>(ClaudeCodeSettings.DEFAULT_DENIED_ENVIRONMENT);
        denied.addAll(source.list("AGENTICORE_ENV_DENY", "claude.env_deny"));
        OtelSettings otel = new OtelSettings(
                source.bool("AGENTICORE_OTEL_ENABLED", "otel.enabled", false),
                source.string("OTEL_EXPORTER_OTLP_PROTOCOL", "otel.protocol", OtelSettings.DEFAULT_PROTOCOL),
                source.string("OTEL_EXPORTER_OTLP_ENDPOINT", "otel.endpoint", ""),
                source.bool("AGENTICORE_OTEL_LOG_PROMPTS", "otel.log_prompts", false),
                source.bool("AGENTICORE_OTEL_LOG_TOOL_DETAILS", "otel.log_tool_details", true));
        return new ClaudeCodeSettings(
                source.string("AGENTICORE_CLAUDE_BINARY", "claude.binary", ClaudeCodeSettings.DEFAULT_BINARY),
                denied,
                Map.of(),
                otel,
                Duration.ofSeconds(source.integer("AGENTICORE_KILL_GRACE", "claude.kill_grace", 10, 1, 3600)),
                source.path("AGENTICORE_DEFAULT_MCP_FILE", "claude.default_mcp_file", null));
    }

    /** Reads {@code REDIS_URL}, {@code REDIS_KEY_PREFIX} and {@code AGENTICORE_LEASE_TIMEOUT} (seconds). */
    private static RedisSettings redis(ConfigSource source) {
        String url = source.string("REDIS_URL", "redis.url", "");
        if (url.isEmpty()) {
            return null;
        }
        try {
            return new RedisSettings(
                    URI.create(url),
                    source.string("REDIS_KEY_PREFIX", "redis.key_prefix", RedisSettings.DEFAULT_KEY_PREFIX),
                    seconds(source, "AGENTICORE_LEASE_TIMEOUT", "redis.lease_timeout", 60));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("invalid Redis setting: " + e.getMessage(), e);
        }
    }

    private static void validateLogLevel(String level) {
        if (!Set.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF")
                .contains(level.toUpperCase(java.util.Locale.ROOT))) {
            throw new ConfigException(
                    "AGENTICORE_LOG_LEVEL must be one of TRACE, DEBUG, INFO, WARN, ERROR or OFF, got '" + level + "'");
        }
    }

    private static String host(String host) {
        java.util.regex.Matcher ipv4 = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)")
                .matcher(host);
        boolean badAddress = ipv4.matches()
                && java.util.stream.IntStream.rangeClosed(1, 4).anyMatch(i -> Integer.parseInt(ipv4.group(i)) > 255);
        if (badAddress || host.isBlank() || !host.matches("[A-Za-z0-9.:\\[\\]%_-]+")) {
            throw new ConfigException("AGENTICORE_HOST must be an IP address or host name to listen on, such as"
                    + " 127.0.0.1 or 0.0.0.0, got '" + host + "'");
        }
        return host;
    }

    private static List<String> apiKeys(ConfigSource source, Map<String, String> environment) {
        List<String> keys = source.list("AGENTICORE_API_KEYS", "server.api_keys");
        String raw = environment.get("AGENTICORE_API_KEYS");
        if (keys.isEmpty() && raw != null && !raw.isBlank()) {
            throw new ConfigException(
                    "AGENTICORE_API_KEYS is set but contains no key; give comma-separated keys, or unset"
                            + " it to turn authentication off");
        }
        return keys;
    }

    private static List<Path> mcpFileRoots(ConfigSource source, Path home) {
        List<String> configured = source.list("AGENTICORE_MCP_FILE_ROOTS", "claude.mcp_file_roots");
        if (configured.isEmpty()) {
            return List.of(home.resolve("mcp"));
        }
        return configured.stream()
                .map(path -> Path.of(path).toAbsolutePath().normalize())
                .toList();
    }

    private static GitHubSettings github(Map<String, String> environment) {
        try {
            return GitHubSettings.fromEnvironment(environment);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(e.getMessage(), e);
        }
    }

    private static Duration seconds(ConfigSource source, String variable, String yamlPath, int fallback) {
        return Duration.ofSeconds(source.integer(variable, yamlPath, fallback, 1, Integer.MAX_VALUE));
    }

    private static String hostname() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
