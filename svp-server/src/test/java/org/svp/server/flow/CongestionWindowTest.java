package org.svp.server.flow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The window's mechanics on synthetic round trips (no clock, no network): growth, shrink, pings, acks. */
class CongestionWindowTest {
    private static final long MS = 1_000_000L;

    /** Fills the window, pings, and answers the ping {@code rtt} later; returns the new time. */
    private static long roundTrip(CongestionWindow w, long now, long rtt) {
        while (w.mayWrite()) {
            w.wrote(8 * 1024);
        }
        long seq = w.pingDue(now);
        assertThat(seq).isNotNegative();
        assertThat(w.pong(seq, now + rtt)).isTrue();
        return now + rtt;
    }

    @Test
    void anIdleClientsPongDoesNotMakeTheNextPingDue() {
        CongestionWindow w = new CongestionWindow();
        long seq = w.pingDue(0);
        w.wrotePing(12); // the PING frame itself
        assertThat(w.pong(seq, MS)).isTrue();
        for (long t = 2; t < 1000; t += 50) {
            assertThat(w.pingDue(t * MS)).as("nothing but the PING was written (t = %d ms)", t).isEqualTo(-1);
        }
        w.wrote(1000);
        assertThat(w.pingDue(1000 * MS)).as("new data: a PING is due").isEqualTo(1);
    }

    @Test
    void onALanSmallUpdatesArePingedAtMostEvery100MsAndAQuarterWindowAlwaysIs() {
        CongestionWindow w = new CongestionWindow();
        assertThat(w.pong(w.pingDue(0), MS / 2)).as("a 0.5 ms round trip: a LAN").isTrue();
        long pings = 0;
        for (long t = 1; t <= 1000; t += 30) { // an update of 1 kB every 30 ms, each PONG 0.5 ms later
            w.wrote(1024);
            long seq = w.pingDue(t * MS);
            if (seq >= 0) {
                pings++;
                assertThat(w.pong(seq, t * MS + MS / 2)).isTrue();
            }
            assertThat(w.mayWrite()).isTrue();
        }
        assertThat(pings).as("PINGs for 34 small updates in a second").isBetween(7L, 10L); // every 120 ms: the first update 100 ms after the last PING
        w.wrote(w.window() / CongestionWindow.PINGS_PER_WINDOW);
        assertThat(w.pingDue(1001 * MS)).as("a quarter window written: due at once").isNotNegative();
    }

    @Test
    void onASlowLinkEveryUpdateIsPingedWhenNoneIsOutstanding() {
        CongestionWindow w = new CongestionWindow();
        assertThat(w.pong(w.pingDue(0), 40 * MS)).as("a 40 ms round trip").isTrue();
        w.wrote(1024);
        long seq = w.pingDue(100 * MS);
        assertThat(seq).isNotNegative();
        assertThat(w.pong(seq, 140 * MS)).isTrue();
        w.wrote(1024);
        assertThat(w.pingDue(141 * MS)).as("none outstanding: due").isNotNegative();
    }

    @Test
    void theFirstPingGoesBeforeAnyDataAndLaterOnesOnlyAfterNewBytes() {
        CongestionWindow w = new CongestionWindow();
        assertThat(w.pingDue(0)).isEqualTo(0);
        assertThat(w.pingDue(100 * MS)).as("nothing written since").isEqualTo(-1);
        w.wrote(1000);
        assertThat(w.pingDue(MS / 2)).as("one outstanding, too soon").isEqualTo(-1);
        assertThat(w.pingDue(60 * MS)).isEqualTo(1);
        assertThat(w.inFlight()).isEqualTo(1000);
        assertThat(w.pong(7, 70 * MS)).as("unknown seq").isFalse();
        assertThat(w.pong(1, 80 * MS)).as("answers 1, covering 0").isTrue();
        assertThat(w.inFlight()).isZero();
        assertThat(w.oldestPingAge(90 * MS)).isZero();
    }

    @Test
    void slowStartDoublesWhileTheRoundTripStaysAtItsBase() {
        CongestionWindow w = new CongestionWindow();
        long now = 0;
        long before = w.window();
        for (int i = 0; i < 4; i++) {
            now = roundTrip(w, now, 40 * MS);
        }
        assertThat(w.slowStart()).isTrue();
        assertThat(w.window()).isGreaterThanOrEqualTo(before * 4);
        assertThat(w.baseRttNanos()).isEqualTo(40 * MS);
    }

    @Test
    void risingRoundTripsShrinkItToTheDeliveredRateTimesBaseRttPlusAllowance() {
        CongestionWindow w = new CongestionWindow();
        long now = 0;
        for (int i = 0; i < 6; i++) {
            now = roundTrip(w, now, 40 * MS);
        }
        long grown = w.window();
        // a bloated buffer: every round trip now takes 400 ms for one window of bytes
        for (int i = 0; i < 3; i++) {
            now = roundTrip(w, now, 400 * MS);
        }
        assertThat(w.slowStart()).isFalse();
        assertThat(w.window()).isLessThan(grown / 4);
        // the link delivered one window per 400 ms; the window now holds GAIN × (40 + 20) ms of that rate
        LinkEstimate e = w.estimate();
        assertThat(e.measured()).isTrue();
        assertThat(e.baseRttMillis()).isEqualTo(40.0);
        long expected = (long) (CongestionWindow.GAIN * e.throughputBytesPerSecond() * 60 / 1000);
        assertThat(w.window()).isBetween(Math.max(CongestionWindow.MIN_WINDOW, expected * 9 / 10),
                Math.max(CongestionWindow.MIN_WINDOW, expected * 11 / 10));
    }

    @Test
    void itGrowsWithTheDeliveredRateOnceTheQueueIsGoneButNotWhenUnused() {
        CongestionWindow w = new CongestionWindow();
        long now = roundTrip(w, 0, 40 * MS);
        now = roundTrip(w, now, 300 * MS);
        now = roundTrip(w, now, 300 * MS);
        long low = w.window();
        assertThat(w.slowStart()).isFalse();
        for (int i = 0; i < 4; i++) {
            now = roundTrip(w, now, 41 * MS);
        }
        // each period delivers what was written (the window plus the last write's overshoot) per 41 ms, and
        // the window becomes GAIN × that × (40 + 20) ms: ~1.8× per period; slow start's gain would give ~70×
        assertThat(w.window()).as("grows, without slow start's gain").isGreaterThan(low * 3 / 2)
                .isLessThan(low * 32);
        long grown = 0;
        for (int i = 0; i < 8; i++) { // tiny writes: the window holds nothing back, so it must not change
            w.wrote(10);
            long seq = w.pingDue(now);
            now += 41 * MS;
            w.pong(seq, now);
            if (i == 2) {
                grown = w.window(); // by now the last period that used the window has ended
            }
        }
        assertThat(w.window()).isEqualTo(grown);
    }

    @Test
    void itStaysWithinItsBounds() {
        CongestionWindow w = new CongestionWindow();
        long now = 0;
        for (int i = 0; i < 40; i++) {
            now = roundTrip(w, now, 40 * MS);
        }
        assertThat(w.window()).isEqualTo(CongestionWindow.MAX_WINDOW);
        for (int i = 0; i < 40; i++) {
            w.wrote(100);
            long seq = w.pingDue(now);
            now += 5000 * MS;
            w.pong(seq, now);
        }
        assertThat(w.window()).isEqualTo(CongestionWindow.MIN_WINDOW);
    }
}
