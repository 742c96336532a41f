package org.svp.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.protocol.keyboard.UsKeyboardLayout;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code svp type}: send the key strokes (set-1 scancodes, US layout) of a text. */
@Command(name = "type", mixinStandardHelpOptions = true,
        description = "Type TEXT on the server's keyboard (US layout, PC/AT set-1 scancodes).")
final class TypeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ClientAuthOptions auth = new ClientAuthOptions();

    @picocli.CommandLine.Mixin
    ClientTls tls = new ClientTls();

    @Parameters(index = "0", paramLabel = "HOST[:PORT]", description = "Server (default port 5678).")
    String target;

    @Parameters(index = "1", paramLabel = "TEXT", description = "What to type; \\n is Enter.")
    String text;

    @Option(names = "--delay-ms", defaultValue = "5", description = "Pause between key strokes, ms (default: ${DEFAULT-VALUE}).")
    int delayMs;

    @Override
    public Integer call() throws Exception {
        String t = text.replace("\\n", "\n").replace("\\t", "\t");
        List<UsKeyboardLayout.Stroke> strokes = new ArrayList<>();
        for (char c : t.toCharArray()) {
            strokes.add(UsKeyboardLayout.strokeFor(c).orElseThrow(() -> new picocli.CommandLine.ParameterException(
                    spec.commandLine(), "cannot type '" + c + "' (U+" + String.format("%04X", (int) c)
                            + ") on a US keyboard")));
        }
        Object[] hp = Targets.parse(spec.commandLine(), target);
        ClientOptions o = ClientOptions.inputOnly((String) hp[0], (Integer) hp[1])
                .withTransport(tls.transport(spec.commandLine().getErr()));
        try (SvpClient client = SvpClient.connect(o, auth.source(spec.commandLine()))) {
            for (UsKeyboardLayout.Stroke s : strokes) {
                if (s.shift()) {
                    client.key(true, UsKeyboardLayout.LEFT_SHIFT);
                }
                client.key(true, s.scancode());
                client.key(false, s.scancode());
                if (s.shift()) {
                    client.key(false, UsKeyboardLayout.LEFT_SHIFT);
                }
                if (delayMs > 0) {
                    Thread.sleep(delayMs);
                }
            }
            client.flushInput();
        }
        spec.commandLine().getOut().printf("typed %d characters%n", strokes.size());
        return 0;
    }
}
