package org.svp.source.x11;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.svp.client.ClientOptions;
import org.svp.client.SvpClient;
import org.svp.server.ServerConfig;
import org.svp.server.SvpServer;
import org.svp.source.x11.launch.Programs;
import org.svp.source.x11.launch.XServerProcess;

/**
 * A real X server started for a test class, an xterm on it, and an SVP server with the X11 source
 * plus a headless client. Test thread only. Close it in {@code @AfterAll}: it kills what it started.
 */
final class X11Fixture implements AutoCloseable {
    /** The xterm every test uses: fixed size, core font, no scroll bar, a plain prompt. */
    static final List<String> XTERM = List.of("xterm", "-geometry", "80x24+20+20", "-fn", "fixed", "+sb", "+j",
            "-bg", "white", "-fg", "black", "-e", "/bin/sh");

    final XServerProcess x;
    private final List<Process> programs = new ArrayList<>();
    SvpServer server;
    X11DisplaySource source;
    SvpClient client;

    private X11Fixture(XServerProcess x) {
        this.x = x;
    }

    static X11Fixture xvfb(int width, int height) {
        return new X11Fixture(XServerProcess.xvfb(width, height));
    }

    static X11Fixture xvnc(int width, int height) {
        return new X11Fixture(XServerProcess.xvnc(width, height, 0));
    }

    /** Starts the xterm and waits until it is on screen. */
    void startXterm() throws IOException, InterruptedException {
        startXterm(XTERM);
        tool("xdotool", "search", "--sync", "--onlyvisible", "--class", "xterm");
    }

    /**
     * Starts another xterm (on top of the windows there are: no window manager) and waits until it is
     * on screen.
     *
     * @param title its title, to find it by
     * @param geometry its X geometry, e.g. "40x30+300+0"
     * @return its window id
     */
    String startXterm(String title, String geometry) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(XTERM);
        command.set(command.indexOf("-geometry") + 1, geometry);
        command.addAll(1, List.of("-title", title));
        startXterm(command);
        return tool("xdotool", "search", "--sync", "--onlyvisible", "--name", "^" + title + "$").lines().findFirst()
                .orElseThrow();
    }

    private void startXterm(List<String> command) throws IOException {
        require("xterm", "xterm");
        require("xdotool", "xdotool");
        ProcessBuilder b = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        b.environment().put("DISPLAY", x.displayName());
        b.environment().put("PS1", "$ ");
        b.environment().put("ENV", "");
        programs.add(b.start());
    }

    /** Runs a tool on the display and waits for it (at most 20 s). */
    String tool(String... command) throws IOException, InterruptedException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().put("DISPLAY", x.displayName());
        Process p = b.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + new String(out));
        }
        return new String(out);
    }

    /** @return the X server's own picture of the screen */
    XwdImage xwd() throws IOException, InterruptedException {
        require("xwd", "x11-apps");
        ProcessBuilder b = new ProcessBuilder("xwd", "-root", "-silent", "-display", x.displayName());
        Process p = b.start();
        byte[] file = p.getInputStream().readAllBytes();
        p.waitFor(20, TimeUnit.SECONDS);
        return XwdImage.read(file);
    }

    /** Starts an SVP server with the X11 source and connects a full client (LZ4). */
    void serve(boolean detectScroll) throws Exception {
        serve(X11Options.of(x.displayName()).withScrollDetection(detectScroll));
    }

    /** Starts an SVP server with the X11 source as {@code options} say and connects a full client (LZ4). */
    void serve(X11Options options) throws Exception {
        source = new X11DisplaySource(options);
        server = new SvpServer(ServerConfig.of("127.0.0.1", 0, true), source);
        server.start();
        client = SvpClient.connect(ClientOptions.viewer("127.0.0.1", server.port()));
        client.screen().awaitStill(Duration.ofMillis(500), Duration.ofSeconds(20));
    }

    /** Stops the client and the server (the X server keeps running). */
    void stopServing() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (server != null) {
            server.close();
            server = null;
        }
    }

    static void require(String program, String debianPackage) {
        if (!Programs.installed(program)) {
            throw new AssertionError(program + " is not installed (apt-get install " + debianPackage + ")");
        }
    }

    @Override
    public void close() {
        stopServing();
        programs.forEach(Programs::stop);
        x.close();
    }
}
