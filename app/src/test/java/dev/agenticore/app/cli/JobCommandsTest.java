package dev.agenticore.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.app.cli.CliServer.Result;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} without waiting, {@code jobs}, {@code job}, {@code cancel}, {@code profiles} and {@code status}. */
@Timeout(60)
class JobCommandsTest {
    @TempDir
    Path home;

    private CliServer server;

    @BeforeEach
    void startServer() {
        server = CliServer.start(home);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void runPrintsJobIdAndHowToFollowIt() throws Exception {
        Result result = server.cli("run", "write a greeting", "--profile", "review");

        assertThat(result.exitCode()).isZero();
        String id = result.out().split(" ")[2];
        assertThat(result.out()).startsWith("Submitted job " + id + " (queued, profile review).");
        assertThat(result.out()).contains("`agenticore job " + id + "`", "`agenticore cancel " + id + "`");
        assertThat(server.awaitEnd(id).path("task").asText()).isEqualTo("write a greeting");
    }

    @Test
    void runJsonPrintsSubmissionResponse() throws Exception {
        Result result = server.cli("run", "write a greeting", "--json");

        assertThat(result.exitCode()).isZero();
        JsonNode printed = result.json();
        assertThat(printed.path("success").asBoolean()).isTrue();
        assertThat(printed.path("job").path("task").asText()).isEqualTo("write a greeting");
        assertThat(printed.path("job").path("status").asText()).isEqualTo("queued");
    }

    @Test
    void jobsListsNewestFirstInTable() throws Exception {
        String first = submit("first task");
        String second = submit("second task " + "x".repeat(100));
        server.awaitEnd(first);
        server.awaitEnd(second);

        Result result = server.cli("jobs");

        assertThat(result.exitCode()).isZero();
        String[] lines = result.out().split("\n");
        assertThat(lines[0]).startsWith("ID").contains("STATUS", "PROFILE", "CREATED", "DURATION", "TASK");
        assertThat(lines[1]).startsWith(second).contains("succeeded", "code", "s ago", "second task xxx", "...");
        assertThat(lines[2]).startsWith(first).contains("first task");
        assertThat(lines[1].indexOf("succeeded")).isEqualTo(lines[0].indexOf("STATUS"));
    }

    @Test
    void jobsFiltersByStatusAndLimit() throws Exception {
        server.awaitEnd(submit("ok task"));
        server.awaitEnd(submit("fail task"));
        server.awaitEnd(submit("another ok task"));

        Result failed = server.cli("jobs", "--status", "failed");
        Result limited = server.cli("jobs", "--limit", "1");

        assertThat(failed.exitCode()).isZero();
        assertThat(failed.out().lines().count()).isEqualTo(2);
        assertThat(failed.out()).contains("fail task");
        assertThat(limited.out().lines().count()).isEqualTo(2);
        assertThat(limited.out()).contains("another ok task");
    }

    @Test
    void jobsWithoutJobsSaysSo() {
        Result result = server.cli("jobs");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("No jobs.\n");
    }

    @Test
    void jobsJsonEqualsRestResponse() throws Exception {
        server.awaitEnd(submit("first task"));
        server.awaitEnd(submit("fail task"));

        Result result = server.cli("jobs", "--json", "--limit", "5");

        assertThat(result.exitCode()).isZero();
        assertThat(result.json()).isEqualTo(server.get("/jobs?limit=5"));
        assertThat(result.out()).contains("\n  \"success\" : true");
    }

    @Test
    void jobShowsFieldsOfFinishedJob() throws Exception {
        String id = submit("show me");
        server.awaitEnd(id);

        Result result = server.cli("job", id);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out())
                .contains("ID:", id)
                .contains("Status:", "succeeded")
                .contains("Task:", "show me")
                .contains("Cost:", "$0.0123")
                .contains("Output:", "done: show me")
                .containsPattern("Created: +\\d{4}-\\d\\d-\\d\\dT[0-9:.]+\\+00:00 \\(\\d+s ago\\)");
        assertThat(result.err()).isEmpty();
    }

    @Test
    void jobJsonEqualsRestResponse() throws Exception {
        String id = submit("show me");
        server.awaitEnd(id);

        Result result = server.cli("job", id, "--json");

        assertThat(result.exitCode()).isZero();
        assertThat(result.json()).isEqualTo(server.get("/jobs/" + id));
    }

    @Test
    void unknownJobFailsWithServerMessageAndRequestId() {
        Result result = server.cli("job", "no-such-job");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err())
                .startsWith("Error: GET /jobs/no-such-job failed with HTTP 404: ")
                .contains("no-such-job")
                .containsPattern("\\(request id [0-9a-f-]{36}\\)\n$");
        assertThat(result.err().lines().count()).isEqualTo(1);
    }

    @Test
    void unknownJobJsonPrintsErrorBody() throws Exception {
        Result result = server.cli("job", "no-such-job", "--json");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.json()).isEqualTo(server.get("/jobs/no-such-job"));
        assertThat(result.err()).startsWith("Error: GET /jobs/no-such-job failed with HTTP 404");
    }

    @Test
    void cancelStopsRunningJob() throws Exception {
        String id = submit("slow task");

        Result result = server.cli("cancel", id);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Cancelled job " + id + ".\n");
        assertThat(server.awaitEnd(id).path("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void cancelOfEndedJobChangesNothing() throws Exception {
        String id = submit("quick task");
        server.awaitEnd(id);

        Result result = server.cli("cancel", id);

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("Job " + id + " had already ended as succeeded; nothing to cancel.\n");
    }

    @Test
    void profilesListsBundledProfiles() throws Exception {
        Result table = server.cli("profiles");
        Result json = server.cli("profiles", "--json");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out().lines().findFirst().orElseThrow())
                .startsWith("NAME")
                .contains("MODEL", "MAX TURNS", "AUTO PR", "TIMEOUT", "DESCRIPTION");
        assertThat(table.out()).containsPattern("(?m)^code +\\S+ +\\d+ +yes ");
        assertThat(table.out()).containsPattern("(?m)^review ");
        assertThat(json.json()).isEqualTo(server.get("/profiles"));
    }

    @Test
    void statusShowsHealth() throws Exception {
        Result table = server.cli("status");
        Result json = server.cli("status", "--json");

        assertThat(table.exitCode()).isZero();
        assertThat(table.out())
                .contains("Server:", server.url())
                .containsPattern("Status: +ok\n")
                .containsPattern("Running jobs: +0\n");
        assertThat(json.exitCode()).isZero();
        assertThat(json.json().path("status").asText()).isEqualTo("ok");
        assertThat(json.json().path("service").asText()).isEqualTo("agenticore");
    }

    private String submit(String task) throws Exception {
        Result result = server.cli("run", task, "--json");
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.json().path("job").path("id").asText();
    }
}
