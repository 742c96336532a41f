package org.svp.source.vnc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VncTargetTest {
    @Test
    void hostAndPort() {
        assertThat(VncTarget.parse("127.0.0.1:5900")).isEqualTo(new VncTarget("127.0.0.1", 5900));
        assertThat(VncTarget.parse("[::1]:5901")).isEqualTo(new VncTarget("::1", 5901));
        assertThat(VncTarget.parse("[::1]:5901")).hasToString("vnc:[::1]:5901");
        assertThat(VncTarget.parse("unix:/run/vm.vnc")).isEqualTo(VncTarget.unix("/run/vm.vnc")).hasToString("vnc:unix:/run/vm.vnc");
    }

    @Test
    void badSpecsSayWhatIsExpected() {
        assertThatThrownBy(() -> VncTarget.parse("127.0.0.1")).hasMessage(
                "--source vnc:127.0.0.1: expected vnc:HOST:PORT, e.g. vnc:127.0.0.1:5900");
        assertThatThrownBy(() -> VncTarget.parse("host:99999")).hasMessage(
                "--source vnc:host:99999: expected vnc:HOST:PORT with a port 1-65535");
    }
}
