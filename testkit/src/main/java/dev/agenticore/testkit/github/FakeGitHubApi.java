package dev.agenticore.testkit.github;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loopback fake of the GitHub REST API endpoints listed in {@link Endpoint}, for tests that point a GitHub
 * client at {@link #baseUrl()}.
 *
 * <p>Authentication: every request needs {@code Authorization: Bearer <token>} (or {@code token <token>}) with
 * a token from {@link #acceptToken}, {@link #addUser} or an unexpired installation token that this fake issued,
 * and gets a 401 {@code Bad credentials} otherwise. The installation token endpoint instead takes an App JWT and
 * checks its RS256 signature against the key given to {@link #configureApp}, its {@code iss} and its {@code exp}.
 *
 * <p>Accounts: owners added with {@link #addUser} are users, and every other owner is an organization, so
 * {@code POST /orgs/{user}/repos} returns 404 as on GitHub. {@code POST /user/repos} creates under the user of the
 * token and returns 403 {@code Resource not accessible by integration} for tokens without a user, which are
 * installation tokens and those from {@link #acceptToken}. Pull requests can be opened on any owner and
 * repository, whether or not the repository exists here, and they all stay open.
 *
 * <p>Thread safety: every public method may be called from any thread, and the server handles concurrent
 * requests on separate threads.
 */
public final class FakeGitHubApi implements AutoCloseable {

    /** Lifetime of the installation tokens that the fake issues, as on GitHub. */
    public static final Duration INSTALLATION_TOKEN_LIFETIME = Duration.ofHours(1);

    private static final Logger LOG = LoggerFactory.getLogger(FakeGitHubApi.class);

    private final Object lock = new Object();
    private final String pathPrefix;
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final Set<String> plainTokens = new HashSet<>();
    private final Map<String, String> userTokens = new HashMap<>();
    private final Set<String> users = new HashSet<>();
    private final Map<String, Instant> installationTokens = new LinkedHashMap<>();
    private final Map<String, FakeRepository> repositories = new LinkedHashMap<>();
    private final PullRequestStore pullRequests = new PullRequestStore();
    private final Map<Endpoint, Deque<Failure>> failures = new EnumMap<>(Endpoint.class);
    private AppConfig app;
    private Clock clock = Clock.systemUTC();
    private HttpServer server;
    private ExecutorService executor;

    /** Creates a fake that serves the API at the root path, as {@code https://api.github.com} does. */
    public FakeGitHubApi() {
        this("");
    }

    /**
     * Creates a fake that serves the API under a path prefix, as GitHub Enterprise Server does under
     * {@code /api/v3}.
     *
     * @param pathPrefix empty, or a path such as {@code /api/v3} without a trailing slash
     */
    public FakeGitHubApi(String pathPrefix) {
        Objects.requireNonNull(pathPrefix, "pathPrefix must not be null");
        if (!pathPrefix.isEmpty() && (!pathPrefix.startsWith("/") || pathPrefix.endsWith("/"))) {
            throw new IllegalArgumentException("pathPrefix must start with / and not end with /, got " + pathPrefix);
        }
        this.pathPrefix = pathPrefix;
    }

    /**
     * Binds 127.0.0.1 on a free port and starts serving requests.
     *
     * @return this fake, so a test can write {@code try (var github = new FakeGitHubApi().start())}
     * @throws IllegalStateException when the fake was already started
     * @throws UncheckedIOException when the port cannot be bound
     */
    public FakeGitHubApi start() {
        synchronized (lock) {
            if (server != null) {
                throw new IllegalStateException("FakeGitHubApi was already started on port " + port());
            }
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to bind the fake GitHub API to 127.0.0.1", e);
            }
            executor = Executors.newCachedThreadPool(FakeGitHubApi::newThread);
            server.setExecutor(executor);
            server.createContext("/", new GitHubHandler(this, pathPrefix));
            server.start();
        }
        LOG.info("Started fake GitHub API at {}", baseUrl());
        return this;
    }

    /** Returns the API base URL, for example {@code http://127.0.0.1:43121/api/v3}. */
    public String baseUrl() {
        return webUrl() + pathPrefix;
    }

    /** Returns the bound port. */
    public int port() {
        synchronized (lock) {
            if (server == null) {
                throw new IllegalStateException("FakeGitHubApi is not started: call start() first");
            }
            return server.getAddress().getPort();
        }
    }

    /** Accepts a token that belongs to no user account, like a bot or installation token. */
    public FakeGitHubApi acceptToken(String token) {
        synchronized (lock) {
            plainTokens.add(Objects.requireNonNull(token, "token must not be null"));
        }
        return this;
    }

    /** Registers a user account and accepts its token, which {@code POST /user/repos} creates repositories for. */
    public FakeGitHubApi addUser(String login, String token) {
        synchronized (lock) {
            users.add(login.toLowerCase(Locale.ROOT));
            userTokens.put(Objects.requireNonNull(token, "token must not be null"), login);
        }
        return this;
    }

    /** Adds an existing repository, so creating it again returns 422 {@code name already exists on this account}. */
    public FakeGitHubApi addRepository(String owner, String name) {
        synchronized (lock) {
            repositories.put(key(owner, name), new FakeRepository(owner, name, false));
        }
        return this;
    }

    /**
     * Configures the GitHub App whose JWTs the installation token endpoint accepts.
     *
     * @param appId expected {@code iss} claim
     * @param installationId the only installation id that gets tokens, so other ids get 404
     * @param publicKey RSA key that verifies the JWT signature
     */
    public FakeGitHubApi configureApp(String appId, String installationId, PublicKey publicKey) {
        synchronized (lock) {
            app = new AppConfig(appId, installationId, publicKey);
        }
        return this;
    }

    /** Sets the clock for token expiry, JWT {@code exp} checks and {@code expires_at}. It starts as UTC system time. */
    public FakeGitHubApi setClock(Clock newClock) {
        synchronized (lock) {
            clock = Objects.requireNonNull(newClock, "clock must not be null");
        }
        return this;
    }

    /**
     * Makes the next call of an endpoint fail after authentication with {@code {"message": message}}. Calls
     * queue up, so two calls fail the next two requests.
     */
    public FakeGitHubApi failNext(Endpoint endpoint, int status, String message) {
        synchronized (lock) {
            failures.computeIfAbsent(endpoint, ignored -> new ArrayDeque<>()).add(new Failure(status, message));
        }
        return this;
    }

    /** Returns a snapshot of every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        synchronized (lock) {
            return List.copyOf(requests);
        }
    }

    /** Returns a snapshot of the requests that matched an endpoint, in arrival order. */
    public List<RecordedRequest> requests(Endpoint endpoint) {
        return requests().stream()
                .filter(request -> request.endpoint().equals(Optional.of(endpoint)))
                .toList();
    }

    /** Returns a snapshot of the pull requests opened so far, in creation order. */
    public List<FakePullRequest> pullRequests() {
        return pullRequests.all();
    }

    /** Returns a snapshot of the existing repositories, added ones first, then in creation order. */
    public List<FakeRepository> repositories() {
        synchronized (lock) {
            return List.copyOf(repositories.values());
        }
    }

    /** Returns how many installation tokens the fake has issued. */
    public int issuedTokenCount() {
        synchronized (lock) {
            return installationTokens.size();
        }
    }

    /** Stops the server and closes all connections. Idempotent. */
    @Override
    public void close() {
        synchronized (lock) {
            if (server == null || executor.isShutdown()) {
                return;
            }
            server.stop(0);
            executor.shutdownNow();
        }
        LOG.info("Stopped fake GitHub API after {} requests", requests().size());
    }

    PullRequestStore pullRequestStore() {
        return pullRequests;
    }

    String webUrl() {
        return "http://127.0.0.1:" + port();
    }

    void record(RecordedRequest request) {
        synchronized (lock) {
            requests.add(request);
        }
    }

    Optional<Failure> pollFailure(Endpoint endpoint) {
        synchronized (lock) {
            Deque<Failure> queue = failures.get(endpoint);
            return Optional.ofNullable(queue == null ? null : queue.pollFirst());
        }
    }

    /** Returns the caller of an accepted token, or empty when the token is unknown or expired. */
    Optional<Caller> authenticate(String token) {
        synchronized (lock) {
            if (userTokens.containsKey(token)) {
                return Optional.of(new Caller(userTokens.get(token)));
            }
            Instant expiry = installationTokens.get(token);
            boolean valid = plainTokens.contains(token)
                    || (expiry != null && clock.instant().isBefore(expiry));
            return valid ? Optional.of(new Caller(null)) : Optional.empty();
        }
    }

    Optional<AppConfig> app() {
        synchronized (lock) {
            return Optional.ofNullable(app);
        }
    }

    Instant now() {
        synchronized (lock) {
            return clock.instant();
        }
    }

    /** Issues a new installation token that expires {@link #INSTALLATION_TOKEN_LIFETIME} from now. */
    IssuedToken issueToken() {
        synchronized (lock) {
            String token = "ghs_" + UUID.randomUUID().toString().replace("-", "");
            Instant expiresAt = clock.instant().plus(INSTALLATION_TOKEN_LIFETIME);
            installationTokens.put(token, expiresAt);
            return new IssuedToken(token, expiresAt);
        }
    }

    boolean isUser(String login) {
        synchronized (lock) {
            return users.contains(login.toLowerCase(Locale.ROOT));
        }
    }

    /** Creates a repository and returns it, or returns empty when one with that owner and name exists. */
    Optional<FakeRepository> createRepository(String owner, String name, boolean privateRepository) {
        synchronized (lock) {
            if (repositories.containsKey(key(owner, name))) {
                return Optional.empty();
            }
            FakeRepository repository = new FakeRepository(owner, name, privateRepository);
            repositories.put(key(owner, name), repository);
            return Optional.of(repository);
        }
    }

    private static String key(String owner, String name) {
        return (owner + "/" + name).toLowerCase(Locale.ROOT);
    }

    private static Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "fake-github-api");
        thread.setDaemon(true);
        return thread;
    }

    /** A queued failure for {@link #failNext}. */
    record Failure(int status, String message) {}

    /** The account behind an accepted token; {@code login} is null for tokens without a user. */
    record Caller(String login) {}

    /** The GitHub App that {@link #configureApp} set. */
    record AppConfig(String appId, String installationId, PublicKey publicKey) {}

    /** An installation token and its expiry. */
    record IssuedToken(String token, Instant expiresAt) {}
}
