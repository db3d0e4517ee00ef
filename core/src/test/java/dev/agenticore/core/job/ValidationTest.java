package dev.agenticore.core.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValidationTest {

    @ParameterizedTest
    @ValueSource(strings = {"main", "feature/x-1", "release-2.0", "a/b/c", "v1.2.3", "user@host"})
    void validBranchNamesPass(String name) {
        assertThat(GitRefNames.problem(name)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "-x",
                "--upload-pack=evil",
                "a..b",
                "a b",
                "a~1",
                "a^",
                "a:b",
                "x?",
                "x*",
                "x[",
                "a\\b",
                "/a",
                "a/",
                "a.",
                "a.lock",
                ".hidden",
                "a/.b",
                "a//b",
                "@",
                "a@{1}",
                "tab\there",
                ""
            })
    void invalidBranchNamesAreRejected(String name) {
        assertThat(GitRefNames.problem(name)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://github.com/org/repo",
                "https://github.com/org/repo.git",
                "http://127.0.0.1:8080/r.git",
                "ssh://git@github.com/org/repo.git",
                "git@github.com:org/repo.git"
            })
    void supportedRepositoryUrlsPass(String url) {
        assertThat(RepositoryUrls.problem(url, false)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "--upload-pack=touch x",
                "ext::sh -c 'touch x'",
                "ftp://host/repo",
                "https://",
                "https://host",
                "file:///tmp/repo",
                "/tmp/repo",
                "git@host:-oProxyCommand=x",
                "https://host/repo with space"
            })
    void unsupportedRepositoryUrlsAreRejected(String url) {
        assertThat(RepositoryUrls.problem(url, false)).isPresent();
    }

    @Test
    void fileUrlsPassOnlyWhenAllowed() {
        assertThat(RepositoryUrls.problem("file:///tmp/repo", true)).isEmpty();
        assertThat(RepositoryUrls.problem("file:///tmp/repo", false))
                .hasValueSatisfying(problem -> assertThat(problem).contains("AGENTICORE_ALLOW_FILE_URLS=true"));
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
        "https://github.com/owner/repo, https://github.com/owner/repo.git",
        "https://github.com/owner/repo, https://github.com/owner/repo.git/",
        "https://github.com/owner/repo, HTTPS://GitHub.COM/owner/repo",
        "https://github.com/owner/repo, https://x-access-token:secret@github.com/owner/repo.git",
        "ssh://git@github.com/owner/repo, git@github.com:owner/repo.git",
        "file:///srv/git/repo.git, file:///srv/git/repo"
    })
    void equivalentUrlsNameTheSameRepository(String first, String second) {
        assertThat(RepositoryUrls.sameRepository(first, second)).isTrue();
    }

    @ParameterizedTest(name = "{0} and {1}")
    @CsvSource({
        "https://github.com/owner/repo, https://github.com/other/repo",
        "https://github.com/owner/repo, https://github.com/owner/Repo",
        "https://github.com/owner/repo, https://github.com:8443/owner/repo",
        "https://github.com/owner/repo, ssh://github.com/owner/repo"
    })
    void differentUrlsNameDifferentRepositories(String first, String second) {
        assertThat(RepositoryUrls.sameRepository(first, second)).isFalse();
    }

    @Test
    void normalizedUrlDropsUserInfoAndSuffixes() {
        assertThat(RepositoryUrls.normalize("HTTPS://user:secret@Example.COM/Owner/repo.git/"))
                .isEqualTo("https://example.com/Owner/repo");
        assertThat(RepositoryUrls.normalize("git@example.com:owner/repo.git"))
                .isEqualTo("ssh://example.com/owner/repo");
    }

    @Test
    void truncationKeepsTheEndWithinTheByteLimit() {
        String text = "start " + "é".repeat(40_000) + " conclusion";

        String truncated = Utf8Truncation.keepEnd(text, 1000);

        assertThat(truncated.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1000);
        assertThat(truncated)
                .startsWith("[truncated: the first ")
                .endsWith("é conclusion")
                .doesNotContain("\uFFFD");
    }

    @Test
    void truncationLeavesShortTextAlone() {
        assertThat(Utf8Truncation.keepEnd("short", 10)).isEqualTo("short");
        assertThat(Utf8Truncation.keepEnd(null, 10)).isNull();
    }
}
