package org.svp.source.vrde.session;

import static org.svp.source.vrde.ring.RingLayout.*;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes the ring header's info block, which the module reads to answer VRDEQueryInfo. Seqlock:
 * info_seq is made odd before the fields are written and even again after (release). One writer at a
 * time (callers synchronise on the {@link VrdeSessions}).
 */
public final class InfoBlock {
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong LONG = ValueLayout.JAVA_LONG.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT_VH = INT.varHandle();

    /**
     * What the block says.
     *
     * @param active 1 while a client is connected
     * @param numberOfClients sessions so far
     * @param clientVersion the last session's client_version
     * @param beginMillis when the last session started
     * @param endMillis when it ended, 0 while active
     * @param bytesSent this/last session
     * @param bytesSentTotal all sessions
     * @param bytesReceived this/last session
     * @param bytesReceivedTotal all sessions
     * @param clientIp the last session's address
     */
    public record Info(boolean active, int numberOfClients, int clientVersion, long beginMillis, long endMillis,
                       long bytesSent, long bytesSentTotal, long bytesReceived, long bytesReceivedTotal, String clientIp) {
    }

    private final MemorySegment ring;

    /** @param ring the mapped ring file */
    public InfoBlock(MemorySegment ring) {
        this.ring = ring;
    }

    /** @param i the values to publish */
    public void publish(Info i) {
        int seq = (int) INT_VH.getVolatile(ring, OFF_INFO_SEQ);
        INT_VH.setVolatile(ring, OFF_INFO_SEQ, (seq | 1) == seq ? seq + 2 : seq + 1); // odd
        VarHandle.storeStoreFence();
        ring.set(INT, OFF_ACTIVE, i.active() ? 1 : 0);
        ring.set(INT, OFF_NUMBER_OF_CLIENTS, i.numberOfClients());
        ring.set(INT, OFF_CLIENT_VERSION, i.clientVersion());
        ring.set(LONG, OFF_BEGIN_TIME, i.beginMillis());
        ring.set(LONG, OFF_END_TIME, i.endMillis());
        ring.set(LONG, OFF_BYTES_SENT, i.bytesSent());
        ring.set(LONG, OFF_BYTES_SENT_TOTAL, i.bytesSentTotal());
        ring.set(LONG, OFF_BYTES_RECEIVED, i.bytesReceived());
        ring.set(LONG, OFF_BYTES_RECEIVED_TOTAL, i.bytesReceivedTotal());
        string(OFF_USER, NAME_BYTES, "");
        string(OFF_DOMAIN, NAME_BYTES, "");
        string(OFF_CLIENT_NAME, NAME_BYTES, "");
        string(OFF_CLIENT_IP, IP_BYTES, i.clientIp());
        int odd = (int) INT_VH.get(ring, OFF_INFO_SEQ);
        INT_VH.setRelease(ring, OFF_INFO_SEQ, odd + 1); // even again
    }

    private void string(long off, int size, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        int n = Math.min(b.length, size - 1);
        MemorySegment.copy(b, 0, ring, ValueLayout.JAVA_BYTE, off, n);
        ring.asSlice(off + n, size - n).fill((byte) 0);
    }
}
