package org.svp.cli;

import org.svp.source.DisplaySource;
import org.svp.source.x11.X11DisplaySource;
import org.svp.source.x11.X11Options;
import org.svp.source.x11.launch.NewDesktop;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * Builds the X11 source from {@code --source x11:DISPLAY} or {@code x11:new} (which starts its own
 * Xvfb desktop, stopped when the source closes: at shutdown, from the CLI's shutdown hook).
 */
final class X11Sources {
    private X11Sources() {
    }

    static DisplaySource create(CommandLine cmd, String display, String geometry) {
        if (display.equals("new")) {
            Geometry g = Geometry.parse(cmd, geometry);
            NewDesktop desktop = NewDesktop.start(g.width(), g.height());
            return new X11DisplaySource(X11Options.of(desktop.displayName()), desktop);
        }
        try {
            return new X11DisplaySource(X11Options.of(X11Options.displayName(display)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, e.getMessage());
        }
    }
}
