package org.svp.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code svp} command line. Sets up logging, then hands over to picocli. Errors a user can fix
 * are printed as one line ("svp: ...") with exit code 1; usage errors exit 2; no stack traces unless
 * {@code SVP_DEBUG=1}.
 */
@Command(name = "svp", mixinStandardHelpOptions = true, version = "svp 0.1.0",
        description = "SVP (Simple Virtualization Protocol): serve and view remote desktops.",
        subcommands = {SnapshotCommand.class, TypeCommand.class,
            ViewCommand.class, BenchCommand.class, ExtpackCommand.class, VrdeSimCommand.class})
public final class Main {
    private Main() {
    }

    private static CommandLine withDescription(CommandLine cmd, String description) {
        cmd.getCommandSpec().usageMessage().description(description);
        return cmd;
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        Logging.configure();
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("demo", withDescription(new CommandLine(new ServeCommand(true)),
                "Serve the built-in demo desktop on 127.0.0.1:5678 and print how to view it."));
        cli.addSubcommand("server", withDescription(new CommandLine(new ServeCommand(false)),
                "Serve a desktop over SVP. Prints one line per listening channel, then 'ready'."));
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (System.getenv("SVP_DEBUG") != null) {
                e.printStackTrace();
            }
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            cmd.getErr().println("svp: " + msg);
            return 1;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("svp: " + e.getMessage());
            cmd.getErr().println("(see 'svp " + cmd.getCommandSpec().qualifiedName(" ").replaceFirst("^svp ?", "")
                    + " --help')");
            return 2;
        });
        int code = cli.execute(args);
        System.exit(code);
    }
}
