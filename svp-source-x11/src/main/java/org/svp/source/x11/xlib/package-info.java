/**
 * Foreign Function &amp; Memory bindings to the X libraries (one small class per library: Xlib, XShm,
 * XDamage, XFixes, XTest, XRandr) and to the few libc calls they need (System V shared memory, poll,
 * eventfd). No JNI code is built; every handle comes from {@link java.lang.foreign.Linker#nativeLinker()}.
 * None of these classes is thread-safe: one thread (the source's "svp-x11") uses a display connection.
 */
package org.svp.source.x11.xlib;
