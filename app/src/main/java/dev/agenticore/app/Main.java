package dev.agenticore.app;

import dev.agenticore.app.cli.CancelCommand;
import dev.agenticore.app.cli.CompletionCommand;
import dev.agenticore.app.cli.JobCommand;
import dev.agenticore.app.cli.JobsCommand;
import dev.agenticore.app.cli.ProfilesCommand;
import dev.agenticore.app.cli.RunCommand;
import dev.agenticore.app.cli.StatusCommand;
import dev.agenticore.app.cli.SyncCommand;
import dev.agenticore.app.cli.WorktreesCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code agenticore} command. */
@Command(
        name = "agenticore",
        mixinStandardHelpOptions = true,
        versionProvider = Version.Provider.class,
        description = "Turns coding tasks into pull requests by running Claude Code headless.",
        subcommands = {
            ServeCommand.class,
            McpCommand.class,
            VersionCommand.class,
            RunCommand.class,
            JobsCommand.class,
            JobCommand.class,
            CancelCommand.class,
            ProfilesCommand.class,
            WorktreesCommand.class,
            StatusCommand.class,
            SyncCommand.class,
            CompletionCommand.class,
            DrainCommand.class
        })
public final class Main implements Runnable {

    /** Runs the command line and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** Returns the configured command line, for tests that run commands in-process. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((e, cmd, parseResult) -> {
            cmd.getErr().println("Error: " + e.getMessage());
            return 1;
        });
        commandLine.setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            command.getErr()
                    .println("Error: " + e.getMessage() + "; run '"
                            + command.getCommandSpec().qualifiedName() + " --help' for the options");
            return 2;
        });
        return commandLine;
    }

    @Override
    public void run() {
        CommandLine.usage(this, System.out);
    }
}
