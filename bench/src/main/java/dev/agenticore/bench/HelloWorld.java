package dev.agenticore.bench;

import io.javalin.Javalin;

/** The baseline server: bare Javalin answering {@code GET /hello} with a short text. */
public final class HelloWorld {
    private HelloWorld() {}

    /** Starts on the port given as the only argument. */
    public static void main(String[] args) {
        Javalin.create(config -> {
                    config.startup.showJavalinBanner = false;
                    config.routes.get("/hello", ctx -> ctx.result("Hello World"));
                })
                .start("127.0.0.1", Integer.parseInt(args[0]));
    }
}
