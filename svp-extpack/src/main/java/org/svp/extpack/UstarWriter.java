package org.svp.extpack;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A minimal POSIX ustar writer (regular files and directories only, names split into prefix/name when
 * longer than 100 bytes, no PAX or GNU extension records): every member is one plain header block,
 * which is all VirtualBox's tar reader has to understand. Used by {@link ExtPackBuilder} on one
 * thread; the caller wraps the stream in gzip.
 */
final class UstarWriter implements AutoCloseable {
    private static final int BLOCK = 512;
    private final OutputStream out;
    private final long mtime = System.currentTimeMillis() / 1000;

    UstarWriter(OutputStream out) {
        this.out = out;
    }

    /** Adds a directory member ({@code name} ends with {@code /}). */
    void directory(String name) throws IOException {
        header(name.endsWith("/") ? name : name + "/", 0, 0755, '5');
    }

    /** Adds a regular file with the given bytes. */
    void file(String name, byte[] data, int mode) throws IOException {
        header(name, data.length, mode, '0');
        out.write(data);
        pad(data.length);
    }

    /** Adds a regular file copied from disk (a symlink is followed: the member is its target's content). */
    void file(String name, Path source, int mode) throws IOException {
        long size = Files.size(source);
        header(name, size, mode, '0');
        try (InputStream in = Files.newInputStream(source)) {
            long n = in.transferTo(out);
            if (n != size) {
                throw new IOException(source + " changed while it was packed");
            }
        }
        pad(size);
    }

    private void pad(long size) throws IOException {
        int rest = (int) (size % BLOCK);
        if (rest != 0) {
            out.write(new byte[BLOCK - rest]);
        }
    }

    private void header(String name, long size, int mode, char type) throws IOException {
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        byte[] h = new byte[BLOCK];
        String prefix = "";
        String base = name;
        if (n.length > 100) {
            int cut = name.lastIndexOf('/', Math.min(name.length() - 2, 155));
            if (cut <= 0 || name.length() - cut - 1 > 100) {
                throw new IOException("member name cannot be stored in ustar: " + name);
            }
            prefix = name.substring(0, cut);
            base = name.substring(cut + 1);
        }
        put(h, 0, base, 100);
        octal(h, 100, 8, mode);
        octal(h, 108, 8, 0);
        octal(h, 116, 8, 0);
        octal(h, 124, 12, size);
        octal(h, 136, 12, mtime);
        for (int i = 148; i < 156; i++) {
            h[i] = ' ';
        }
        h[156] = (byte) type;
        put(h, 257, "ustar", 6);
        h[263] = '0';
        h[264] = '0';
        put(h, 265, "root", 32);
        put(h, 297, "root", 32);
        put(h, 345, prefix, 155);
        long sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        octal(h, 148, 7, sum);
        h[155] = ' ';
        out.write(h);
    }

    private static void put(byte[] h, int off, String s, int max) {
        byte[] b = s.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, off, Math.min(b.length, max));
    }

    /** A NUL-terminated octal number filling {@code len} bytes. */
    private static void octal(byte[] h, int off, int len, long v) {
        String s = Long.toOctalString(v);
        if (s.length() > len - 1) {
            throw new IllegalArgumentException("value " + v + " does not fit a " + len + "-byte tar field");
        }
        s = "0".repeat(len - 1 - s.length()) + s;
        put(h, off, s, len - 1);
        h[off + len - 1] = 0;
    }

    /** Writes the two zero blocks that end an archive (does not close the underlying stream). */
    @Override
    public void close() throws IOException {
        out.write(new byte[2 * BLOCK]);
        out.flush();
    }
}
