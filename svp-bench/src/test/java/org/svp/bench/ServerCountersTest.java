package org.svp.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.svp.server.LatencyHistogram;

/** The {@code stats} line of {@code svp server --stats-on-stdin}: format, parse, difference. */
class ServerCountersTest {
    @Test
    void formatsOneLine() {
        ServerCounters c = new ServerCounters(1234, 56, 7, 3, new long[] {0, 2, 5, 1});
        assertThat(c.format()).isEqualTo("stats bytes=1234 updates=56 screenBlts=7 windowMoves=3 latency=0,2,5,1");
    }

    @Test
    void roundTripsARealHistogram() {
        LatencyHistogram h = new LatencyHistogram();
        h.record(2_500_000);
        h.record(2_600_000);
        h.record(40_000_000);
        ServerCounters c = new ServerCounters(987_654_321_012L, 1176, 717, 291, h.snapshot());
        ServerCounters back = ServerCounters.parse(c.format());
        assertThat(back.bytes()).isEqualTo(987_654_321_012L);
        assertThat(back.updates()).isEqualTo(1176);
        assertThat(back.screenBlts()).isEqualTo(717);
        assertThat(back.windowMoves()).isEqualTo(291);
        assertThat(back.latency()).containsExactly(h.snapshot());
        assertThat(LatencyHistogram.quantileMillis(back.latency(), 0.5)).isBetween(2.5, 2.9);
    }

    @Test
    void differenceOfTwoReadings() {
        ServerCounters a = new ServerCounters(100, 10, 1, 0, new long[] {1, 2, 3});
        ServerCounters b = new ServerCounters(350, 14, 4, 2, new long[] {1, 5, 4});
        ServerCounters d = b.minus(a);
        assertThat(d.bytes()).isEqualTo(250);
        assertThat(d.updates()).isEqualTo(4);
        assertThat(d.screenBlts()).isEqualTo(3);
        assertThat(d.windowMoves()).isEqualTo(2);
        assertThat(d.latency()).containsExactly(0, 3, 1);
    }

    @Test
    void extraCountersRoundTripAndSubtract() {
        var a = new ServerCounters(1, 1, 0, 0, new long[] {0}, new java.util.LinkedHashMap<>(
                java.util.Map.of("codec.lz4.bytes", 100L)));
        var b = new ServerCounters(2, 2, 0, 0, new long[] {0}, new java.util.LinkedHashMap<>(
                java.util.Map.of("codec.lz4.bytes", 350L)));
        assertThat(b.format()).isEqualTo("stats bytes=2 updates=2 screenBlts=0 windowMoves=0 latency=0"
                + " codec.lz4.bytes=350");
        assertThat(ServerCounters.parse(b.format()).minus(a).extra()).containsExactly(
                java.util.Map.entry("codec.lz4.bytes", 250L));
    }

    @Test
    void rejectsOtherLines() {
        assertThatThrownBy(() -> ServerCounters.parse("ready")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerCounters.parse("stats bytes=x updates=1 screenBlts=0 windowMoves=0 latency=1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerCounters.parse("stats bytes=1 screenBlts=0 windowMoves=0 latency=1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updates");
        assertThatThrownBy(() -> ServerCounters.parse("stats bytes=1 updates"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
