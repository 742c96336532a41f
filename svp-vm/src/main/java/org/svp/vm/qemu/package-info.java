/**
 * Running QEMU: the command line (built-in guest or the user's disk image, KVM when /dev/kvm is
 * usable, else TCG), a VNC display on 127.0.0.1 found free, the serial log, QMP for screen dumps, and
 * stopping the VM. Started from the CLI's or a test's thread; QEMU's exit is reported on the JDK's
 * process-reaper thread.
 */
package org.svp.vm.qemu;
