/** The SVP v1 wire vocabulary: message ids, channel types, pixel formats, codec ids and limits. */
package org.svp.protocol;
