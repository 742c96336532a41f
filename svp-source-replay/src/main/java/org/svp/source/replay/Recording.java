package org.svp.source.replay;

/**
 * The file format of a recording (docs/benchmarks.md "bench replay"): the 8 bytes {@link #MAGIC}, then
 * one zstd stream of records, big-endian:
 *
 * <pre>
 *  u8  kind      {@link #DRAW}, {@link #CURSOR} or {@link #END}
 *  i64 at        nanoseconds since the recording started, when the source submitted it
 *  DRAW:   i64 age    nanoseconds between the capture and the submit (-1: the source gave no capture time)
 *          i32 count  messages, then each as i32 length + one SVP frame (header and body, protocol.md)
 *  CURSOR: i32 length + one CURSOR_SHAPE frame
 *  END:    nothing more (a recording without it was cut off; what came before still replays)
 * </pre>
 *
 * Markers are not recorded: they are actions of the process that made them.
 */
final class Recording {
    /** First bytes of every recording. */
    static final byte[] MAGIC = {'S', 'V', 'P', 'R', 'E', 'C', '1', '\n'};
    static final int END = 0;
    static final int DRAW = 1;
    static final int CURSOR = 2;
    /** Largest frame a record may hold: what protocol.md allows a message body, plus its header. */
    static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;
    /** Most messages in one DRAW record. */
    static final int MAX_MESSAGES = 1 << 20;

    private Recording() {
    }
}
