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
        subcommands = {DemoCommand.class, ServerCommand.class, SnapshotCommand.class, TypeCommand.class,
            BenchCommand.class})
public final class Main {
    private Main() {
    }

    /**
     * @param args the command line
     */
    public static void main(String[] args) {
        Logging.configure();
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (System.getenv("SVP_DEBUG") != null) {
                e.printStackTrace();
            }
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            cmd.getErr().println("svp: " + msg);
            return 1;
        });
        int code = cli.execute(args);
        System.exit(code);
    }
}
