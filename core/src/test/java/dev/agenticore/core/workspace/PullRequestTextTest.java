package dev.agenticore.core.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PullRequestTextTest {

    @Test
    void shortTaskBecomesTitleUnchanged() {
        assertThat(PullRequestText.title("Fix the login redirect")).isEqualTo("Fix the login redirect");
    }

    @Test
    void longTaskIsCutAtWordBoundary() {
        String task = "Refactor the payment service so that every provider adapter shares one retry policy and logs";

        String title = PullRequestText.title(task);

        assertThat(title).hasSizeLessThanOrEqualTo(70);
        assertThat(title).isEqualTo("Refactor the payment service so that every provider adapter shares…");
    }

    @Test
    void multiLineTaskUsesFirstLine() {
        String title = PullRequestText.title("\n  Add a health check  \n\nIt should return 200 and the version.");

        assertThat(title).isEqualTo("Add a health check");
    }

    @Test
    void titleOfExactlySeventyCharactersIsKept() {
        String task = "a".repeat(30) + " " + "b".repeat(39);
        assertThat(task).hasSize(70);

        assertThat(PullRequestText.title(task)).isEqualTo(task);
    }

    @Test
    void seventyOneCharactersAreShortened() {
        String task = "a".repeat(30) + " " + "b".repeat(40);

        assertThat(PullRequestText.title(task)).isEqualTo("a".repeat(30) + "…");
    }

    @Test
    void wordEndingAtLimitIsKept() {
        String task = "a".repeat(30) + " " + "b".repeat(38) + " more words";

        assertThat(PullRequestText.title(task)).isEqualTo("a".repeat(30) + " " + "b".repeat(38) + "…");
    }

    @Test
    void singleLongWordIsCutHard() {
        String title = PullRequestText.title("x".repeat(200));

        assertThat(title).hasSize(70);
        assertThat(title).endsWith("x…");
    }

    @Test
    void trailingPunctuationBeforeEllipsisIsDropped() {
        String task = "Update the docs, the changelog, and the examples, then bump the version, and tag it";

        String title = PullRequestText.title(task);

        assertThat(title).isEqualTo("Update the docs, the changelog, and the examples, then bump the…");
    }

    @Test
    void blankTaskGetsGenericTitle() {
        assertThat(PullRequestText.title(" \n\t")).isEqualTo("Agenticore changes");
        assertThat(PullRequestText.title(null)).isEqualTo("Agenticore changes");
    }

    @Test
    void bodyNamesJobTaskAndProfile() {
        String body = PullRequestText.body("job-42", "Fix the bug\n\nin the parser", "code");

        assertThat(body).contains("`job-42`");
        assertThat(body).contains("`code`");
        assertThat(body).contains("## Task");
        assertThat(body).contains("> Fix the bug\n>\n> in the parser\n");
    }
}
