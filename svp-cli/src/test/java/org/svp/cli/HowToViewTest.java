package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.svp.source.DisplaySink;
import org.svp.source.DisplaySource;
import org.svp.source.InputSink;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;
import picocli.CommandLine;

/** What {@code svp demo} prints: the Notes hint only for the demo desktop, which has a Notes window. */
class HowToViewTest {
    private static String hint(String[] args, DisplaySource source) {
        ServeOptions o = new ServeOptions();
        new CommandLine(o).parseArgs(args);
        StringWriter sw = new StringWriter();
        Serving.howToView(new PrintWriter(sw, true), o, source, o.port);
        return sw.toString();
    }

    @Test
    void theDemoSourceGetsTheTypingHint() {
        String text = hint(new String[0], new DemoDisplaySource(new DemoOptions(640, 480, 1, 30)));
        assertThat(text).startsWith("Serving the demo desktop. To look at it:")
                .contains("./svp snapshot 127.0.0.1 screen.png", "./svp type 127.0.0.1 'hello'",
                        "types into the demo's Notes window");
    }

    @Test
    void anX11DesktopGetsNoNotesHint() {
        DisplaySource x11 = new DisplaySource() {
            @Override
            public void start(DisplaySink sink) {
            }

            @Override
            public InputSink input() {
                return null;
            }

            @Override
            public String name() {
                return "x11::7";
            }

            @Override
            public void close() {
            }
        };
        String text = hint(new String[] {"--port", "6000", "--source", "x11:new"}, x11);
        assertThat(text).startsWith("Serving x11::7. To look at it:")
                .contains("./svp view 127.0.0.1:6000", "./svp snapshot 127.0.0.1:6000 screen.png")
                .doesNotContain("Notes").doesNotContain("./svp type");
    }
}
