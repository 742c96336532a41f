package org.svp.vm.qemu;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds QEMU's argument list. {@code -nodefaults}: no network card, floppy or parallel port (the
 * built-in guest needs none, and no option ROMs are needed); the pieces are added one by one instead.
 * The built-in guest gets the standard VGA (its kernel has no DRM driver, so it stays in 80×25 text
 * mode, 720×400 pixels); a disk image gets virtio-vga, whose size the guest may change and which
 * answers VNC's SetDesktopSize.
 */
public final class QemuCommandLine {
    /** The QEMU program. */
    public static final String PROGRAM = "qemu-system-x86_64";
    /** Kernel command line of the built-in guest: quiet, messages on both the screen and the serial log. */
    static final String GUEST_APPEND = "console=tty0 console=ttyS0 quiet";

    private QemuCommandLine() {
    }

    /**
     * @param o what to boot
     * @param vncDisplay the VNC display number (port 5900 + n on 127.0.0.1)
     * @param serialLog the file the guest's first serial port writes to
     * @param qmpSocket the unix socket of QEMU's machine protocol (screen dumps, quit)
     * @return the command, program first
     */
    public static List<String> build(QemuOptions o, int vncDisplay, Path serialLog, Path qmpSocket) {
        List<String> a = new ArrayList<>(List.of(PROGRAM, "-name", "svp-vm", "-nodefaults", "-machine", "pc",
                "-accel", o.kvm() ? "kvm" : "tcg", "-m", Integer.toString(o.memoryMb())));
        if (o.kvm() && o.hostCpu()) {
            a.addAll(List.of("-cpu", "host"));
        }
        if (o.guest() != null) {
            a.addAll(List.of("-kernel", o.guest().kernel().toString(), "-initrd", o.guest().initramfs().toString(),
                    "-append", GUEST_APPEND, "-vga", "std"));
        } else if (o.disk().cdrom()) {
            a.addAll(List.of("-drive", "file=" + escape(o.disk().path()) + ",media=cdrom,readonly=on", "-boot", "d",
                    "-vga", "virtio"));
        } else {
            a.addAll(List.of("-drive", "file=" + escape(o.disk().path()) + ",format=" + o.disk().format(),
                    "-vga", "virtio"));
        }
        if (o.snapshot()) {
            a.add("-snapshot");
        }
        a.addAll(List.of("-display", "none", "-vnc", "127.0.0.1:" + vncDisplay, "-serial", "file:" + serialLog,
                "-qmp", "unix:" + qmpSocket + ",server=on,wait=off"));
        a.addAll(o.extraArgs());
        return a;
    }

    /** QEMU option values separate sub-options with commas; a comma in a file name is written twice. */
    private static String escape(Path p) {
        return p.toAbsolutePath().toString().replace(",", ",,");
    }
}
