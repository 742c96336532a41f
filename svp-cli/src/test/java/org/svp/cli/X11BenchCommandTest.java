package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code svp bench x11 --peer}: repeatable, each peer once in the order given, an unknown one a one-line usage error. */
class X11BenchCommandTest {

    private static X11BenchCommand parse(String... args) {
        X11BenchCommand cmd = new X11BenchCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test
    void peerIsRepeatable() {
        assertThat(parse("--peer", "tigervnc", "--peer", "freerdp").peers()).containsExactly("tigervnc", "freerdp");
        assertThat(parse("--peer", "freerdp").peers()).containsExactly("freerdp");
        assertThat(parse("--peer", "freerdp", "--peer", "tigervnc", "--peer", "freerdp").peers())
                .containsExactly("freerdp", "tigervnc");
        assertThat(parse().peers()).isEmpty();
    }

    @Test
    void anUnknownPeerIsAUsageErrorInOneLine() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new String[] {"bench", "x11", "--peer", "tigervnc", "--peer", "rdp"}, new PrintWriter(out, true),
                new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString().lines().toList()).hasSize(1).first().asString()
                .startsWith("svp: --peer must be tigervnc or freerdp, got 'rdp'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpNamesBothPeersAndRunF() {
        StringWriter out = new StringWriter();
        Main.run(new String[] {"bench", "x11", "--help"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true));
        assertThat(out.toString().replaceAll("\\s+", " ")).contains("--peer=PEER", "tigervnc, freerdp; repeatable",
                "xfreerdp /gfx:AVC420");
    }
}
