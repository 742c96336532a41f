/**
 * Running the host's programs (apt-get, dpkg-deb, qemu) with a time bound and one-line errors that
 * name the Debian package to install. Called from the thread that prepares or starts the VM.
 */
package org.svp.vm.host;
