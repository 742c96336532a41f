package org.svp.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.svp.server.ServerConfig;
import org.svp.vm.guest.GuestCache;
import org.svp.vm.guest.GuestImage;
import org.svp.vm.qemu.DiskImage;
import org.svp.vm.qemu.QemuOptions;
import org.svp.vm.qemu.QemuVm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code svp vm}: boots a small VM under QEMU (the built-in Debian-kernel + busybox guest, built and
 * cached at first use, or the user's {@code --disk IMAGE}) with its VNC on 127.0.0.1, and serves that
 * through SVP's vnc source exactly as {@code svp server --source vnc:127.0.0.1:PORT} would. The VM is
 * stopped when serving ends for any reason (Ctrl+C, SIGTERM: the shutdown hook; a server failure: the
 * finally block); when the VM ends by itself (poweroff in the guest) svp exits, 0 if QEMU did.
 * Runs on the CLI's main thread; QEMU's exit is seen on the JDK's process-reaper thread.
 */
@Command(name = "vm", mixinStandardHelpOptions = true,
        description = "Boot a small VM under QEMU (KVM when /dev/kvm is usable, else software emulation) and serve"
                + " its screen over SVP; the VM stops when svp does. The built-in guest (a Debian cloud kernel and a"
                + " busybox shell) is downloaded and built at first use and cached; see docs/vm.md.")
final class VmCommand implements Callable<Integer> {
    /**
     * Server options that do not apply: what is served is the VM (its VNC server has no password), at
     * the guest's own screen size.
     */
    private static final List<String> NOT_FOR_VM = List.of("--source", "--geometry", "--demo-frames", "--demo-fps",
            "--save-final", "--stats-on-stdin", "--vnc-password-file");
    private static final int MIN_MEMORY_MB = 64;

    @Spec
    CommandSpec spec;

    @Mixin
    ServeOptions options;

    @Option(names = "--disk", paramLabel = "IMAGE",
            description = "Boot this disk image instead of the built-in guest: .qcow2, .raw/.img, or .iso (as a CD-ROM)."
                    + " Its writes persist unless --snapshot.")
    Path disk;

    @Option(names = "--snapshot", description = "With --disk: keep the image unchanged (writes go to a temporary overlay"
            + " that QEMU discards at exit).")
    boolean snapshot;

    @Option(names = "--memory", paramLabel = "MB",
            description = "Guest RAM (default: " + QemuOptions.GUEST_MEMORY_MB + " for the built-in guest, "
                    + QemuOptions.DISK_MEMORY_MB + " with --disk).")
    Integer memoryMb;

    @Option(names = "--qemu-arg", paramLabel = "ARG",
            description = "One more argument for qemu-system-x86_64, appended as given; repeat for more"
                    + " (e.g. --qemu-arg=-smp --qemu-arg=2).")
    List<String> qemuArgs = new ArrayList<>();

    @Option(names = "--cache-dir", paramLabel = "DIR",
            description = "Where the built-in guest is cached (default: $XDG_CACHE_HOME/svp/vm, else ~/.cache/svp/vm).")
    Path cacheDir;

    /** @return the command, without the server options that do not apply to a VM */
    static CommandLine commandLine() {
        CommandLine c = new CommandLine(new VmCommand());
        CommandSpec s = c.getCommandSpec();
        NOT_FOR_VM.forEach(name -> s.remove(s.findOption(name)));
        return c;
    }

    @Override
    public Integer call() throws Exception {
        CommandLine cmd = spec.commandLine();
        PrintWriter out = cmd.getOut();
        PrintWriter err = cmd.getErr();
        QemuOptions q = qemuOptions(cmd, err);
        QemuVm vm = QemuVm.start(q, -1);
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopping.set(true);
            vm.close();
        }, "svp-vm-stop"));
        vm.exited().thenAccept(status -> {
            if (!stopping.get()) { // the guest powered off (or QEMU died): nothing left to serve
                err.println(status == 0 ? "svp vm: the VM powered off" : "svp: the VM exited (QEMU exit status " + status + ")");
                err.flush();
                System.exit(status == 0 ? 0 : 1);
            }
        });
        out.printf("VM: QEMU pid %d (%s), VNC 127.0.0.1:%d, serial log %s%n", vm.pid(),
                vm.options().kvm() ? vm.options().accelerator()
                        : q.kvm() ? "TCG software emulation: KVM failed to start it" : "TCG software emulation: no usable /dev/kvm",
                vm.vncPort(), vm.serialLog());
        if (q.guest() != null) {
            String host = options.bind.equals("0.0.0.0") ? "127.0.0.1" : options.bind; // as Serving.howToView
            String target = options.ports != null ? host + ":PORT"
                    : options.port == ServerConfig.DEFAULT_PORT ? host : host + ":" + options.port;
            out.println("  ./svp type " + target + " 'uname -a\\n'     # types into the VM's shell (poweroff stops it)");
        }
        options.source = "vnc:127.0.0.1:" + vm.vncPort();
        try {
            return Serving.run(cmd, options, true);
        } finally {
            stopping.set(true);
            vm.close();
        }
    }

    /** The VM's settings from the options; builds the guest (first use: download) when no --disk. */
    private QemuOptions qemuOptions(CommandLine cmd, PrintWriter err) {
        if (memoryMb != null && memoryMb < MIN_MEMORY_MB) {
            throw new ParameterException(cmd, "--memory must be at least " + MIN_MEMORY_MB + " (MB), got " + memoryMb);
        }
        if (disk == null) {
            if (snapshot) {
                throw new ParameterException(cmd, "--snapshot needs --disk (the built-in guest writes nothing)");
            }
            GuestImage guest = new GuestCache(cacheDir != null ? cacheDir : GuestCache.defaultRoot())
                    .prepare(line -> {
                        err.println("svp vm: " + line);
                        err.flush();
                    });
            return new QemuOptions(guest, null, false, memoryMb != null ? memoryMb : QemuOptions.GUEST_MEMORY_MB,
                    QemuOptions.kvmUsable(), qemuArgs);
        }
        if (!Files.isReadable(disk)) {
            throw new ParameterException(cmd, "--disk " + disk + ": no such readable file");
        }
        DiskImage image;
        try {
            image = DiskImage.of(disk);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(cmd, "--disk: " + e.getMessage());
        }
        return new QemuOptions(null, image, snapshot, memoryMb != null ? memoryMb : QemuOptions.DISK_MEMORY_MB,
                QemuOptions.kvmUsable(), qemuArgs);
    }
}
