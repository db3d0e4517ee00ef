package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {
    @TempDir
    Path home;

    @Test
    void defaultsApplyWithoutEnvironmentOrFile() {
        ServerConfig config = ServerConfig.load(Map.of("AGENTICORE_HOME", home.toString()), null);

        assertThat(config.rest().host()).isEqualTo("127.0.0.1");
        assertThat(config.rest().port()).isEqualTo(8200);
        assertThat(config.rest().apiKeys()).isEmpty();
        assertThat(config.jobs().maxParallelJobs()).isEqualTo(3);
        assertThat(config.jobs().maxQueuedJobs()).isEqualTo(1000);
        assertThat(config.jobs().jobTtl()).isEqualTo(Duration.ofDays(1));
        assertThat(config.jobs().idleTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.defaultProfile()).isEqualTo("code");
        assertThat(config.claude().binary()).isEqualTo("claude");
        assertThat(config.jobsDir()).isEqualTo(home.resolve("jobs"));
    }

    @Test
    void environmentWinsOverYamlWhichWinsOverDefaults() throws Exception {
        Files.writeString(home.resolve("config.yml"), """
                server:
                  port: 9100
                  host: 0.0.0.0
                  api_keys: [one, two]
                repos:
                  max_parallel_jobs: 7
                """);

        ServerConfig config = ServerConfig.load(
                Map.of("AGENTICORE_HOME", home.toString(), "AGENTICORE_PORT", "9200", "AGENTICORE_HOST", ""), null);

        assertThat(config.rest().port()).isEqualTo(9200);
        assertThat(config.rest().host()).isEqualTo("0.0.0.0");
        assertThat(config.rest().apiKeys()).containsExactly("one", "two");
        assertThat(config.jobs().maxParallelJobs()).isEqualTo(7);
    }

    @Test
    void apiKeysFromEnvironmentAreTrimmedAndEmptiesDropped() {
        ServerConfig config =
                ServerConfig.load(Map.of("AGENTICORE_HOME", home.toString(), "AGENTICORE_API_KEYS", " a , ,b "), null);

        assertThat(config.rest().apiKeys()).containsExactly("a", "b");
    }

    @Test
    void invalidValueNamesTheVariable() {
        assertThatThrownBy(() ->
                        ServerConfig.load(Map.of("AGENTICORE_HOME", home.toString(), "AGENTICORE_PORT", "http"), null))
                .isInstanceOf(ConfigException.class)
                .hasMessage("AGENTICORE_PORT must be an integer from 0 to 65535, got 'http'");
        assertThatThrownBy(() -> ServerConfig.load(
                        Map.of("AGENTICORE_HOME", home.toString(), "AGENTICORE_ALLOW_FILE_URLS", "maybe"), null))
                .hasMessage("AGENTICORE_ALLOW_FILE_URLS must be true or false, got 'maybe'");
        assertThatThrownBy(() -> ServerConfig.load(
                        Map.of("AGENTICORE_HOME", home.toString(), "AGENTICORE_MAX_PARALLEL_JOBS", "0"), null))
                .hasMessageStartingWith("AGENTICORE_MAX_PARALLEL_JOBS must be an integer from 1 to 1000");
    }

    @Test
    void invalidYamlValueNamesTheFileAndKey() throws Exception {
        Path file = home.resolve("custom.yml");
        Files.writeString(file, "server:\n  port: lots\n");

        assertThatThrownBy(() -> ServerConfig.load(Map.of("AGENTICORE_HOME", home.toString()), file))
                .hasMessage(file + ": server.port must be an integer from 0 to 65535, got 'lots'");
    }

    @Test
    void explicitConfigFileMustExist() {
        Path missing = home.resolve("missing.yml");

        assertThatThrownBy(() -> ServerConfig.load(Map.of("AGENTICORE_HOME", home.toString()), missing))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cannot read configuration file " + missing);
    }
}
