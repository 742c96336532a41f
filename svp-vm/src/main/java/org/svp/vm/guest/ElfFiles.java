package org.svp.vm.guest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Tells a statically linked x86-64 program from a dynamic one by its ELF program headers. */
final class ElfFiles {
    /** Program header type of the dynamic loader's path: present only in dynamically linked programs. */
    private static final int PT_INTERP = 3;
    private static final int MAX_HEADERS = 256;

    private ElfFiles() {
    }

    /**
     * @param file a program
     * @return true for a 64-bit little-endian ELF file without a PT_INTERP header; false for anything else
     */
    static boolean isStatic(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer h = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
            if (ch.read(h, 0) < 64 || h.getInt(0) != 0x464C457F || h.get(4) != 2 || h.get(5) != 1) {
                return false; // not "\x7fELF", 64-bit, little-endian
            }
            long phoff = h.getLong(32);
            int phentsize = Short.toUnsignedInt(h.getShort(54));
            int phnum = Short.toUnsignedInt(h.getShort(56));
            if (phentsize < 4 || phnum > MAX_HEADERS) {
                return false;
            }
            ByteBuffer ph = ByteBuffer.allocate(phentsize * phnum).order(ByteOrder.LITTLE_ENDIAN);
            ch.read(ph, phoff);
            for (int i = 0; i < phnum; i++) {
                if (ph.getInt(i * phentsize) == PT_INTERP) {
                    return false;
                }
            }
            return true;
        } catch (IOException | IndexOutOfBoundsException e) {
            return false;
        }
    }
}
