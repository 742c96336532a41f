/** The SVP server: bootstrap, configuration, transport choice and counters. */
package org.svp.server;
