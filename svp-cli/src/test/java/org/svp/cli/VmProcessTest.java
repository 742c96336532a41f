package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.svp.vm.qemu.TestGuest;

/**
 * {@code svp vm} as the user runs it, in its own JVM: it boots the guest, serves it (a snapshot
 * through SVP is the guest's 720×400 text screen), and the VM ends with it — on SIGTERM, when the
 * guest powers off (svp exits 0), and when the server cannot start (in-process: exit 1, QEMU gone).
 * {@code --disk}: a raw image with a hand-made boot sector boots (its line on the serial log).
 */
@Timeout(600)
class VmProcessTest {
    private static final Pattern VM_LINE = Pattern.compile("^VM: QEMU pid (\\d+) \\(.*\\), VNC 127\\.0\\.0\\.1:(\\d+), serial log (\\S+)$");
    private static final Duration START = Duration.ofSeconds(120);

    /** A started {@code svp vm}: its process, stdout lines so far, QEMU's pid, the guest's serial log. */
    private record SvpVm(Process process, List<String> out, long qemuPid, Path serialLog, Path errFile) {
    }

    @BeforeAll
    static void prepareGuest() {
        TestGuest.get(); // download once here, not inside the child's start-up bound
    }

    @Test
    void servesTheGuestAndEndsWhenTheGuestPowersOff(@TempDir Path dir) throws Exception {
        int port = freePort();
        SvpVm vm = start(dir, port);
        try {
            assertThat(vm.out()).anyMatch(l -> l.matches("Serving vnc:127\\.0\\.0\\.1:\\d+\\. To look at it:"))
                    .anyMatch(l -> l.contains("./svp type 127.0.0.1:" + port + " 'uname -a\\n'"));
            assertThat(awaitFile(vm.serialLog(), TestGuest.SHELL_READY, TestGuest.BOOT_TIMEOUT)).isTrue();
            Path png = dir.resolve("vm.png");
            String[] snap = svp("snapshot", "--no-tls", "127.0.0.1:" + port, png.toString());
            assertThat(snap[0]).contains("wrote " + png + " (720x400)");
            svp("type", "--no-tls", "127.0.0.1:" + port, "poweroff\\n");
            assertThat(vm.process().waitFor(60, TimeUnit.SECONDS)).as("svp vm exits after poweroff").isTrue();
            assertThat(vm.process().exitValue()).isZero();
            assertThat(Files.readString(vm.errFile())).contains("svp vm: the VM powered off");
            assertThat(alive(vm.qemuPid())).isFalse();
        } finally {
            vm.process().destroyForcibly();
        }
    }

    @Test
    void sigtermStopsTheVm(@TempDir Path dir) throws Exception {
        SvpVm vm = start(dir, freePort());
        try {
            assertThat(alive(vm.qemuPid())).isTrue();
            vm.process().destroy(); // SIGTERM, as Ctrl+C or a service manager
            assertThat(vm.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(awaitGone(vm.qemuPid(), Duration.ofSeconds(10))).as("QEMU stopped with svp vm").isTrue();
            assertThat(Files.exists(vm.serialLog())).as("the VM's scratch files are removed").isFalse();
        } finally {
            vm.process().destroyForcibly();
        }
    }

    @Test
    void aUsersDiskImageBoots(@TempDir Path dir) throws Exception {
        Path image = dir.resolve("boot.img");
        Files.write(image, bootSector("SVP-DISK-OK"));
        int port = freePort();
        SvpVm vm = start(dir, port, "--disk", image.toString(), "--snapshot", "--memory", "64");
        try {
            assertThat(awaitFile(vm.serialLog(), "SVP-DISK-OK", TestGuest.BOOT_TIMEOUT)).as("the boot sector ran").isTrue();
            String[] snap = svp("snapshot", "--no-tls", "127.0.0.1:" + port, dir.resolve("disk.png").toString());
            assertThat(snap[0]).contains("(720x400)"); // SeaBIOS's text screen with the boot sector's line
        } finally {
            vm.process().destroy();
            vm.process().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(awaitGone(vm.qemuPid(), Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void missingQemuIsOneLineNamingItsPackage(@TempDir Path dir) throws Exception {
        Path image = Files.write(dir.resolve("boot.img"), bootSector("x"));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", cp, Main.class.getName(), "vm", "--disk", image.toString())
                .redirectError(dir.resolve("err").toFile()).redirectOutput(dir.resolve("out").toFile());
        pb.environment().put("PATH", dir.resolve("empty").toString()); // no qemu-system-x86_64 on it
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(Files.readAllLines(dir.resolve("err"))).containsExactly("svp: qemu-system-x86_64 is not installed;"
                + " install the Debian/Ubuntu package qemu-system-x86 (apt-get install qemu-system-x86)");
    }

    /**
     * A 1 MiB raw disk whose boot sector prints TEXT on the screen (BIOS teletype) and on COM1, then
     * halts: a disk image that proves it was booted, without a guest operating system.
     */
    static byte[] bootSector(String text) {
        byte[] code = {
            0x31, (byte) 0xC0,                    // xor ax,ax
            (byte) 0x8E, (byte) 0xD8,             // mov ds,ax
            (byte) 0xBE, 0x1D, 0x7C,              // mov si,0x7c1d (the text, at offset 29)
            (byte) 0xAC,                          // loop: lodsb
            (byte) 0x84, (byte) 0xC0,             // test al,al
            0x74, 0x0D,                           // jz done
            (byte) 0xBA, (byte) 0xF8, 0x03,       // mov dx,0x3f8 (COM1)
            (byte) 0xEE,                          // out dx,al
            (byte) 0xB4, 0x0E,                    // mov ah,0x0e (teletype)
            (byte) 0xBB, 0x07, 0x00,              // mov bx,7
            (byte) 0xCD, 0x10,                    // int 0x10
            (byte) 0xEB, (byte) 0xEE,             // jmp loop
            (byte) 0xFA,                          // done: cli
            (byte) 0xF4,                          // hlt
            (byte) 0xEB, (byte) 0xFC,             // jmp done
        };
        byte[] disk = new byte[1 << 20];
        System.arraycopy(code, 0, disk, 0, code.length);
        byte[] t = (text + "\r\n").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(t, 0, disk, code.length, t.length);
        disk[510] = 0x55;
        disk[511] = (byte) 0xAA;
        return disk;
    }

    @Test
    void aServerThatCannotStartStopsTheVm() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            String[] r = svpExpecting(1, "vm", "--no-tls", "--single-port", "--port", String.valueOf(taken.getLocalPort()));
            Matcher m = VM_LINE.matcher(r[0].lines().findFirst().orElse(""));
            assertThat(m.matches()).as("stdout: %s", r[0]).isTrue();
            assertThat(r[1]).contains("svp: ").contains("is another server running?");
            assertThat(awaitGone(Long.parseLong(m.group(1)), Duration.ofSeconds(10))).as("QEMU stopped").isTrue();
        }
    }

    private static SvpVm start(Path dir, int port, String... more) throws IOException, InterruptedException {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path err = dir.resolve("svp-vm.err");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", cp, Main.class.getName(), "vm", "--no-tls", "--single-port",
                "--port", String.valueOf(port)));
        cmd.addAll(List.of(more));
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        List<String> out = new ArrayList<>();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = Thread.ofVirtual().start(() -> {
            try {
                for (String l = r.readLine(); l != null; l = r.readLine()) {
                    synchronized (out) {
                        out.add(l);
                    }
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline && p.isAlive()) {
            synchronized (out) {
                if (out.contains("ready")) {
                    Matcher m = VM_LINE.matcher(out.getFirst());
                    assertThat(m.matches()).as("first line: %s", out.getFirst()).isTrue();
                    return new SvpVm(p, List.copyOf(out), Long.parseLong(m.group(1)), Path.of(m.group(3)), err);
                }
            }
            Thread.sleep(100);
        }
        p.destroyForcibly();
        reader.join(5000);
        throw new AssertionError("svp vm did not print ready within " + START.toSeconds() + " s; stdout " + out
                + ", stderr " + Files.readString(err));
    }

    private static String[] svp(String... args) {
        return svpExpecting(0, args);
    }

    private static String[] svpExpecting(int code, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int c = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(c).as("svp %s: %s", String.join(" ", args), err).isEqualTo(code);
        return new String[] {out.toString(), err.toString()};
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean awaitGone(long pid, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (alive(pid) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return !alive(pid);
    }

    private static boolean awaitFile(Path file, String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.ISO_8859_1).contains(text)) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
