package org.svp.cli;

import java.util.concurrent.Callable;
import org.svp.client.ClientOptions;
import org.svp.client.swing.SvpViewer;
import org.svp.client.swing.ViewerOptions;
import org.svp.client.swing.ui.RecentHosts;
import org.svp.client.swing.view.ScaleMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code svp view}: the desktop viewer (docs/viewer.md). Returns when its window is closed. */
@Command(name = "view", mixinStandardHelpOptions = true,
        description = "Open the desktop viewer. Without HOST a connect dialog offers the recent hosts.")
final class ViewCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Mixin
    ClientAuthOptions auth = new ClientAuthOptions();

    @picocli.CommandLine.Mixin
    ClientTls tls = new ClientTls();

    @Parameters(index = "0", arity = "0..1", paramLabel = "HOST[:PORT]", description = "Server (default port 5678).")
    String target;

    @Option(names = "--fullscreen", description = "Start in full screen (toggle: Ctrl+Alt+Shift+F).")
    boolean fullScreen;

    @Option(names = "--scale", defaultValue = "fit", paramLabel = "fit|1:1",
            description = "Scale the screen to the window (fit) or show it 1:1 with scrollbars (default: ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--report-geometry", hidden = true,
            description = "Print 'canvas X Y W H SCALE' whenever the picture moves and 'banner TEXT|none' when the lost-connection banner changes (tests).")
    boolean reportGeometry;

    @Override
    public Integer call() throws Exception {
        ScaleMode mode;
        try {
            mode = ScaleMode.parse(scale);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        String host = null;
        int port = ClientOptions.DEFAULT_PORT;
        if (target != null) {
            Object[] hp = Targets.parse(spec.commandLine(), target);
            host = (String) hp[0];
            port = (Integer) hp[1];
        }
        String password = PasswordFiles.read(spec.commandLine(), "--password-file", auth.passwordFile);
        return SvpViewer.run(new ViewerOptions(host, port, fullScreen, mode, RecentHosts.defaultFile(), reportGeometry,
                password, tls.transport(spec.commandLine().getErr())));
    }
}
