package dev.agenticore.app;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code agenticore version}: prints the version. */
@Command(mixinStandardHelpOptions = true, name = "version", description = "Print the version and exit.")
final class VersionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().println("agenticore " + Version.current());
        return 0;
    }
}
