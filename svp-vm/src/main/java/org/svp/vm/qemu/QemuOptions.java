package org.svp.vm.qemu;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.svp.vm.guest.GuestImage;

/**
 * What to boot and how. Exactly one of {@code guest} and {@code disk} is set.
 *
 * @param guest the built-in guest (kernel + busybox initramfs), or null
 * @param disk the user's disk image, or null
 * @param snapshot discard the disk's writes at exit (QEMU's -snapshot); without it writes persist
 * @param memoryMb guest RAM
 * @param kvm use KVM (else TCG software emulation)
 * @param hostCpu with KVM, give the guest the host's CPU model ({@code -cpu host}); else QEMU's default
 *     model. Some nested hosts refuse the host model's MSRs (QEMU aborts: "failed to set MSR 0x10a"),
 *     so {@link QemuVm#start} falls back to the default model, then to TCG
 * @param extraArgs more QEMU arguments, appended as given
 */
public record QemuOptions(GuestImage guest, DiskImage disk, boolean snapshot, int memoryMb, boolean kvm,
        boolean hostCpu, List<String> extraArgs) {
    /** Guest RAM of the built-in guest: kernel + busybox need well under 128 MB. */
    public static final int GUEST_MEMORY_MB = 256;
    /** Guest RAM with --disk: enough for a small distribution's installer or desktop. */
    public static final int DISK_MEMORY_MB = 1024;

    public QemuOptions {
        if ((guest == null) == (disk == null)) {
            throw new IllegalArgumentException("give either the built-in guest or a disk image");
        }
        extraArgs = List.copyOf(extraArgs);
    }

    /** The host's CPU model with KVM. */
    public QemuOptions(GuestImage guest, DiskImage disk, boolean snapshot, int memoryMb, boolean kvm,
            List<String> extraArgs) {
        this(guest, disk, snapshot, memoryMb, kvm, kvm, extraArgs);
    }

    /**
     * @return what {@link QemuVm#start} tries when QEMU exits at start with these options: KVM with
     *     QEMU's default CPU model after the host's, TCG after KVM; null after TCG
     */
    QemuOptions fallback() {
        if (kvm && hostCpu) {
            return new QemuOptions(guest, disk, snapshot, memoryMb, true, false, extraArgs);
        }
        return kvm ? tcg() : null;
    }

    /** @return the same under TCG: the last of the fallbacks */
    QemuOptions tcg() {
        return new QemuOptions(guest, disk, snapshot, memoryMb, false, false, extraArgs);
    }

    /** @return how QEMU runs the guest, for messages: "KVM", "KVM (QEMU's default CPU model)" or "TCG" */
    public String accelerator() {
        return !kvm ? "TCG" : hostCpu ? "KVM" : "KVM (QEMU's default CPU model)";
    }

    /** @return whether /dev/kvm exists and this user may open it for reading and writing */
    public static boolean kvmUsable() {
        Path kvm = Path.of("/dev/kvm");
        return Files.isReadable(kvm) && Files.isWritable(kvm);
    }

    /** @return the built-in guest with default RAM, KVM when usable */
    public static QemuOptions builtIn(GuestImage guest) {
        return new QemuOptions(guest, null, false, GUEST_MEMORY_MB, kvmUsable(), List.of());
    }
}
