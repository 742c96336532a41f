package org.svp.cli;

import java.nio.file.Path;
import org.svp.source.DisplaySource;
import org.svp.source.vnc.VncDisplaySource;
import org.svp.source.vnc.VncTarget;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** Builds the VNC source from {@code --source vnc:HOST:PORT [--vnc-password-file F]}. */
final class VncSources {
    private VncSources() {
    }

    static DisplaySource create(CommandLine cmd, String spec, Path passwordFile) {
        VncTarget target;
        try {
            target = VncTarget.parse(spec);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, e.getMessage());
        }
        return new VncDisplaySource(target, PasswordFiles.read(cmd, "--vnc-password-file", passwordFile));
    }
}
