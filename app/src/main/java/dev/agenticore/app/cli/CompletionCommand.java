package dev.agenticore.app.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code agenticore completion}: prints the shell completion script that picocli generates from the
 * command definitions. The script works in bash, and in zsh through zsh's {@code bashcompinit}.
 */
@Command(
        name = "completion",
        description = {
            "Print a bash and zsh completion script for agenticore.",
            "Load it in the current shell with: source <(agenticore completion)"
        })
public final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Override
    public Integer call() {
        String script = AutoComplete.bash(spec.root().name(), spec.root().commandLine());
        spec.commandLine().getOut().print(script);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
