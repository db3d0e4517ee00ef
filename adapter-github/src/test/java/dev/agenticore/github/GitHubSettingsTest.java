package dev.agenticore.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(10)
class GitHubSettingsTest {
    private static final String PEM = "-----BEGIN PRIVATE KEY-----\nTUlJ\n-----END PRIVATE KEY-----\n";

    @Test
    void emptyEnvironmentUsesDefaults() {
        GitHubSettings settings = GitHubSettings.fromEnvironment(Map.of());

        assertThat(settings.apiUrl()).isEqualTo("https://api.github.com");
        assertThat(settings.token()).isNull();
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.appConfigured()).isFalse();
    }

    @Test
    void environmentSetsEveryField() {
        GitHubSettings settings = GitHubSettings.fromEnvironment(Map.of(
                "GITHUB_API_URL", "https://github.example.com/api/v3/",
                "GITHUB_TOKEN", "ghp_x",
                "GITHUB_APP_ID", "12",
                "GITHUB_APP_INSTALLATION_ID", "34",
                "GITHUB_APP_PRIVATE_KEY", PEM));

        assertThat(settings.apiUrl()).isEqualTo("https://github.example.com/api/v3");
        assertThat(settings.token()).isEqualTo("ghp_x");
        assertThat(settings.appId()).isEqualTo("12");
        assertThat(settings.installationId()).isEqualTo("34");
        assertThat(settings.privateKeyPem()).isEqualTo(PEM);
        assertThat(settings.appConfigured()).isTrue();
    }

    @Test
    void privateKeyIsReadFromFile(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("app.pem"), PEM);

        assertThat(GitHubSettings.privateKeyFromEnvironment(Map.of("GITHUB_APP_PRIVATE_KEY_PATH", file.toString())))
                .contains(PEM);
    }

    @Test
    void privateKeyIsDecodedFromBase64() {
        String base64 = Base64.getEncoder().encodeToString(PEM.getBytes(StandardCharsets.UTF_8));

        assertThat(GitHubSettings.privateKeyFromEnvironment(Map.of("GITHUB_APP_PRIVATE_KEY_BASE64", base64)))
                .contains(PEM);
    }

    @Test
    void pathTakesPrecedenceOverInlineKeys(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("app.pem"), PEM);
        Map<String, String> environment = Map.of(
                "GITHUB_APP_PRIVATE_KEY_PATH", file.toString(),
                "GITHUB_APP_PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----\nother",
                "GITHUB_APP_PRIVATE_KEY_BASE64", "!!!");

        assertThat(GitHubSettings.privateKeyFromEnvironment(environment)).contains(PEM);
    }

    @Test
    void noKeyVariableGivesEmpty() {
        assertThat(GitHubSettings.privateKeyFromEnvironment(Map.of("GITHUB_APP_PRIVATE_KEY", "  ")))
                .isEmpty();
    }

    @Test
    void unreadableKeyFileIsNamed(@TempDir Path directory) {
        String missing = directory.resolve("missing.pem").toString();

        assertThatThrownBy(
                        () -> GitHubSettings.privateKeyFromEnvironment(Map.of("GITHUB_APP_PRIVATE_KEY_PATH", missing)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GITHUB_APP_PRIVATE_KEY_PATH file " + missing + " cannot be read");
    }

    @Test
    void keyFileWithoutPemIsRejected(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("app.pem"), "not a key");

        assertThatThrownBy(() -> GitHubSettings.privateKeyFromEnvironment(
                        Map.of("GITHUB_APP_PRIVATE_KEY_PATH", file.toString())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not contain PEM text");
    }

    @Test
    void inlineKeyWithoutPemHeaderIsRejected() {
        assertThatThrownBy(() -> GitHubSettings.privateKeyFromEnvironment(Map.of("GITHUB_APP_PRIVATE_KEY", "TUlJ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GITHUB_APP_PRIVATE_KEY must be PEM text")
                .hasMessageContaining("GITHUB_APP_PRIVATE_KEY_BASE64")
                .hasMessageNotContaining("TUlJ");
    }

    @Test
    void invalidBase64IsRejected() {
        assertThatThrownBy(
                        () -> GitHubSettings.privateKeyFromEnvironment(Map.of("GITHUB_APP_PRIVATE_KEY_BASE64", "@@@")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GITHUB_APP_PRIVATE_KEY_BASE64 is not valid base64");
    }

    @Test
    void toStringHidesSecrets() {
        GitHubSettings settings = new GitHubSettings(null, "ghp_secret_value", "12", "34", PEM, Duration.ofSeconds(5));

        assertThat(settings.toString()).doesNotContain("ghp_secret_value");
        assertThat(settings.toString()).doesNotContain("TUlJ");
        assertThat(settings.toString()).contains("token=set");
        assertThat(settings.toString()).contains("privateKey=set");
        assertThat(new GitHubCodeHost(GitHubSettings.withToken("ghp_secret_value")).toString())
                .doesNotContain("ghp_secret_value");
    }

    @Test
    void invalidValuesAreRejected() {
        assertThatThrownBy(() -> new GitHubSettings("api.github.com", null, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GITHUB_API_URL");
        assertThatThrownBy(() -> new GitHubSettings(null, null, "1", "abc", null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GITHUB_APP_INSTALLATION_ID must be a number");
        assertThatThrownBy(() -> new GitHubSettings(null, null, null, null, null, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout must be positive");
    }
}
