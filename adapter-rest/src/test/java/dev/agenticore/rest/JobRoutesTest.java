package dev.agenticore.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agenticore.core.job.JobStatus;
import dev.agenticore.json.Json;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(30)
class JobRoutesTest {
    private RestFixture api;

    @BeforeEach
    void startServer() throws Exception {
        api = RestFixture.started(List.of());
    }

    @AfterEach
    void stopServer() {
        api.close();
    }

    @Test
    void submitReturnsQueuedJobWithEverySchemaField() throws Exception {
        HttpResponse<String> response =
                api.post("/jobs", "{\"task\": \"fix the auth bug\", \"repo_url\": \"https://github.com/org/repo\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("success").asBoolean()).isTrue();
        JsonNode job = body.get("job");
        assertThat(job.get("task").asText()).isEqualTo("fix the auth bug");
        assertThat(job.get("profile").asText()).isEqualTo("code");
        assertThat(job.get("base_ref").asText()).isEqualTo("main");
        assertThat(job.get("mode").asText()).isEqualTo("fire_and_forget");
        assertThat(job.get("ttl_seconds").asLong()).isEqualTo(86_400);
        assertThat(job.has("pr_url")).isTrue();
        assertThat(job.get("created_at").asText()).endsWith("+00:00");
    }

    @Test
    void submitWithWaitReturnsTheFinishedJob() throws Exception {
        api.instant = true;

        HttpResponse<String> response = api.post("/jobs", "{\"task\": \"say hi\", \"wait\": true}");

        JsonNode job = json(response).get("job");
        assertThat(job.get("status").asText()).isEqualTo("succeeded");
        assertThat(job.get("output").asText()).isEqualTo("done: say hi");
        assertThat(job.get("session_id").asText())
                .isEqualTo("session-" + job.get("id").asText());
        assertThat(job.get("exit_code").asInt()).isZero();
        assertThat(job.get("cost_usd").asDouble()).isEqualTo(0.01);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"task\": |the request body is not valid JSON",
                "{\"task\": \"\"}|task must not be blank",
                "{\"task\": 42}|field 'task' must be a string",
                "{\"task\": \"t\", \"wait\": \"yes\"}|field 'wait' must be a boolean",
                "{\"task\": \"t\", \"limit\": 1}|unknown field 'limit'",
                "{\"task\": \"t\", \"base_ref\": \"--upload-pack=touch /tmp/x\"}|base_ref '--upload-pack=touch /tmp/x' is invalid",
                "{\"task\": \"t\", \"repo_url\": \"--upload-pack=x\"}|repo_url '--upload-pack=x' is invalid",
                "{\"task\": \"t\", \"repo_url\": \"file:///etc\"}|file:// URLs are disabled",
                "{\"task\": \"t\", \"repo_url\": \"ext::sh -c touch\"}|repo_url 'ext::sh -c touch' is invalid",
                "{\"task\": \"t\", \"base_ref\": \"a..b\"}|it is not a valid git branch name",
                "{\"task\": \"t\", \"session_id\": \"--resume\"}|session_id '--resume' is invalid",
                "{\"task\": \"t\", \"file_path\": \"../../etc/passwd\"}|file_path '../../etc/passwd' is invalid",
                "{\"task\": \"t\", \"profile\": \"nope\"}|profile 'nope' does not exist; available profiles: code, review",
                "[]|the request body must be a JSON object",
                "null|the request body must be a JSON object",
            })
    void invalidSubmissionIsBadRequestNamingTheProblem(String body, String message) throws Exception {
        HttpResponse<String> response = api.post("/jobs", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("success").asBoolean()).isFalse();
        assertThat(json(response).get("error").asText()).contains(message);
        assertThat(api.store.list(null, 10)).isEmpty();
    }

    @Test
    void emptyBodyIsBadRequest() throws Exception {
        HttpResponse<String> response = api.post("/jobs", "");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo("the request body is empty; send a JSON object");
    }

    @Test
    void taskOverTheLimitIsBadRequest() throws Exception {
        HttpResponse<String> response = api.post("/jobs", "{\"task\": \"" + "x".repeat(100_001) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText())
                .isEqualTo("task is 100001 characters long; the limit is 100000 characters");
    }

    @Test
    void bodyOverOneMebibyteIsPayloadTooLarge() throws Exception {
        HttpResponse<String> response = api.post("/jobs", "{\"task\": \"" + "x".repeat(1_100_000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).get("error").asText()).contains("larger than 1048576 bytes");
    }

    @Test
    void getReturnsJobAndUnknownIdIsNotFound() throws Exception {
        String id = submit("look around");

        assertThat(json(api.get("/jobs/" + id)).get("job").get("id").asText()).isEqualTo(id);
        HttpResponse<String> missing = api.get("/jobs/no-such-job");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(json(missing).get("error").asText()).isEqualTo("Job not found: no-such-job");
    }

    @Test
    void listFiltersByStatusAndLimit() throws Exception {
        api.worker.stopAccepting();
        submit("one");
        submit("two");
        submit("three");

        JsonNode limited = json(api.get("/jobs?limit=2"));
        assertThat(limited.get("count").asInt()).isEqualTo(2);
        assertThat(limited.get("jobs").get(0).get("task").asText()).isEqualTo("three");
        assertThat(json(api.get("/jobs?status=queued")).get("count").asInt()).isEqualTo(3);
        assertThat(json(api.get("/jobs?status=running")).get("count").asInt()).isZero();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "/jobs?limit=abc|limit must be an integer, got 'abc'",
                "/jobs?limit=0|limit must be between 1 and 1000, got 0",
                "/jobs?limit=1001|limit must be between 1 and 1000, got 1001",
                "/jobs?status=done|status 'done' is invalid; expected one of queued, running, succeeded, failed, cancelled, expired",
            })
    void invalidListParametersAreBadRequest(String path, String message) throws Exception {
        HttpResponse<String> response = api.get(path);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").asText()).isEqualTo(message);
    }

    @Test
    void cancelOfQueuedJobIsImmediate() throws Exception {
        api.worker.stopAccepting();
        String id = submit("wait in line");

        HttpResponse<String> response = api.delete("/jobs/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("job").get("status").asText()).isEqualTo("cancelled");
    }

    @Test
    void cancelOfRunningJobStopsTheAgentAndStaysCancelled() throws Exception {
        String id = submit("long work");
        awaitAgentStart(id);

        HttpResponse<String> response = api.delete("/jobs/" + id);

        assertThat(json(response).get("job").get("status").asText()).isEqualTo("cancelled");
        awaitAgentEnd(id);
        assertThat(api.jobs.get(id).status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(api.jobs.get(id).endedAt()).isNotNull();
    }

    @Test
    void cancelOfFinishedJobReturnsItUnchanged() throws Exception {
        api.instant = true;
        String id = json(api.post("/jobs", "{\"task\": \"quick\", \"wait\": true}"))
                .get("job")
                .get("id")
                .asText();

        HttpResponse<String> response = api.delete("/jobs/" + id);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("job").get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void cancelOfUnknownJobIsNotFound() throws Exception {
        assertThat(api.delete("/jobs/ghost").statusCode()).isEqualTo(404);
    }

    @Test
    void unknownRouteAndWrongMethodAnswerJson() throws Exception {
        HttpResponse<String> unknown = api.get("/nothing/here");
        HttpResponse<String> wrongMethod = api.send(
                HttpRequest.newBuilder(api.uri("/profiles")).method("PATCH", HttpRequest.BodyPublishers.noBody()));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).get("error").asText()).isEqualTo("no route for GET /nothing/here");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(json(wrongMethod).get("success").asBoolean()).isFalse();
    }

    @Test
    void profilesListsEveryProfile() throws Exception {
        JsonNode body = json(api.get("/profiles"));

        assertThat(body.get("count").asInt()).isEqualTo(2);
        JsonNode code = body.get("profiles").get(0);
        assertThat(code.get("name").asText()).isEqualTo("code");
        assertThat(code.get("model").asText()).isEqualTo("sonnet");
        assertThat(code.get("max_turns").asInt()).isEqualTo(80);
        assertThat(code.get("auto_pr").asBoolean()).isTrue();
    }

    @Test
    void fullQueueIsServiceUnavailableWithRetryAfter() throws Exception {
        api.close();
        api = new RestFixture(
                List.of(), dev.agenticore.core.job.JobSettings.defaults("n").withMaxQueuedJobs(1));
        submit("first");

        HttpResponse<String> response = api.post("/jobs", "{\"task\": \"second\"}");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(json(response).get("error").asText()).contains("the job queue is full");
    }

    private String submit(String task) throws Exception {
        return json(api.post("/jobs", "{\"task\": \"" + task + "\"}"))
                .get("job")
                .get("id")
                .asText();
    }

    private void awaitAgentStart(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (api.jobs.get(id).sessionId() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(api.jobs.get(id).sessionId()).as("the agent started").isNotNull();
    }

    private void awaitAgentEnd(String id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (api.jobs.get(id).exitCode() == null && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(api.jobs.get(id).exitCode()).isEqualTo(143);
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }
}
