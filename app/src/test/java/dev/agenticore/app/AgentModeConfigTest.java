package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentModeConfigTest {
    @TempDir
    Path home;

    private ServerConfig load(Map<String, String> variables) {
        Map<String, String> environment = new HashMap<>(variables);
        environment.put("AGENTICORE_HOME", home.toString());
        return ServerConfig.load(environment, null);
    }

    @Test
    void agentModeIsOffByDefault() {
        assertThat(load(Map.of()).agentMode().enabled()).isFalse();
    }

    @Test
    void defaultsApplyWhenOn() throws Exception {
        Path agentPackage = Files.createDirectories(home.resolve("package"));

        AgentModeConfig config = load(Map.of("AGENT_MODE", "true", "AGENT_MODE_PACKAGE_DIR", agentPackage.toString()))
                .agentMode();

        assertThat(config.enabled()).isTrue();
        assertThat(config.settings().modelName()).isEqualTo("agenticore-agent");
        assertThat(config.settings().agentId()).isEqualTo("agenticore-agent");
        assertThat(config.settings().defaultTimeout()).isEqualTo(Duration.ofHours(1));
        assertThat(config.settings().hashFallback()).isTrue();
        assertThat(config.keepAliveInterval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(config.settings().runsDirectory()).isEqualTo(home.resolve("agent/runs"));
    }

    @Test
    void agentIdDefaultsToModelName() throws Exception {
        Path agentPackage = Files.createDirectories(home.resolve("package"));

        AgentModeConfig config = load(Map.of(
                        "AGENT_MODE", "true",
                        "AGENT_MODE_PACKAGE_DIR", agentPackage.toString(),
                        "AGENT_MODE_MODEL_NAME", "anton-agent"))
                .agentMode();

        assertThat(config.settings().agentId()).isEqualTo("anton-agent");
    }

    @Test
    void sweepIntervalDefaultsToLeaseTimeout() throws Exception {
        Path agentPackage = Files.createDirectories(home.resolve("package"));

        AgentModeConfig alone = load(Map.of("AGENT_MODE", "true", "AGENT_MODE_PACKAGE_DIR", agentPackage.toString()))
                .agentMode();
        AgentModeConfig clustered = load(Map.of(
                        "AGENT_MODE", "true",
                        "AGENT_MODE_PACKAGE_DIR", agentPackage.toString(),
                        "REDIS_URL", "redis://127.0.0.1:6379",
                        "AGENTICORE_LEASE_TIMEOUT", "45"))
                .agentMode();

        assertThat(alone.completionSweepInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(clustered.completionSweepInterval()).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void sweepIntervalIsConfigurable() throws Exception {
        Path agentPackage = Files.createDirectories(home.resolve("package"));
        Map<String, String> variables = new HashMap<>(Map.of(
                "AGENT_MODE", "true",
                "AGENT_MODE_PACKAGE_DIR", agentPackage.toString(),
                "AGENT_MODE_COMPLETION_SWEEP_INTERVAL", "5"));

        AgentModeConfig config = load(variables).agentMode();
        variables.put("AGENT_MODE_COMPLETION_SWEEP_INTERVAL", "0");

        assertThat(config.completionSweepInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThatThrownBy(() -> load(variables))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AGENT_MODE_COMPLETION_SWEEP_INTERVAL");
    }

    @Test
    void missingPackageDirectoryIsRejected() {
        assertThatThrownBy(() -> load(Map.of("AGENT_MODE", "true", "AGENT_MODE_PACKAGE_DIR", "/no/such/dir")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AGENT_MODE_PACKAGE_DIR");
    }

    @Test
    void unsafeAgentIdIsRejected() throws Exception {
        Path agentPackage = Files.createDirectories(home.resolve("package"));

        assertThatThrownBy(() -> load(Map.of(
                        "AGENT_MODE", "true",
                        "AGENT_MODE_PACKAGE_DIR", agentPackage.toString(),
                        "AGENT_MODE_AGENT_ID", "../x")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("AGENT_MODE_AGENT_ID");
    }
}
