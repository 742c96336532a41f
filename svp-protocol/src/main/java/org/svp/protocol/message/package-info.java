/** One immutable record per SVP message, with its byte layout in the Javadoc. */
package org.svp.protocol.message;
