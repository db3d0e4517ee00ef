package dev.agenticore.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.InvalidRequestException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RepositoryKeyTest {
    private final JGitWorkspace workspace = new GitFixture(Path.of("/nonexistent-agenticore-test")).workspace();

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
        "https://github.com/owner/repo, https://github.com/owner/repo.git",
        "https://github.com/owner/repo, https://github.com/owner/repo/",
        "https://github.com/owner/repo, https://github.com/owner/repo.git/",
        "https://github.com/owner/repo, HTTPS://GitHub.COM/owner/repo",
        "https://github.com/owner/repo, https://x-access-token:secret@github.com/owner/repo.git",
        "ssh://git@github.com/owner/repo, git@github.com:owner/repo.git",
        "ssh://github.com/owner/repo, ssh://git@github.com/owner/repo",
        "file:///srv/git/repo.git, file:///srv/git/repo",
    })
    void equivalentUrlsShareAKey(String first, String second) {
        assertThat(workspace.repositoryKey(second)).isEqualTo(workspace.repositoryKey(first));
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
        "https://github.com/owner/repo, https://github.com/other/repo",
        "https://github.com/owner/repo, https://gitlab.com/owner/repo",
        "https://github.com/owner/repo, https://github.com/owner/Repo",
        "https://github.com/owner/repo, https://github.com:8443/owner/repo",
    })
    void differentRepositoriesGetDifferentKeys(String first, String second) {
        assertThat(workspace.repositoryKey(second)).isNotEqualTo(workspace.repositoryKey(first));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "https://github.com/owner/repo.git, repo-",
        "https://github.com/owner/my%20repo, my_repo-",
        "https://github.com/owner/.hidden, hidden-",
        "https://github.com/, github.com-",
    })
    void keyStartsWithTheSafeLastSegment(String url, String prefix) {
        String key = workspace.repositoryKey(url);

        assertThat(key).startsWith(prefix);
        assertThat(key).matches("[A-Za-z0-9._-]+-[0-9a-f]{12}");
    }

    @Test
    void keyContainsNoUserInfo() {
        String key = workspace.repositoryKey("https://user:secret@example.com/owner/repo.git");

        assertThat(key).doesNotContain("secret");
        assertThat(key).doesNotContain("user");
    }

    @Test
    void unparsableUrlIsRejected() {
        assertThatThrownBy(() -> workspace.repositoryKey("https://exa mple.com/repo"))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("invalid repository URL");
    }
}
