package org.svp.vm.qemu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.svp.vm.guest.GuestImage;

class QemuCommandLineTest {
    private static final GuestImage GUEST = new GuestImage(Path.of("/c/vmlinuz"), Path.of("/c/initramfs.gz"), "6.1");

    private static String line(QemuOptions o) {
        return String.join(" ", QemuCommandLine.build(o, 42, Path.of("/w/serial.log"), Path.of("/w/qmp.sock")));
    }

    @Test
    void builtInGuestBootsKernelAndInitramfsWithTcg() {
        String l = line(new QemuOptions(GUEST, null, false, 256, false, List.of()));
        assertThat(l).startsWith("qemu-system-x86_64 -name svp-vm -nodefaults -machine pc -accel tcg -m 256 ")
                .contains(" -kernel /c/vmlinuz -initrd /c/initramfs.gz -append console=tty0 console=ttyS0 quiet -vga std")
                .contains(" -display none -vnc 127.0.0.1:42 -serial file:/w/serial.log"
                        + " -qmp unix:/w/qmp.sock,server=on,wait=off")
                .doesNotContain("-snapshot").doesNotContain("-cpu");
    }

    @Test
    void diskImageKeepsItsWritesUnlessSnapshotAndUsesKvmWhenAsked() {
        DiskImage d = DiskImage.of(Path.of("/img/my,vm.qcow2"));
        String l = line(new QemuOptions(null, d, false, 1024, true, List.of("-smp", "2")));
        assertThat(l).contains("-accel kvm -m 1024 -cpu host").contains("-drive file=/img/my,,vm.qcow2,format=qcow2 -vga virtio")
                .doesNotContain("-snapshot").endsWith("-smp 2");
        assertThat(line(new QemuOptions(null, d, true, 1024, false, List.of()))).contains(" -snapshot ");
    }

    @Test
    void formatsComeFromTheExtension() {
        assertThat(DiskImage.of(Path.of("a.IMG")).format()).isEqualTo("raw");
        assertThat(DiskImage.of(Path.of("a.raw")).format()).isEqualTo("raw");
        DiskImage iso = DiskImage.of(Path.of("/d/a.iso"));
        assertThat(iso.cdrom()).isTrue();
        assertThat(line(new QemuOptions(null, iso, false, 1024, false, List.of())))
                .contains("-drive file=/d/a.iso,media=cdrom,readonly=on -boot d");
        assertThatThrownBy(() -> DiskImage.of(Path.of("a.vdi"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot tell the format of a.vdi from its name: use .qcow2, .raw or .img (raw), or .iso (CD-ROM)");
    }

    @Test
    void kvmFallsBackToQemusCpuModelThenToTcg() {
        // a nested host refused -cpu host's MSRs ("failed to set MSR 0x10a", QEMU aborted) while QEMU's
        // default model ran under KVM: QemuVm.start tries these in turn when QEMU exits at start
        QemuOptions host = QemuOptions.builtIn(GUEST).kvm() ? QemuOptions.builtIn(GUEST)
                : new QemuOptions(GUEST, null, false, 256, true, List.of("-smp", "2"));
        assertThat(host.accelerator()).isEqualTo("KVM");
        assertThat(line(host)).contains("-accel kvm -m 256 -cpu host");
        QemuOptions plain = host.fallback();
        assertThat(plain.accelerator()).isEqualTo("KVM (QEMU's default CPU model)");
        assertThat(line(plain)).contains("-accel kvm -m 256 ").doesNotContain("-cpu");
        QemuOptions tcg = plain.fallback();
        assertThat(tcg.accelerator()).isEqualTo("TCG");
        assertThat(line(tcg)).contains("-accel tcg").doesNotContain("-cpu");
        assertThat(tcg.fallback()).isNull();
        assertThat(List.of(plain.guest(), plain.memoryMb(), plain.extraArgs(), tcg.guest(), tcg.extraArgs()))
                .isEqualTo(List.of(host.guest(), host.memoryMb(), host.extraArgs(), host.guest(), host.extraArgs()));
    }

    @Test
    void exactlyOneOfGuestAndDisk() {
        assertThatThrownBy(() -> new QemuOptions(null, null, false, 1, false, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void screendumpPpmIsParsedAndBadOnesRefused() throws IOException {
        byte[] head = "P6\n# QEMU\n2 1\n255\n".getBytes(StandardCharsets.US_ASCII);
        byte[] ppm = new byte[head.length + 6];
        System.arraycopy(head, 0, ppm, 0, head.length);
        byte[] px = {(byte) 0xFF, 0x00, 0x10, 0x01, 0x02, 0x03};
        System.arraycopy(px, 0, ppm, head.length, 6);
        Screendump s = Screendump.parse(ppm);
        assertThat(s.width()).isEqualTo(2);
        assertThat(s.rgb()).containsExactly(0xFF0010, 0x010203);
        assertThatThrownBy(() -> Screendump.parse("P3\n1 1\n255\n".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class).hasMessage("not a binary PPM (P6) file");
        assertThatThrownBy(() -> Screendump.parse("P6\n2 2\n255\n\0\0\0".getBytes(StandardCharsets.US_ASCII)))
                .isInstanceOf(IOException.class).hasMessage("PPM pixels cut short: 3 of 12 bytes");
    }
}
