/**
 * The built-in guest of {@code svp vm}: a Debian cloud kernel package downloaded and unpacked (never
 * installed) and a busybox-static initramfs written by this package, cached per kernel release and
 * guest script version. Called from the CLI's or a test's thread, once per VM start.
 */
package org.svp.vm.guest;
