package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code svp vrde-sim}'s usage errors: a bad script or module file is refused before anything loads. */
class VrdeSimCommandTest {
    @TempDir
    Path tmp;

    private int run(StringWriter err, String... args) {
        CommandLine cli = new CommandLine(new VrdeSimCommand());
        cli.setErr(new PrintWriter(err, true));
        cli.setOut(new PrintWriter(new StringWriter(), true));
        return cli.execute(args);
    }

    @Test
    void badScriptLineIsAUsageErrorNamingTheLine() throws Exception {
        Path script = Files.writeString(tmp.resolve("bad.vrdesim"), "resize 64 64 32\nsolidrect 1 2 3\n");
        StringWriter err = new StringWriter();
        assertThat(run(err, script.toString(), "--module", tmp.resolve("none.so").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("bad.vrdesim:2: solidrect: takes 5 arguments, got 3");
    }

    @Test
    void missingScriptAndMissingModuleAreUsageErrors() {
        StringWriter err = new StringWriter();
        assertThat(run(err, tmp.resolve("nope.vrdesim").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no script file");
        StringWriter err2 = new StringWriter();
        assertThat(run(err2, "--module", tmp.resolve("none.so").toString())).isEqualTo(2);
        assertThat(err2.toString()).contains("no module file");
    }

    @Test
    void moduleAndPackExcludeEachOther() {
        StringWriter err = new StringWriter();
        assertThat(run(err, "--module", "a.so", "--pack", "b.vbox-extpack")).isEqualTo(2);
        assertThat(err.toString()).contains("mutually exclusive");
    }
}
