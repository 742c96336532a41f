/**
 * The VirtualBox source ({@code --source vrde:DIR}): the Java half of the VRDE extension. The C module
 * loaded by VirtualBox copies screen updates into a shared-memory ring and serves a control socket;
 * this package maps the ring, translates VRDE updates into SVP messages and passes input and client
 * events back. The contract is docs/vrde.md.
 */
package org.svp.source.vrde;
