package org.svp.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Options shared by {@code svp server} and {@code svp demo}. */
final class ServeOptions {
    @Option(names = "--source", defaultValue = "demo", description = "What to serve (default: ${DEFAULT-VALUE}): demo, x11:DISPLAY (an existing X display, e.g. x11::1 or "
                    + "x11:localhost:1), x11:new (a new Xvfb desktop of --geometry with a window manager and xterm), vrde:DIR"
                    + " (a VirtualBox VM, through the SVP VRDE module's directory; the module starts this)"
                    + ", vnc:HOST:PORT / vnc:unix:PATH (a VNC server, e.g. QEMU's -vnc; reconnects when it goes away)"
                    + " or replay:FILE (a recording made with --record, replayed with its timing from 1 s after the first"
                    + " client connects).")
    String source;

    @Option(names = "--vnc-password-file", paramLabel = "FILE",
            description = "With --source vnc:…: the VNC server's password (first line of FILE; RFB uses at most 8 characters).")
    java.nio.file.Path vncPasswordFile;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default: ${DEFAULT-VALUE}; 0.0.0.0 serves other machines and needs"
                    + " --password-file, or --insecure-no-auth).")
    String bind;

    @Option(names = "--port", defaultValue = "5678", description = "Base port: main channel; others use +1..+4 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--ports", paramLabel = "LIST",
            description = "Candidate base ports, e.g. 3389 or 5000,5010-5012: the first whose channel ports are all free"
                    + " is used (overrides --port).")
    String ports;

    @Option(names = "--single-port", description = "Serve every channel on the base port.")
    boolean singlePort;

    @Option(names = "--geometry", defaultValue = "1280x800", description = "Screen size WxH of the demo or of x11:new (default: ${DEFAULT-VALUE}).")
    String geometry;

    @Option(names = "--demo-frames", defaultValue = "-1",
            description = "Play N frames of the demo script, then stay still (default: ${DEFAULT-VALUE} = animate forever).")
    int demoFrames;

    @Option(names = "--demo-fps", defaultValue = "30", description = "Demo frames per second, 0 = as fast as possible (default: ${DEFAULT-VALUE}).")
    int demoFps;

    @Option(names = "--save-final", paramLabel = "FILE.png",
            description = "With --demo-frames: write the server's framebuffer to FILE.png after the last frame.")
    java.nio.file.Path saveFinal;

    @Option(names = "--record", paramLabel = "FILE",
            description = "Also write everything the screen source sends to FILE: a recording, which the source"
                    + " replay:FILE serves again with its timing and svp bench replay measures the server on.")
    java.nio.file.Path record;

    @Option(names = "--stats-on-stdin", hidden = true,
            description = "For svp bench x11: answer each line 'stats' on stdin with one line of server counters on stdout.")
    boolean statsOnStdin;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Clients must prove (SCRAM-SHA-256) they know the first line of FILE; they may control.")
    java.nio.file.Path passwordFile;

    @Option(names = "--view-password-file", paramLabel = "FILE",
            description = "A second password (first line of FILE) for view-only clients: their input is dropped.")
    java.nio.file.Path viewPasswordFile;

    @Option(names = "--allow-v1",
            description = "Also serve v1 clients (no token, no authentication); their channels must follow a v1 main"
                    + " connection from the same address within 10 s. svp demo allows them unless a password is set.")
    boolean allowV1;

    @Option(names = "--shared", description = "Every control client sends input, not only the first.")
    boolean shared;

    @Option(names = "--insecure-no-auth",
            description = "Serve a non-loopback address without a password (anyone who reaches the ports can watch and type).")
    boolean insecureNoAuth;

    @Option(names = "--quality", paramLabel = "LEVEL", defaultValue = "auto",
            description = "Lossy coding of photographic regions, refreshed losslessly when still: lossless (none), high, "
                    + "medium, low or auto (default: ${DEFAULT-VALUE}); a client may ask for its own level.")
    String quality;

    @Option(names = "--encoder-threads", defaultValue = "0", description = "Encoder workers, 0 = one per core (default: ${DEFAULT-VALUE}).")
    int encoderThreads;

    @Mixin
    StateDir stateDir = new StateDir();

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "The server's TLS certificate chain (PEM), with --tls-key; default: a self-signed certificate"
                    + " made at first start and kept in the state directory.")
    java.nio.file.Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The private key of --tls-cert (PEM: PKCS#8, or an EC/RSA key).")
    java.nio.file.Path tlsKey;

    @Option(names = "--no-tls", description = "Offer no TLS and accept v2 sessions in plain text (tests and trusted links only).")
    boolean noTls;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "1024",
            description = "Connections open at once in all; more are closed at accept (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--max-connections-per-address", paramLabel = "N", defaultValue = "64",
            description = "Connections open at once from one IP address (a v1 client uses 4; default: ${DEFAULT-VALUE}).")
    int maxConnectionsPerAddress;
}
