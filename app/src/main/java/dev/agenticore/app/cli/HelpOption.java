package dev.agenticore.app.cli;

import picocli.CommandLine.Option;

/** The {@code -h}/{@code --help} option of the client commands, which have no version option of their own. */
public final class HelpOption {
    @Option(
            names = {"-h", "--help"},
            usageHelp = true,
            description = "Show this help message and exit.")
    boolean help;
}
