package dev.agenticore.app;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Malformed and hostile request inputs for {@link RequestFuzzIT}, reproducible from a seed. */
final class FuzzInputs {
    private static final List<String> JOB_FIELDS = List.of(
            "task",
            "repo_url",
            "profile",
            "base_ref",
            "session_id",
            "file_path",
            "create_repo",
            "private",
            "worktree_id",
            "wait");
    private static final List<String> HOSTILE_STRINGS = List.of(
            "--upload-pack=touch /tmp/agenticore-fuzz",
            "-c core.sshCommand=touch /tmp/agenticore-fuzz",
            "ext::sh -c touch% /tmp/agenticore-fuzz",
            "file:///etc",
            "../../../../etc/passwd",
            "/etc/passwd",
            "..",
            "a..b",
            "refs/heads/../../x",
            "main\u0000",
            "main\n--force",
            "$(touch /tmp/agenticore-fuzz)",
            "`id`",
            "<script>alert(1)</script>",
            "%2e%2e%2f%2e%2e%2f",
            "\u202emain",
            "\uD83D\uDE00".repeat(50),
            "https://127.0.0.1:1/repo.git",
            "git@127.0.0.1:-oProxyCommand=x",
            "ssh://-oProxyCommand=x/repo",
            "http://127.0.0.1:1/--upload-pack=x",
            "",
            " ",
            "null",
            "true",
            "0",
            "-1");
    private static final List<String> WRONG_TYPES = List.of(
            "1",
            "-1",
            "1.5",
            "1e309",
            "true",
            "false",
            "null",
            "[]",
            "{}",
            "[\"a\"]",
            "{\"a\": 1}",
            "\"\"",
            "99999999999999999999999");

    private final Random random;

    FuzzInputs(Random random) {
        this.random = random;
    }

    /** Job bodies: each field with hostile strings and wrong types, unknown fields, duplicates. */
    List<String> jobBodies() {
        List<String> bodies = new ArrayList<>();
        for (String field : JOB_FIELDS) {
            for (String value : HOSTILE_STRINGS) {
                bodies.add(body(field, quote(value)));
            }
            for (String value : WRONG_TYPES) {
                bodies.add(body(field, value));
            }
        }
        bodies.add("{\"task\": \"" + "x".repeat(100_001) + "\"}");
        bodies.add("{\"task\": \"dup\", \"task\": \"dup2\"}");
        bodies.add("{\"task\": \"t\", \"unknown\": 1}");
        bodies.add("[".repeat(5000) + "]".repeat(5000));
        bodies.add("{\"task\": " + "[".repeat(600) + "]".repeat(600) + "}");
        for (int i = 0; i < 500; i++) {
            bodies.add(truncated("{\"task\": \"fuzz " + i + "\", \"base_ref\": \"main\", \"wait\": false}"));
        }
        return bodies;
    }

    /** Raw bodies: invalid UTF-8, NUL bytes, random bytes, and a body over the size limit. */
    List<byte[]> rawBodies() {
        List<byte[]> bodies = new ArrayList<>();
        bodies.add(new byte[] {'{', '"', 't', 'a', 's', 'k', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'});
        bodies.add(new byte[] {'{', '"', 't', 'a', 's', 'k', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}'});
        bodies.add("{\"task\": \"a\u0000b\"}".getBytes(StandardCharsets.UTF_8));
        bodies.add(new byte[0]);
        bodies.add(("{\"task\": \"" + "y".repeat(1_200_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < 60; i++) {
            byte[] noise = new byte[1 + random.nextInt(512)];
            random.nextBytes(noise);
            bodies.add(noise);
        }
        return bodies;
    }

    /** Worktree and cleanup bodies with hostile paths and wrong types. */
    List<String> worktreeBodies() {
        List<String> bodies = new ArrayList<>();
        for (String value : HOSTILE_STRINGS) {
            bodies.add("{\"repo_url\": " + quote(value) + "}");
            bodies.add("{\"repo_url\": \"https://127.0.0.1:1/r.git\", \"base_ref\": " + quote(value) + "}");
            bodies.add("{\"paths\": " + quote(value) + "}");
            bodies.add("{\"paths\": [" + quote(value) + "]}");
        }
        for (String value : WRONG_TYPES) {
            bodies.add("{\"repo_url\": " + value + "}");
            bodies.add("{\"paths\": " + value + "}");
            bodies.add("{\"max_age_hours\": " + value + "}");
        }
        return bodies;
    }

    /** Ids for path parameters: traversal, encodings, huge and odd characters. */
    List<String> ids() {
        List<String> ids = new ArrayList<>(List.of(
                "..%2F..%2Fetc%2Fpasswd",
                "%2e%2e",
                "..",
                ".",
                "%00",
                "a%00b",
                "x".repeat(5000),
                "%E2%80%AE",
                "%F0%9F%98%80",
                "%C3%28",
                "00000000-0000-0000-0000-000000000000",
                "null",
                "-1",
                "%20",
                "~root"));
        for (int i = 0; i < 20; i++) {
            ids.add(Integer.toHexString(random.nextInt()));
        }
        return ids;
    }

    /** Query strings for the job list. */
    List<String> queries() {
        List<String> queries = new ArrayList<>();
        for (String value : List.of("-1", "0", "1001", "abc", "1.5", "99999999999999999999", "%00", "", "1e3")) {
            queries.add("limit=" + value);
        }
        for (String value : List.of("done", "RUNNING", "%3Cscript%3E", "queued%00", "x".repeat(3000))) {
            queries.add("status=" + value);
        }
        queries.add("limit=1&limit=2&status=queued&status=running");
        queries.add("api_key=%ZZ");
        return queries;
    }

    /** MCP tool calls with missing, wrong and hostile arguments, and unknown tools. */
    List<Map<String, Object>> toolCalls() {
        List<String> tools = List.of(
                "run_task",
                "get_job",
                "list_jobs",
                "cancel_job",
                "list_profiles",
                "prepare_worktree",
                "get_worktree",
                "list_worktrees",
                "cleanup_worktrees",
                "no_such_tool");
        List<String> arguments = List.of(
                "task",
                "repo_url",
                "base_ref",
                "job_id",
                "worktree_id",
                "limit",
                "status",
                "paths",
                "max_age_hours",
                "file_path",
                "wait",
                "unknown");
        List<Map<String, Object>> calls = new ArrayList<>();
        for (String tool : tools) {
            for (String argument : arguments) {
                for (int i = 0; i < 4; i++) {
                    Map<String, Object> call = new LinkedHashMap<>();
                    call.put("name", tool);
                    call.put("arguments", Map.of(argument, hostileValue()));
                    calls.add(call);
                }
            }
            calls.add(Map.of("name", tool));
        }
        return calls;
    }

    private Object hostileValue() {
        int choice = random.nextInt(6);
        return switch (choice) {
            case 0 -> HOSTILE_STRINGS.get(random.nextInt(HOSTILE_STRINGS.size()));
            case 1 -> random.nextInt();
            case 2 -> List.of(1, "a");
            case 3 -> Map.of("nested", true);
            case 4 -> random.nextBoolean();
            default -> "z".repeat(random.nextInt(200_000));
        };
    }

    private String truncated(String valid) {
        return valid.substring(0, random.nextInt(valid.length()));
    }

    private static String body(String field, String value) {
        return field.equals("task")
                ? "{\"task\": " + value + "}"
                : "{\"task\": \"fuzz\", \"" + field + "\": " + value + "}";
    }

    private static String quote(String value) {
        return dev.agenticore.json.Json.write(value);
    }
}
