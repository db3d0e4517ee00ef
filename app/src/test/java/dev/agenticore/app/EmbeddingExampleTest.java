package dev.agenticore.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Compiles the embedding example of the documentation and runs it, so the docs cannot drift. */
@Timeout(60)
class EmbeddingExampleTest {
    private static final Path EXAMPLE = Path.of("..", "docs", "examples", "EmbeddedAgenticore.java");

    @TempDir
    Path classes;

    @Test
    void embeddingExampleCompilesAndRunsAJob() throws Exception {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

        int result = compiler.run(
                null,
                null,
                diagnostics,
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                EXAMPLE.toString());

        assertThat(result).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
        String output = runMain();
        assertThat(output).isEqualTo("succeeded: Done: count the files" + System.lineSeparator());
    }

    private String runMain() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            loader.loadClass("EmbeddedAgenticore")
                    .getMethod("main", String[].class)
                    .invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
