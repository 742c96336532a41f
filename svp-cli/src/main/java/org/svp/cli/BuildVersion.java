package org.svp.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code svp --version}: the version of this build (e.g. 0.1.0-SNAPSHOT), from
 * {@code version.properties}, which Maven fills in from the POM when it copies the resources.
 */
final class BuildVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"svp " + version()};
    }

    /** @return the build's version, or "unknown" if the resource is missing (a build outside Maven) */
    static String version() {
        Properties p = new Properties();
        try (InputStream in = BuildVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
