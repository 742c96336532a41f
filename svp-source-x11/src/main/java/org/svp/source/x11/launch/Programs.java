package org.svp.source.x11.launch;

import java.io.File;
import java.util.concurrent.TimeUnit;

/** Finding programs on the PATH and stopping child processes. Stateless; any thread. */
public final class Programs {
    private Programs() {
    }

    /**
     * @param name a program name
     * @return whether it is an executable file in a PATH directory
     */
    public static boolean installed(String name) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (new File(dir, name).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Terminates a process, kills it if it has not exited after 3 s, and waits for it.
     *
     * @param p a child process (may have exited already)
     */
    public static void stop(Process p) {
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(3, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                p.waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
