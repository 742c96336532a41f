package org.svp.vm.qemu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.svp.vm.guest.GuestImage;

/**
 * The built-in guest under real QEMU (TCG here: no /dev/kvm): boots to its shell, QEMU's screen
 * shows it, the VNC port greets, and a killed VM comes back on the same VNC display.
 */
@Timeout(300)
class GuestVmTest {
    private static GuestImage guest;
    private QemuVm vm;

    @BeforeAll
    static void prepareGuest() {
        guest = TestGuest.get();
    }

    @AfterEach
    void stop() {
        if (vm != null) {
            vm.close();
        }
    }

    @Test
    void bootsToItsShellPromptOnScreenAndSerial() throws IOException, InterruptedException {
        vm = QemuVm.start(QemuOptions.builtIn(guest), -1);
        assertThat(VncDisplays.greets(vm.vncPort())).isTrue();
        assertThat(vm.awaitSerial(TestGuest.SHELL_READY, TestGuest.BOOT_TIMEOUT))
                .as("serial log: %s", vm.serialText()).isTrue();
        assertThat(vm.serialText()).contains("svp-vm: init done");
        Screendump s = vm.screendump();
        assertThat(s.width()).isEqualTo(720); // VGA text mode, 80×25 cells of 9×16
        assertThat(s.height()).isEqualTo(400);
        long lit = Arrays.stream(s.rgb()).filter(p -> p != 0).count();
        assertThat(lit).as("the banner and prompt are drawn").isGreaterThan(500);
        // The guest may still print (a late kernel line) after the prompt reached the serial log,
        // so the two pictures are taken again until one pair agrees; the cursor blinks, so the pair
        // is compared without its cell. Bounded: 20 tries, 250 ms apart.
        int cursorCell = 9 * 16;
        long same = 0;
        for (int attempt = 0; attempt < 20; attempt++) {
            Screendump viaVnc = RfbGrab.grab(vm.vncPort());
            assertThat(viaVnc.width()).isEqualTo(720);
            same = samePixels(s, viaVnc);
            if (same > s.rgb().length - cursorCell) {
                break;
            }
            Thread.sleep(250);
            s = vm.screendump();
        }
        assertThat(same).as("QEMU's VNC sends its screendump's picture").isGreaterThan(s.rgb().length - cursorCell);
    }

    private static long samePixels(Screendump a, Screendump b) {
        long same = 0;
        for (int i = 0; i < a.rgb().length; i++) {
            same += a.rgb()[i] == b.rgb()[i] ? 1 : 0;
        }
        return same;
    }

    @Test
    void closeStopsQemuAndKilledVmRestartsOnTheSameDisplay() throws IOException {
        vm = QemuVm.start(QemuOptions.builtIn(guest), -1);
        int display = vm.vncDisplay();
        long pid = vm.pid();
        vm.kill();
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(VncDisplays.greets(VncDisplays.BASE_PORT + display)).isFalse();
        vm.close();
        vm = QemuVm.start(QemuOptions.builtIn(guest), display);
        assertThat(vm.vncPort()).isEqualTo(VncDisplays.BASE_PORT + display);
        assertThat(vm.awaitSerial(TestGuest.SHELL_READY, TestGuest.BOOT_TIMEOUT)).isTrue();
        long pid2 = vm.pid();
        vm.close();
        assertThat(ProcessHandle.of(pid2).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        vm = null;
    }

    @Test
    void takenDisplayIsReportedWithQemusOwnMessage() throws IOException {
        vm = QemuVm.start(QemuOptions.builtIn(guest), -1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> QemuVm.start(QemuOptions.builtIn(guest), vm.vncDisplay()))
                .hasMessageStartingWith("qemu-system-x86_64 exited at start (status 1): ")
                .hasMessageContaining("Address already in use");
    }

}
