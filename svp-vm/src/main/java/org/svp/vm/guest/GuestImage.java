package org.svp.vm.guest;

import java.nio.file.Path;

/**
 * A built guest in the cache: boot it with {@code -kernel kernel -initrd initramfs}.
 *
 * @param kernel the kernel image (vmlinuz)
 * @param initramfs the gzip'd busybox initramfs
 * @param kernelRelease the kernel's release, e.g. "6.1.0-57-cloud-amd64"
 */
public record GuestImage(Path kernel, Path initramfs, String kernelRelease) {
}
