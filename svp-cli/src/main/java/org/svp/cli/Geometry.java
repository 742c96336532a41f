package org.svp.cli;

import picocli.CommandLine.ParameterException;
import picocli.CommandLine;

/**
 * A "WxH" screen size from the command line.
 *
 * @param width columns
 * @param height rows
 */
record Geometry(int width, int height) {
    static Geometry parse(CommandLine cmd, String text) {
        String[] p = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (p.length == 2) {
                int w = Integer.parseInt(p[0]);
                int h = Integer.parseInt(p[1]);
                if (w >= 64 && h >= 64 && w <= 8192 && h <= 8192) {
                    return new Geometry(w, h);
                }
            }
        } catch (NumberFormatException e) {
            // fall through to the usage error
        }
        throw new ParameterException(cmd, "--geometry must be WxH with sides 64..8192, got '" + text + "'");
    }
}
