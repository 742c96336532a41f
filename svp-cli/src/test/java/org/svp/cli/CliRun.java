package org.svp.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One in-process run of the {@code svp} command ({@link Main#run}) with its output captured: the
 * CLI tests' way to run a command and look at its exit code and its two streams.
 *
 * @param code the exit code
 * @param out what it printed on standard output
 * @param err what it printed on standard error
 */
record CliRun(int code, String out, String err) {
    /**
     * @param args the command line after {@code svp}
     * @return how it ended
     */
    static CliRun svp(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(code, out.toString(), err.toString());
    }

    /** @return standard error, line by line */
    java.util.List<String> errLines() {
        return err.lines().toList();
    }
}
