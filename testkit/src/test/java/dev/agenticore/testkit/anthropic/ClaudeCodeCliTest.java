package dev.agenticore.testkit.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClaudeCodeCliTest {

    @TempDir
    Path home;

    @Test
    void environmentPointsTheCliAtTheFake() {
        Map<String, String> environment = ClaudeCodeCli.environment("http://127.0.0.1:4000", home);

        assertThat(environment)
                .containsEntry("ANTHROPIC_BASE_URL", "http://127.0.0.1:4000")
                .containsEntry("ANTHROPIC_API_KEY", "test-key")
                .containsEntry("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC", "1")
                .containsEntry("DISABLE_TELEMETRY", "1")
                .containsEntry("DISABLE_AUTOUPDATER", "1")
                .containsEntry("DISABLE_ERROR_REPORTING", "1")
                .containsEntry("HOME", home.toAbsolutePath().toString())
                .containsEntry("IS_SANDBOX", "1")
                .containsKey("PATH")
                .hasSize(9);
    }

    @Test
    void environmentRejectsNonLoopbackUrl() {
        assertThatThrownBy(() -> ClaudeCodeCli.environment("https://api.anthropic.com", home))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api.anthropic.com");
    }

    @Test
    void environmentAcceptsIpv6Loopback() {
        assertThat(ClaudeCodeCli.environment("http://[::1]:4000", home))
                .containsEntry("ANTHROPIC_BASE_URL", "http://[::1]:4000");
    }

    @Test
    void processBuilderReplacesTheInheritedEnvironment() {
        ProcessBuilder builder = ClaudeCodeCli.processBuilder(
                Path.of("/bin/claude"), home, "http://127.0.0.1:4000", home, List.of("-p", "task"));

        assertThat(builder.command()).containsExactly("/bin/claude", "-p", "task");
        assertThat(builder.environment()).isEqualTo(ClaudeCodeCli.environment("http://127.0.0.1:4000", home));
        assertThat(builder.directory()).isEqualTo(home.toFile());
        assertThat(builder.redirectInput().file()).hasToString("/dev/null");
    }
}
