package dev.agenticore.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agenticore serve}: runs the server until SIGTERM or SIGINT. */
@Command(
        mixinStandardHelpOptions = true,
        name = "serve",
        description = "Start the server: REST API, job worker and file store.")
final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = "--host", description = "Address to bind (default: AGENTICORE_HOST or 127.0.0.1).")
    String host;

    @Option(names = "--port", description = "Port to bind (default: AGENTICORE_PORT or 8200; 0 picks a free one).")
    Integer port;

    @Option(names = "--config", description = "YAML configuration file (default: $AGENTICORE_HOME/config.yml).")
    Path config;

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig serverConfig;
        try {
            serverConfig = ServerConfig.load(System.getenv(), config).withAddress(host, port);
        } catch (ConfigException | IllegalArgumentException e) {
            spec.commandLine().getErr().println("Error: invalid configuration: " + e.getMessage());
            return 2;
        }
        AgenticoreServer server;
        try {
            server = AgenticoreServer.create(serverConfig);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("Error: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.close();
                            stopped.countDown();
                        },
                        "agenticore-shutdown"));
        server.start();
        stopped.await();
        return 0;
    }
}
