package org.svp.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code svp} command line. Sets up logging, then hands over to picocli. Errors a user can fix
 * are printed as one line ("svp: ...") with exit code 1; usage errors as one line with exit code 2; no
 * stack traces unless {@code SVP_DEBUG=1}. {@code svp} alone prints the usage and exits 2.
 */
@Command(name = "svp", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class,
        description = "SVP (Simple Virtualization Protocol): serve and view remote desktops.",
        subcommands = {SnapshotCommand.class, TypeCommand.class, TicketCommand.class,
            ViewCommand.class, BenchCommand.class, ExtpackCommand.class, VrdeSimCommand.class})
public final class Main implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private Main() {
    }

    /** {@code svp} without a command: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
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
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int code = run(args, out, err);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command line (tests call this in-process; {@code svp server}/{@code demo} block until
     * stopped).
     *
     * @param args the command line
     * @param out standard output
     * @param err standard error
     * @return the exit code: 0 ok, 1 runtime failure, 2 usage error
     */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLine();
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    /** @return the whole command tree with the error handlers */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand("demo", withDescription(new CommandLine(new ServeCommand(true)),
                "Serve the built-in demo desktop on 127.0.0.1:5678 and print how to view it."));
        cli.addSubcommand("server", withDescription(new CommandLine(new ServeCommand(false)),
                "Serve a desktop over SVP. Prints one line per listening channel, then 'ready'."));
        cli.addSubcommand("test", new CommandLine(new TestCommand()));
        cli.addSubcommand("vm", VmCommand.commandLine());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (System.getenv("SVP_DEBUG") != null) {
                e.printStackTrace();
            }
            if (e instanceof CommandLine.ParameterException pe) { // thrown from call(): a usage error too
                return usageError(pe);
            }
            String msg = e.getMessage() == null ? e.toString() : e.getMessage();
            cmd.getErr().println("svp: " + msg.lines().findFirst().orElse(msg));
            return 1;
        });
        cli.setParameterExceptionHandler((e, a) -> usageError(e));
        return cli;
    }

    /** One line: the problem and where the help is. */
    private static int usageError(CommandLine.ParameterException e) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName(" ");
        String msg = e.getMessage() == null ? e.toString() : e.getMessage();
        cmd.getErr().println("svp: " + msg.lines().findFirst().orElse(msg) + " (see '" + name + " --help')");
        return 2;
    }
}
