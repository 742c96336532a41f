package org.svp.vm.guest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a cpio archive in the "new ASCII" (newc) format, the one the Linux kernel unpacks as an
 * initramfs. Every entry belongs to root (uid/gid 0) with time 0, so the archive depends only on its
 * contents, whoever builds it. Single-threaded; the caller closes the stream.
 *
 * <pre>
 * entry  = header(110 bytes) name NUL pad4 data pad4
 * header = "070701" then 13 fields of 8 hex digits: ino mode uid gid nlink mtime filesize
 *          devmajor devminor rdevmajor rdevminor namesize(incl. NUL) check(0)
 * end    = an entry named "TRAILER!!!"
 * </pre>
 */
final class NewcArchive {
    private static final int S_IFDIR = 0040000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFLNK = 0120000;

    private final OutputStream out;
    private long written;
    private int nextInode = 1;

    NewcArchive(OutputStream out) {
        this.out = out;
    }

    /** @param name a path without leading slash, e.g. "bin" */
    void directory(String name) throws IOException {
        entry(name, S_IFDIR | 0755, 2, new byte[0]);
    }

    /** @param mode permission bits, e.g. 0755 */
    void file(String name, int mode, byte[] data) throws IOException {
        entry(name, S_IFREG | mode, 1, data);
    }

    void symlink(String name, String target) throws IOException {
        entry(name, S_IFLNK | 0777, 1, target.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes the trailer; the archive is complete after this. */
    void finish() throws IOException {
        entry("TRAILER!!!", 0, 1, new byte[0]);
    }

    private void entry(String name, int mode, int links, byte[] data) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        int inode = name.equals("TRAILER!!!") ? 0 : nextInode++;
        StringBuilder h = new StringBuilder("070701");
        for (long v : new long[] {inode, mode, 0, 0, links, 0, data.length, 0, 0, 0, 0, n.length + 1, 0}) {
            h.append(String.format("%08X", v));
        }
        write(h.toString().getBytes(StandardCharsets.US_ASCII));
        write(n);
        write(new byte[] {0});
        pad();
        write(data);
        pad();
    }

    private void write(byte[] b) throws IOException {
        out.write(b);
        written += b.length;
    }

    private void pad() throws IOException {
        while (written % 4 != 0) {
            write(new byte[] {0});
        }
    }
}
