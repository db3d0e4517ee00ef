package dev.agenticore.app;

import io.javalin.Javalin;

/** A bare Javalin hello-world, the baseline of the job read throughput benchmark. */
final class HelloServer {
    private HelloServer() {}

    /** Serves {@code GET /jobs/{id}} with a fixed small JSON body on the port given as the only argument. */
    public static void main(String[] args) {
        Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.get(
                            "/jobs/{id}",
                            ctx -> ctx.contentType("application/json").result("{\"success\":true,\"job\":{}}"));
                })
                .start("127.0.0.1", Integer.parseInt(args[0]));
    }
}
