package dev.agenticore.testkit.git;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jgit.http.server.GitServlet;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.resolver.FileResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Git smart-HTTP server on 127.0.0.1 for tests: JGit's {@link GitServlet} on Jetty 12 serving the bare
 * repositories in a directory at {@code http://127.0.0.1:<port>/git/<name>}.
 *
 * <p>Every request needs HTTP Basic credentials whose password is the configured password; the user
 * name must match too unless it was configured as null. Requests without valid credentials get 401 with
 * a {@code WWW-Authenticate} challenge, as git hosts do. Fetch and push are both enabled, and
 * {@link #rejectPushes} makes the pre-receive hook refuse every pushed ref with a reason.
 *
 * <p>Needs JGit, {@code org.eclipse.jgit.http.server} and {@code jetty-ee10-servlet} on the test class
 * path: testkit declares them optional, so a module that uses this class declares them too. Thread
 * safety: every method may be called from any thread.
 */
public final class GitHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GitHttpServer.class);

    private final Server server;
    private final AtomicReference<String> pushRejection = new AtomicReference<>();
    private final AtomicInteger unauthorizedRequests = new AtomicInteger();
    private final String user;
    private final String password;

    private GitHttpServer(Path repositories, String user, String password) {
        this.user = user;
        this.password = Objects.requireNonNull(password, "password must not be null");
        this.server = new Server();

        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        GitServlet git = new GitServlet();
        git.setRepositoryResolver(new FileResolver<>(repositories.toFile(), true));
        git.setReceivePackFactory((request, repository) -> {
            ReceivePack receivePack = new ReceivePack(repository);
            receivePack.setPreReceiveHook((pack, commands) -> rejectIfConfigured(commands));
            return receivePack;
        });

        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new ServletHolder(git), "/git/*");
        context.addFilter(new FilterHolder(new BasicAuthFilter()), "/*", EnumSet.of(DispatcherType.REQUEST));
        server.setHandler(context);
    }

    /**
     * Starts a server on a free loopback port.
     *
     * @param repositories directory whose bare repositories are served by directory name
     * @param user the accepted user name, or null to accept any user name with the right password
     * @param password the accepted password, for example a token
     */
    public static GitHttpServer start(Path repositories, String user, String password) {
        GitHttpServer instance = new GitHttpServer(repositories, user, password);
        try {
            instance.server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the git HTTP server", e);
        }
        LOG.info("Git HTTP server serving {} at {}", repositories, instance.baseUrl());
        return instance;
    }

    /** Returns {@code http://127.0.0.1:<port>/git}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + port() + "/git";
    }

    /** Returns the URL of one repository, for example {@code url("project.git")}. */
    public String url(String repositoryName) {
        return baseUrl() + "/" + repositoryName;
    }

    /** Returns the port the server listens on. */
    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /**
     * Makes every later push fail in the pre-receive hook with a reason, or accepts pushes again.
     *
     * @param reason the message the client receives, or null to accept pushes
     */
    public void rejectPushes(String reason) {
        pushRejection.set(reason);
    }

    /** Returns how many requests were rejected with 401, including the challenge before credentials. */
    public int unauthorizedRequests() {
        return unauthorizedRequests.get();
    }

    /** Stops the server. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the git HTTP server", e);
        }
    }

    private void rejectIfConfigured(Iterable<ReceiveCommand> commands) {
        String reason = pushRejection.get();
        if (reason == null) {
            return;
        }
        for (ReceiveCommand command : commands) {
            command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason);
        }
    }

    private boolean authorized(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return false;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return false;
        }
        boolean userMatches = user == null || user.equals(decoded.substring(0, colon));
        return userMatches && password.equals(decoded.substring(colon + 1));
    }

    /** Rejects requests with 401 and a Basic challenge unless they carry the configured credentials. */
    private final class BasicAuthFilter extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            if (authorized(request.getHeader("Authorization"))) {
                chain.doFilter(request, response);
                return;
            }
            unauthorizedRequests.incrementAndGet();
            response.setHeader("WWW-Authenticate", "Basic realm=\"git\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
        }
    }
}
