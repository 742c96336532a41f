package org.svp.client.swing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.svp.client.swing.x11.XDisplay;
import org.svp.server.ServerConfig;
import org.svp.server.ServerSecurity;
import org.svp.server.SvpServer;
import org.svp.server.auth.ScramParameters;
import org.svp.server.auth.ServerCredentials;
import org.svp.source.demo.DemoDisplaySource;
import org.svp.source.demo.DemoDisplaySource.DemoOptions;

/**
 * The viewer against a server with a password, in a child JVM under Xvfb: a wrong --password-file is
 * shown in the banner ("wrong password") and not retried; without a file the viewer asks in its
 * password dialog, and the password typed there (xdotool) connects it.
 */
@Timeout(120)
class ViewerPasswordTest {
    private static final String PASSWORD = "open sesame";

    private static SvpServer server() throws Exception {
        ServerSecurity sec = new ServerSecurity(false, false,
                ServerCredentials.of(ScramParameters.random(), PASSWORD, null, null));
        SvpServer s = new SvpServer(ServerConfig.of("127.0.0.1", 0, true).withSecurity(sec),
                new DemoDisplaySource(new DemoOptions(640, 480, 1, 30)));
        s.start();
        return s;
    }

    private static Process viewer(XDisplay display, int port, String... extra) throws Exception {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, ViewerLauncher.class.getName(), "127.0.0.1",
                String.valueOf(port), "1:1", "window"));
        cmd.addAll(List.of(extra));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display.name());
        return pb.start();
    }

    private static List<String> collect(Process p) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (java.io.IOException e) {
                // gone
            }
        });
        return lines;
    }

    private static String await(List<String> lines, String prefix, String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            for (String l : lines) {
                if (l.startsWith(prefix) && l.contains(text)) {
                    return l;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line '" + prefix + "…" + text + "' within " + timeout + "; viewer printed: " + lines);
    }

    @Test
    void wrongPasswordFileIsShownInTheBanner(@TempDir Path dir) throws Exception {
        Path pw = Files.writeString(dir.resolve("pw"), "not it\n");
        try (XDisplay display = XDisplay.start(); SvpServer server = server()) {
            Process p = viewer(display, server.port(), pw.toString());
            try {
                List<String> lines = collect(p);
                String banner = await(lines, "banner ", "wrong password", Duration.ofSeconds(40));
                assertThat(banner).contains("authentication failed: wrong password").doesNotContain("not it");
                Thread.sleep(1500);
                assertThat(lines.getLast()).as("a wrong password file is not retried").isEqualTo(banner);
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void withoutAFileTheViewerAsksInADialog() throws Exception {
        try (XDisplay display = XDisplay.start(); SvpServer server = server()) {
            Process p = viewer(display, server.port());
            try {
                List<String> lines = collect(p);
                String dialog = display.run("xdotool", "search", "--sync", "--name", "^SVP: password for")
                        .lines().findFirst().orElseThrow();
                display.run("xdotool", "windowfocus", "--sync", dialog);
                // without a window manager, a click gives AWT the focus (the dialog then focuses its field)
                display.run("xdotool", "mousemove", "--window", dialog, "8", "8", "click", "1");
                // AWT moves the focus into the field asynchronously: keys typed before that are lost and
                // Return sends an empty password (a CI run on a busy machine lost them after 300 ms)
                Thread.sleep(1500);
                display.run("xdotool", "type", "--delay", "20", PASSWORD);
                display.run("xdotool", "key", "Return");
                await(lines, "canvas ", " 640 480", Duration.ofSeconds(40));
                await(lines, "banner ", "none", Duration.ofSeconds(10));
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
