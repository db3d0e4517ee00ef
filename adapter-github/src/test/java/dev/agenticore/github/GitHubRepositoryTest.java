package dev.agenticore.github;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agenticore.core.workspace.CodeHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(10)
class GitHubRepositoryTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "https://github.com/acme/widgets, acme, widgets",
        "https://github.com/acme/widgets.git, acme, widgets",
        "https://github.com/acme/widgets/, acme, widgets",
        "https://github.com/acme/widgets.git/, acme, widgets",
        "http://github.com/acme/widgets, acme, widgets",
        "https://x-access-token:secret@github.com/acme/widgets.git, acme, widgets",
        "ssh://git@github.com/acme/widgets.git, acme, widgets",
        "ssh://git@github.com:22/acme/widgets.git, acme, widgets",
        "git@github.com:acme/widgets.git, acme, widgets",
        "git@github.com:acme/widgets, acme, widgets",
        "https://github.example.com/platform-team/my.service.git, platform-team, my.service",
        "git@github.example.com:platform-team/my_service.git, platform-team, my_service",
        "'  https://github.com/acme/widgets  ', acme, widgets"
    })
    void supportedUrlFormsParse(String url, String owner, String name) {
        GitHubRepository repository = GitHubRepository.parse(url);

        assertThat(repository.owner()).isEqualTo(owner);
        assertThat(repository.name()).isEqualTo(name);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "",
                "acme/widgets",
                "https://github.com/acme",
                "https://github.com/acme/widgets/tree/main",
                "https://github.com/acme/widgets?tab=readme",
                "file:///srv/git/widgets.git",
                "ftp://github.com/acme/widgets",
                "git@github.com:acme",
                "https://github.com/-acme/widgets",
                "https://github.com/acme/..",
                "https://github.com/ac me/widgets"
            })
    void otherFormsAreRejected(String url) {
        assertThatThrownBy(() -> GitHubRepository.parse(url))
                .isInstanceOf(CodeHostException.class)
                .hasMessageStartingWith("not a GitHub repository URL: " + url);
    }

    @Test
    void nullUrlIsRejected() {
        assertThatThrownBy(() -> GitHubRepository.parse(null))
                .isInstanceOf(CodeHostException.class)
                .hasMessageStartingWith("not a GitHub repository URL: null");
    }

    @Test
    void rejectionHidesCredentialsInUrl() {
        assertThatThrownBy(() -> GitHubRepository.parse("https://user:hunter2@github.com/acme"))
                .isInstanceOf(CodeHostException.class)
                .hasMessageContaining("https://***@github.com/acme")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void fullNameJoinsOwnerAndName() {
        assertThat(GitHubRepository.parse("git@github.com:acme/widgets.git").fullName())
                .isEqualTo("acme/widgets");
    }
}
