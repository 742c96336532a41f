package org.svp.vm.qemu;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.svp.protocol.error.UpstreamException;
import org.svp.vm.host.HostCommand;
import org.svp.vm.host.ScratchDir;

/**
 * A running QEMU: its VNC server on 127.0.0.1:5900+display, its first serial port written to a log
 * file, its QMP socket, all in a private scratch directory. {@link #start} returns once the VNC port
 * greets (the guest may still be booting: {@link #awaitSerial} waits for a line of its boot).
 * QEMU is started under {@code setpriv --pdeathsig TERM} when util-linux's setpriv is there, so it
 * ends with the thread that started it even if this JVM is killed; {@link #close()} stops it
 * normally. Control methods are called from one thread; {@link #exited()} completes on the JDK's
 * process-reaper thread.
 */
public final class QemuVm implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(QemuVm.class);
    /** How long QEMU may take to open its VNC port (it does so before the guest runs). */
    static final Duration VNC_TIMEOUT = Duration.ofSeconds(30);
    /** Starts tried when the picked display was taken by someone else meanwhile. */
    private static final int ATTEMPTS = 5;
    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration QMP_TIMEOUT = Duration.ofSeconds(10);
    /**
     * The built-in guest's init writes its first serial line 2–4 s after QEMU starts under a working
     * KVM (10–20 s under TCG). A nested host where /dev/kvm opens and QEMU starts, but the guest's
     * kernel hangs on entering protected mode (seen here: nothing after "Probing EDD"), shows nothing
     * at all: after this long the guest is started again under TCG.
     */
    static final Duration KVM_BOOT_PROBE = Duration.ofSeconds(15);
    /** Set once KVM hung a built-in guest: later starts in this JVM go straight to TCG. */
    private static volatile boolean kvmHangs;

    private final Process process;
    private final Path dir;
    private final int display;
    private final QemuOptions options;

    private QemuVm(Process process, Path dir, int display, QemuOptions options) {
        this.process = process;
        this.dir = dir;
        this.display = display;
        this.options = options;
    }

    /**
     * @param o what to boot
     * @param display the VNC display to use, or -1 for a free one
     * @return the VM, its VNC port answering
     * @throws UpstreamException naming qemu-system-x86 if QEMU is missing, or with QEMU's own last
     *     error line if it exits at start with every accelerator tried ({@link QemuOptions#fallback}:
     *     a /dev/kvm that opens does not mean KVM runs this guest — a nested host refused the host CPU
     *     model's MSRs and QEMU aborted)
     */
    public static QemuVm start(QemuOptions options, int display) {
        QemuOptions o = kvmHangs && options.kvm() ? options.tcg() : options;
        HostCommand.require(QemuCommandLine.PROGRAM, "qemu-system-x86");
        Path dir;
        try {
            dir = Files.createTempDirectory("svp-vm-");
        } catch (IOException e) {
            throw new UpstreamException("cannot create the VM's scratch directory: " + e.getMessage(), e);
        }
        try {
            for (int attempt = 1; ; attempt++) {
                int d = display >= 0 ? display : VncDisplays.free();
                QemuVm vm = launch(o, d, dir);
                String failure = vm.awaitVnc();
                if (failure == null && o.kvm() && o.guest() != null && !vm.awaitSerialOutput(KVM_BOOT_PROBE)) {
                    vm.kill();
                    kvmHangs = true;
                    LOG.warn("the guest printed nothing in {} s under {}: this host's KVM does not run it; using TCG",
                            KVM_BOOT_PROBE.toSeconds(), o.accelerator());
                    o = o.tcg();
                    continue;
                }
                if (failure == null) {
                    LOG.debug("QEMU (pid {}) serves VNC on 127.0.0.1:{} ({})", vm.pid(), vm.vncPort(),
                            o.accelerator());
                    return vm;
                }
                boolean taken = failure.contains("Address already in use");
                if (!taken && o.fallback() != null) {
                    LOG.warn("QEMU with {} {}; trying {}", o.accelerator(), failure, o.fallback().accelerator());
                    o = o.fallback();
                    continue;
                }
                if (!taken || display >= 0 || attempt >= ATTEMPTS) {
                    throw new UpstreamException(QemuCommandLine.PROGRAM + " " + failure, null);
                }
            }
        } catch (RuntimeException e) {
            ScratchDir.delete(dir);
            throw e;
        }
    }

    private static QemuVm launch(QemuOptions o, int display, Path dir) {
        List<String> cmd = new ArrayList<>();
        if (HostCommand.installed("setpriv")) {
            cmd.addAll(List.of("setpriv", "--pdeathsig", "TERM", "--"));
        }
        cmd.addAll(QemuCommandLine.build(o, display, dir.resolve("serial.log"), dir.resolve("qmp.sock")));
        try {
            Files.deleteIfExists(dir.resolve("serial.log"));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("qemu.log").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            return new QemuVm(p, dir, display, o);
        } catch (IOException e) {
            throw new UpstreamException("cannot start " + QemuCommandLine.PROGRAM + ": " + e.getMessage(), e);
        }
    }

    /**
     * Waits until this QEMU answers on QMP that its VNC server is on, and the port greets. QMP first:
     * QEMU answers it only from its main loop, after it has bound the VNC port, so a greeting from
     * another server on a port this QEMU failed to bind is not taken for ours.
     *
     * @return null once ready; else why not (QEMU exited, or the time ran out)
     */
    private String awaitVnc() {
        long deadline = System.nanoTime() + VNC_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return "exited at start (status " + exitStatus() + "): " + HostCommand.lastLine(dir.resolve("qemu.log"));
            }
            if (vncEnabled() && process.isAlive() && VncDisplays.greets(vncPort())) {
                return null;
            }
            sleep(POLL);
        }
        kill();
        return "did not open its VNC port " + vncPort() + " within " + VNC_TIMEOUT.toSeconds() + " s";
    }

    private boolean vncEnabled() {
        Path qmp = dir.resolve("qmp.sock");
        try {
            return Files.exists(qmp) && QmpClient.execute(qmp, "{\"execute\":\"query-vnc\"}", QMP_TIMEOUT)
                    .replace(" ", "").contains("\"enabled\":true");
        } catch (IOException e) {
            return false; // not up yet, or exiting
        }
    }

    /** @return the options QEMU runs with: the caller's, or the fallback that started */
    public QemuOptions options() {
        return options;
    }

    /** @return the VNC display number */
    public int vncDisplay() {
        return display;
    }

    /** @return the VNC server's TCP port on 127.0.0.1 */
    public int vncPort() {
        return VncDisplays.BASE_PORT + display;
    }

    /** @return QEMU's process id */
    public long pid() {
        return process.pid();
    }

    /** @return the file the guest's serial port writes to */
    public Path serialLog() {
        return dir.resolve("serial.log");
    }

    /** @return what the guest wrote to its serial port so far ("" before anything) */
    public String serialText() {
        try {
            return Files.exists(serialLog()) ? Files.readString(serialLog(), StandardCharsets.ISO_8859_1) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** @return whether the guest wrote anything to its serial port within {@code timeout} (false if QEMU exited) */
    private boolean awaitSerialOutput(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (serialText().isEmpty()) {
            if (!process.isAlive() || System.nanoTime() >= deadline) {
                return false;
            }
            sleep(POLL);
        }
        return true;
    }

    /**
     * Waits until the serial log contains a text.
     *
     * @param text e.g. "svp-vm: shell ready on tty1"
     * @param timeout longest wait
     * @return whether it appeared in time (false also when QEMU exited first)
     */
    public boolean awaitSerial(String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (serialText().contains(text)) {
                return true;
            }
            if (!process.isAlive() || System.nanoTime() >= deadline) {
                return false;
            }
            sleep(POLL);
        }
    }

    /**
     * @return QEMU's picture of the screen now (through QMP {@code screendump})
     * @throws IOException if QEMU does not deliver it
     */
    public Screendump screendump() throws IOException {
        Path ppm = dir.resolve("screen.ppm");
        Files.deleteIfExists(ppm);
        QmpClient.execute(dir.resolve("qmp.sock"), "{\"execute\":\"screendump\",\"arguments\":{\"filename\":\""
                + ppm.toAbsolutePath().toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"}}", QMP_TIMEOUT);
        return Screendump.read(ppm);
    }

    /** @return completes with QEMU's exit status when it has exited, for whatever reason */
    public CompletableFuture<Integer> exited() {
        return process.onExit().thenApply(Process::exitValue);
    }

    /** @return whether QEMU still runs */
    public boolean alive() {
        return process.isAlive();
    }

    /** Kills QEMU at once (SIGKILL: the VM vanishes as in a host crash) and waits for it. Keeps the files. */
    public void kill() {
        process.destroyForcibly();
        waitQuietly(Duration.ofSeconds(5));
    }

    /** Stops QEMU (SIGTERM, SIGKILL after 5 s), waits for it, and deletes its scratch files. Idempotent. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            if (!waitQuietly(Duration.ofSeconds(5))) {
                kill();
            }
        }
        ScratchDir.delete(dir);
    }

    private int exitStatus() {
        return process.isAlive() ? -1 : process.exitValue();
    }

    private boolean waitQuietly(Duration d) {
        try {
            return process.waitFor(d.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UpstreamException("interrupted while waiting for the VM", e);
        }
    }
}
