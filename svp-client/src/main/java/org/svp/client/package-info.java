/** The headless SVP client: connection and channel hand-shake, rendered remote screen, input. */
package org.svp.client;
