package org.svp.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code --ports LIST}: VirtualBox's TCP/Ports syntax. */
class PortListTest {
    private final CommandLine cmd = new CommandLine(new ServeOptions());

    @Test
    void listsAndRangesInOrder() {
        assertThat(PortList.parse(cmd, "3389")).containsExactly(3389);
        assertThat(PortList.parse(cmd, "5000, 5010-5012,4000")).containsExactly(5000, 5010, 5011, 5012, 4000);
        assertThat(PortList.parse(cmd, "0")).as("VirtualBox's 0").containsExactly(3389);
        assertThat(PortList.parse(cmd, null)).isEmpty();
    }

    @Test
    void badEntriesAreUsageErrors() {
        assertThatThrownBy(() -> PortList.parse(cmd, "5000,abc")).isInstanceOf(CommandLine.ParameterException.class)
                .hasMessage("--ports '5000,abc': 'abc' is not a port 1-65535 or a range LOW-HIGH");
        assertThatThrownBy(() -> PortList.parse(cmd, "70000")).isInstanceOf(CommandLine.ParameterException.class);
        assertThatThrownBy(() -> PortList.parse(cmd, "10-5")).isInstanceOf(CommandLine.ParameterException.class);
    }
}
