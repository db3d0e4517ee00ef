package dev.agenticore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agenticore.app.cli.CliServer.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Failures of client commands: keys, connections, arguments and missing routes. */
@Timeout(60)
class ClientErrorsTest {
    @TempDir
    Path home;

    @Test
    void wrongApiKeyFailsWithFix() {
        try (CliServer server = CliServer.startWithApiKey(home)) {
            Result result = CliServer.run("jobs", "--url", server.url(), "--api-key", "wrong-key");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.out()).isEmpty();
            assertThat(result.err())
                    .startsWith("Error: GET /jobs failed with HTTP 401: Invalid or missing API key; set"
                            + " AGENTICORE_API_KEY or pass --api-key")
                    .containsPattern("\\(request id [0-9a-f-]{36}\\)\n$")
                    .doesNotContain("wrong-key");
        }
    }

    @Test
    void rightApiKeyIsAccepted() {
        try (CliServer server = CliServer.startWithApiKey(home)) {
            Result result = server.cli("jobs");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).isEqualTo("No jobs.\n");
        }
    }

    @Test
    void wrongApiKeyJsonPrintsUnauthorizedBody() throws IOException {
        try (CliServer server = CliServer.startWithApiKey(home)) {
            Result result = CliServer.run("profiles", "--json", "--url", server.url(), "--api-key", "wrong-key");

            assertThat(result.exitCode()).isEqualTo(1);
            assertThat(result.json().path("error").asText()).isEqualTo("Invalid or missing API key");
        }
    }

    @Test
    void statusNeedsNoApiKey() {
        try (CliServer server = CliServer.startWithApiKey(home)) {
            Result result = CliServer.run("status", "--url", server.url());

            assertThat(result.exitCode()).isZero();
        }
    }

    @Test
    void unreachableServerNamesUrlAndFix() throws IOException {
        String url = "http://127.0.0.1:" + closedPort();

        Result result = CliServer.run("jobs", "--url", url);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err())
                .isEqualTo("Error: cannot reach the server at " + url
                        + ": connection refused; start it with `agenticore serve` or set AGENTICORE_URL\n");
    }

    @Test
    void unreachableServerFailsRunWait() throws IOException {
        Result result = CliServer.run("run", "task", "--wait", "--url", "http://[::1]:" + closedPort());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).startsWith("Error: cannot reach the server at http://[::1]:");
    }

    @Test
    void invalidUrlIsUsageError() {
        for (String url : new String[] {"ftp://127.0.0.1", "127.0.0.1:8200", "http://", "http://127.0.0.1:8200/?a=b"}) {
            Result result = CliServer.run("jobs", "--url", url);

            assertThat(result.exitCode()).as(url).isEqualTo(2);
            assertThat(result.err())
                    .as(url)
                    .isEqualTo("Error: invalid server URL '" + url + "' from --url or AGENTICORE_URL; expected"
                            + " http://HOST:PORT, for example http://127.0.0.1:8200\n");
        }
    }

    @Test
    void invalidArgumentsExitTwo() {
        String url = "--url=http://127.0.0.1:9";
        assertThat(CliServer.run("jobs", url, "--limit", "0").err())
                .isEqualTo("Error: --limit must be 1 or more, got 0\n");
        assertThat(CliServer.run("jobs", url, "--status", "done").err())
                .isEqualTo("Error: invalid --status 'done'; expected one of queued, running, succeeded, failed,"
                        + " cancelled, expired\n");
        assertThat(CliServer.run("run", url, " ").err())
                .isEqualTo("Error: TASK must not be blank; describe what the agent should do\n");
        assertThat(CliServer.run("sync", url, "--target", "hooks").err())
                .isEqualTo("Error: invalid --target 'hooks'; expected one of all, agentihooks, bundle, agentihub\n");
        assertThat(CliServer.run("worktrees", "cleanup", url).err())
                .isEqualTo("Error: nothing to remove; give --path PATH or --max-age-hours N\n");
        assertThat(CliServer.run("worktrees").err())
                .isEqualTo("Error: missing subcommand; use one of prepare, list, get, cleanup\n");
        assertThat(CliServer.run("job", url, "").err()).isEqualTo("Error: JOB_ID must not be blank\n");
        for (String[] arguments : new String[][] {
            {"jobs", url, "--limit", "0"},
            {"run", url},
            {"run", url, "task", "--private", "--public"},
            {"jobs", url, "--limit", "many"},
            {"jobs", url, "--no-such-option"},
            {"worktrees"},
            {"job", url, ""}
        }) {
            assertThat(CliServer.run(arguments).exitCode())
                    .as(String.join(" ", arguments))
                    .isEqualTo(2);
        }
    }

    @Test
    void syncWithoutRepositoriesReportsSkipped() {
        try (CliServer server = CliServer.start(home)) {
            Result result = server.cli("sync", "--target", "bundle");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("bundle").contains("skipped (no url)");
            assertThat(result.out()).doesNotContain("agentihub");
        }
    }

    @Test
    void completionPrintsBashScript() {
        Result result = CliServer.run("completion");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .startsWith("#!/usr/bin/env bash")
                .contains("complete -F _complete_agenticore")
                .contains("worktrees", "cleanup", "--max-age-hours", "--wait")
                .contains("(\"queued\" \"running\" \"succeeded\" \"failed\" \"cancelled\" \"expired\")");
    }

    /** Returns a loopback port that nothing listens on. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
