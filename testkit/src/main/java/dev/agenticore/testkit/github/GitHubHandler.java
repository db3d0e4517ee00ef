package dev.agenticore.testkit.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes the requests of {@link FakeGitHubApi}: records, authenticates, applies queued failures, then responds. */
final class GitHubHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GitHubHandler.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern PULLS = Pattern.compile("/repos/([^/]+)/([^/]+)/pulls");
    private static final Pattern ORG_REPOS = Pattern.compile("/orgs/([^/]+)/repos");
    private static final Pattern ACCESS_TOKENS = Pattern.compile("/app/installations/([^/]+)/access_tokens");

    private final FakeGitHubApi api;
    private final String pathPrefix;

    GitHubHandler(FakeGitHubApi api, String pathPrefix) {
        this.api = api;
        this.pathPrefix = pathPrefix;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            RecordedRequest request = read(exchange);
            api.record(request);
            Response response =
                    request.endpoint().isEmpty() ? Response.message(404, "Not Found") : authenticateAndRespond(request);
            send(exchange, response);
        } catch (IOException e) {
            LOG.debug("Writing the response to {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        } finally {
            exchange.close();
        }
    }

    private Response authenticateAndRespond(RecordedRequest request) {
        Endpoint endpoint = request.endpoint().orElseThrow();
        String token = bearerToken(request);
        if (endpoint == Endpoint.CREATE_INSTALLATION_TOKEN) {
            Optional<String> problem = JwtVerifier.problem(token, api.app(), api.now());
            if (problem.isPresent()) {
                return Response.message(401, problem.get());
            }
            return api.pollFailure(endpoint).map(Response::of).orElseGet(() -> createInstallationToken(request));
        }
        Optional<FakeGitHubApi.Caller> caller = api.authenticate(token);
        if (caller.isEmpty()) {
            return Response.message(401, "Bad credentials");
        }
        return api.pollFailure(endpoint).map(Response::of).orElseGet(() -> respond(endpoint, request, caller.get()));
    }

    private Response respond(Endpoint endpoint, RecordedRequest request, FakeGitHubApi.Caller caller) {
        return switch (endpoint) {
            case CREATE_PULL_REQUEST -> createPullRequest(request);
            case LIST_PULL_REQUESTS -> listPullRequests(request);
            case CREATE_ORGANIZATION_REPOSITORY -> createOrganizationRepository(request);
            case CREATE_USER_REPOSITORY -> createUserRepository(request, caller);
            case CREATE_INSTALLATION_TOKEN -> createInstallationToken(request);
        };
    }

    private Response createPullRequest(RecordedRequest request) {
        Matcher path = matched(PULLS, request.path());
        for (String field : List.of("title", "head", "base")) {
            if (request.bodyText(field).isBlank()) {
                return validationFailed("PullRequest", field, "missing_field", field + " is missing");
            }
        }
        FakePullRequest fields = new FakePullRequest(
                0,
                path.group(1),
                path.group(2),
                request.bodyText("head"),
                request.bodyText("base"),
                request.bodyText("title"),
                request.bodyText("body"),
                "");
        Optional<FakePullRequest> created = api.pullRequestStore().open(fields, api.webUrl());
        if (created.isEmpty()) {
            String message = "A pull request already exists for " + fields.qualifiedHead() + ".";
            return validationFailed("PullRequest", null, "custom", message);
        }
        return new Response(201, pullRequestJson(created.get()));
    }

    private Response listPullRequests(RecordedRequest request) {
        Matcher path = matched(PULLS, request.path());
        Map<String, String> query = parseQuery(request.query());
        String state = query.getOrDefault("state", "open");
        ArrayNode array = MAPPER.createArrayNode();
        if (state.equals("open") || state.equals("all")) {
            api.pullRequestStore().find(path.group(1), path.group(2), query.get("head")).stream()
                    .map(GitHubHandler::pullRequestJson)
                    .forEach(array::add);
        }
        return new Response(200, array);
    }

    private Response createOrganizationRepository(RecordedRequest request) {
        String organization = matched(ORG_REPOS, request.path()).group(1);
        if (api.isUser(organization)) {
            return Response.message(404, "Not Found");
        }
        return createRepository(organization, request);
    }

    private Response createUserRepository(RecordedRequest request, FakeGitHubApi.Caller caller) {
        if (caller.login() == null) {
            return Response.message(403, "Resource not accessible by integration");
        }
        return createRepository(caller.login(), request);
    }

    private Response createRepository(String owner, RecordedRequest request) {
        String name = request.bodyText("name");
        if (name.isBlank()) {
            return validationFailed("Repository", "name", "missing_field", "name is missing");
        }
        boolean privateRepository = request.body().path("private").asBoolean(false);
        Optional<FakeRepository> created = api.createRepository(owner, name, privateRepository);
        if (created.isEmpty()) {
            return validationFailed("Repository", "name", "custom", "name already exists on this account");
        }
        FakeRepository repository = created.get();
        ObjectNode json = MAPPER.createObjectNode()
                .put("name", repository.name())
                .put("full_name", repository.fullName())
                .put("private", repository.privateRepository())
                .put("html_url", api.webUrl() + "/" + repository.fullName());
        json.putObject("owner").put("login", repository.owner());
        return new Response(201, json);
    }

    private Response createInstallationToken(RecordedRequest request) {
        String installationId = matched(ACCESS_TOKENS, request.path()).group(1);
        boolean known = api.app()
                .map(app -> app.installationId().equals(installationId))
                .orElse(false);
        if (!known) {
            return Response.message(404, "Not Found");
        }
        FakeGitHubApi.IssuedToken issued = api.issueToken();
        ObjectNode json = MAPPER.createObjectNode()
                .put("token", issued.token())
                .put("expires_at", issued.expiresAt().toString());
        return new Response(201, json);
    }

    private static ObjectNode pullRequestJson(FakePullRequest pullRequest) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("number", pullRequest.number())
                .put("html_url", pullRequest.htmlUrl())
                .put("state", "open")
                .put("title", pullRequest.title())
                .put("body", pullRequest.body());
        json.putObject("head").put("label", pullRequest.qualifiedHead());
        json.putObject("base").put("ref", pullRequest.base());
        return json;
    }

    /** Builds GitHub's 422 body: {@code {"message": "Validation Failed", "errors": [{…}]}}. */
    private static Response validationFailed(String resource, String field, String code, String message) {
        ObjectNode error = MAPPER.createObjectNode().put("resource", resource).put("code", code);
        if (field != null) {
            error.put("field", field);
        }
        error.put("message", message);
        ObjectNode json = MAPPER.createObjectNode().put("message", "Validation Failed");
        json.putArray("errors").add(error);
        return new Response(422, json);
    }

    private RecordedRequest read(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        Map<String, List<String>> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders()
                .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String fullPath = exchange.getRequestURI().getRawPath();
        String path = fullPath.startsWith(pathPrefix + "/") ? fullPath.substring(pathPrefix.length()) : fullPath;
        boolean prefixed = pathPrefix.isEmpty() || fullPath.startsWith(pathPrefix + "/");
        String query = exchange.getRequestURI().getRawQuery();
        Optional<Endpoint> endpoint = prefixed ? route(method, path) : Optional.empty();
        return new RecordedRequest(method, path, query == null ? "" : query, headers, parse(raw), endpoint);
    }

    private static Optional<Endpoint> route(String method, String path) {
        Endpoint endpoint = null;
        if (PULLS.matcher(path).matches()) {
            endpoint = method.equals("POST")
                    ? Endpoint.CREATE_PULL_REQUEST
                    : method.equals("GET") ? Endpoint.LIST_PULL_REQUESTS : null;
        } else if (method.equals("POST") && ORG_REPOS.matcher(path).matches()) {
            endpoint = Endpoint.CREATE_ORGANIZATION_REPOSITORY;
        } else if (method.equals("POST") && path.equals("/user/repos")) {
            endpoint = Endpoint.CREATE_USER_REPOSITORY;
        } else if (method.equals("POST") && ACCESS_TOKENS.matcher(path).matches()) {
            endpoint = Endpoint.CREATE_INSTALLATION_TOKEN;
        }
        return Optional.ofNullable(endpoint);
    }

    /** Returns the token of an {@code Authorization: Bearer …} or {@code token …} header, or an empty string. */
    private static String bearerToken(RecordedRequest request) {
        String authorization = request.header("Authorization").orElse("").trim();
        for (String scheme : List.of("Bearer ", "token ")) {
            if (authorization.regionMatches(true, 0, scheme, 0, scheme.length())) {
                return authorization.substring(scheme.length()).trim();
            }
        }
        return "";
    }

    private static Matcher matched(Pattern pattern, String path) {
        Matcher matcher = pattern.matcher(path);
        if (!matcher.matches()) {
            throw new IllegalStateException("route " + pattern + " does not match " + path);
        }
        return matcher;
    }

    private static Map<String, String> parseQuery(String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(
                    URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return parameters;
    }

    private static JsonNode parse(byte[] raw) {
        if (raw.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            return MAPPER.readTree(raw);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = MAPPER.writeValueAsBytes(response.body());
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(response.status(), bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    /** A status and JSON body to send. */
    private record Response(int status, JsonNode body) {
        static Response message(int status, String message) {
            return new Response(status, MAPPER.createObjectNode().put("message", message));
        }

        static Response of(FakeGitHubApi.Failure failure) {
            return message(failure.status(), failure.message());
        }
    }
}
