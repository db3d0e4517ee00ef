package dev.agenticore.app;

import dev.agenticore.core.job.JobSettings;
import dev.agenticore.core.profile.ProfileRouter;
import dev.agenticore.rest.RestSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

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
 * @param claudeBinary Claude Code CLI binary name or path
 * @param defaultMcpFile {@code .mcp.json} merged into every job, or null
 * @param drainTimeout how long a stopping server lets running jobs finish
 */
public record ServerConfig(
        Path home,
        Path jobsDir,
        RestSettings rest,
        JobSettings jobs,
        String defaultProfile,
        Path profilesDir,
        String claudeBinary,
        Path defaultMcpFile,
        Duration drainTimeout) {

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

        RestSettings rest = new RestSettings(
                source.string("AGENTICORE_HOST", "server.host", "127.0.0.1"),
                source.integer("AGENTICORE_PORT", "server.port", 8200, 0, 65_535),
                source.list("AGENTICORE_API_KEYS", "server.api_keys"),
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
                seconds(source, "AGENTICORE_SWEEP_INTERVAL", "repos.sweep_interval", 60));
        return new ServerConfig(
                home,
                source.path("AGENTICORE_JOBS_DIR", "repos.jobs_dir", home.resolve("jobs")),
                rest,
                jobs,
                source.string("AGENTICORE_DEFAULT_PROFILE", "claude.default_profile", ProfileRouter.DEFAULT_PROFILE),
                source.path("AGENTICORE_PROFILES_DIR", "claude.profiles_dir", null),
                source.string("AGENTICORE_CLAUDE_BINARY", "claude.binary", "claude"),
                source.path("AGENTICORE_DEFAULT_MCP_FILE", "claude.default_mcp_file", null),
                seconds(source, "AGENTICORE_DRAIN_TIMEOUT", "server.drain_timeout", 300));
    }

    /** Returns a copy listening on another host and port, for {@code serve --host --port}. */
    public ServerConfig withAddress(String host, Integer port) {
        RestSettings changed = new RestSettings(
                host != null ? host : rest.host(),
                port != null ? port : rest.port(),
                rest.apiKeys(),
                rest.maxBodyBytes());
        return new ServerConfig(
                home, jobsDir, changed, jobs, defaultProfile, profilesDir, claudeBinary, defaultMcpFile, drainTimeout);
    }

    /** Returns the profile directories after the bundled ones, in search order. */
    public List<Path> profileDirectories() {
        return profilesDir == null ? List.of(home.resolve("profiles")) : List.of(profilesDir, home.resolve("profiles"));
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
